/// `jakon_tiers.csv`: marginal tiers on a construction contract's value (Permenaker 44/2015, ruling 9).
/// Each tier's rates apply to the slice of the contract value above `above` and up to `up_to`.
struct JakonTierTable: Sendable {
    static let file = "jakon_tiers.csv"

    struct Tier: Sendable {
        let above: Rupiah
        let upTo: Rupiah?
        let jkk: Rate
        let jkm: Rate
        let regulation: String
        let period: EffectivePeriod
        let row: Int
    }

    let tiers: [Tier]

    init(table: CSVTable) throws(DomainError) {
        var tiers: [Tier] = []
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let tier = Tier(
                above: try fields.integer("above"), upTo: try fields.optionalInteger("up_to"),
                jkk: try fields.rate("jkk_rate"), jkm: try fields.rate("jkm_rate"),
                regulation: try fields.text("regulation"), period: try fields.period(), row: row.number)
            if let upTo = tier.upTo, upTo <= tier.above {
                throw fields.refusal("up_to", "\(upTo) is not above 'above' \(tier.above)")
            }
            tiers.append(tier)
        }
        self.tiers = tiers.sorted { $0.above < $1.above }
        for start in Set(tiers.map(\.period.start)) { try checkContiguous(on: start) }
    }

    /// Refuses tiers in force on a date that do not run from zero to an open-ended top tier without gaps
    /// or overlaps: a gap would leave part of a contract value uncharged.
    private func checkContiguous(on date: CalendarDate) throws(DomainError) {
        let inForce = tiers.filter { $0.period.contains(date) }
        var expected: Rupiah? = 0
        for tier in inForce {
            guard tier.above == expected else {
                throw .malformedTable(
                    file: Self.file, row: tier.row,
                    reason: "tiers in force on \(date.iso) should continue from \(expected.map(String.init) ?? "the open-ended top tier"), found 'above' \(tier.above)")
            }
            expected = tier.upTo
        }
        if expected != nil, let last = inForce.last {
            throw .malformedTable(file: Self.file, row: last.row, reason: "the top tier in force on \(date.iso) needs an empty up_to")
        }
    }

    /// The tiers in force on a date, checked to run contiguously from zero.
    func tiers(on date: CalendarDate) throws(DomainError) -> [Tier] {
        let inForce = tiers.filter { $0.period.contains(date) }
        guard !inForce.isEmpty else {
            throw .noRuleInForce(rule: "Jakon contract-value tiers", date: date, tableStarts: tiers.map(\.period.start).min())
        }
        return inForce
    }
}
