import LindungCore

/// The contribution JSON contract (docs/cli.md): `lines`, `totals` by payer, `total`, plus the JKP
/// `allocation` by fund and `notes`. Nullable fields are written as `null`, never left out.
struct ContributionJSON: Encodable {
    struct Line: Encodable {
        let line: ContributionLine

        enum CodingKeys: String, CodingKey { case program, payer, base, rate, flatAmount = "flat_amount", quantity, amount, regulation, note }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line.program.rawValue, forKey: .program)
            try container.encode(line.payer.rawValue, forKey: .payer)
            try container.encode(line.base, forKey: .base)
            try container.encode(line.rate?.percentValue, forKey: .rate)
            try container.encode(line.flatAmount, forKey: .flatAmount)
            try container.encode(line.quantity, forKey: .quantity)
            try container.encode(line.amount, forKey: .amount)
            try container.encode(line.regulation, forKey: .regulation)
            try container.encode(line.note, forKey: .note)
        }
    }

    struct Totals: Encodable {
        let employer: Int64
        let worker: Int64
        let government: Int64
        let participant: Int64
    }

    struct Allocation: Encodable {
        let fund: String
        let source: String
        let base: Int64
        let rate: Double
        let amount: Int64
        let regulation: String
    }

    let segment: String
    let month: String
    let lines: [Line]
    let totals: Totals
    let total: Int64
    let allocation: [Allocation]
    let notes: [String]

    init(_ result: ContributionResult) {
        segment = result.segment.rawValue
        month = result.month.description
        lines = result.lines.map(Line.init)
        totals = Totals(
            employer: result.total(for: .employer), worker: result.total(for: .worker),
            government: result.total(for: .government), participant: result.total(for: .participant))
        total = result.total
        allocation = result.allocations.map {
            Allocation(fund: $0.fund.rawValue, source: $0.source.rawValue, base: $0.base, rate: $0.rate.percentValue, amount: $0.amount, regulation: $0.regulation)
        }
        notes = result.notes
    }
}
