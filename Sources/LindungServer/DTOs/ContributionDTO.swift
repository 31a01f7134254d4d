import LindungCore

/// One month's contribution as `lindung calc contribution --json` prints it (docs/cli.md).
struct ContributionDTO: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        let program: String
        let payer: String
        let base: Nullable<Int64>
        let rate: Nullable<Double>
        let flat_amount: Nullable<Int64>
        let quantity: Int
        let amount: Int64
        let regulation: String
        let note: Nullable<String>
    }

    struct Totals: Encodable, Sendable {
        let employer: Int64
        let worker: Int64
        let government: Int64
        let participant: Int64
    }

    struct Allocation: Encodable, Sendable {
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
        lines = result.lines.map {
            Line(
                program: $0.program.rawValue, payer: $0.payer.rawValue, base: Nullable($0.base), rate: Nullable($0.rate?.percentValue),
                flat_amount: Nullable($0.flatAmount), quantity: $0.quantity, amount: $0.amount, regulation: $0.regulation, note: Nullable($0.note))
        }
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

