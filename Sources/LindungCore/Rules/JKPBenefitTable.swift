/// `jkp_benefit.csv`: the job-loss cash benefit as a percentage of the capped wage for each month after
/// the layoff, keyed by the layoff date: PP 37/2021 45 % for months 1-3 and 25 % for 4-6; PP 6/2025
/// (from 7 February 2025) 60 % for months 1-6.
struct JKPBenefitTable: Sendable {
    static let file = "jkp_benefit.csv"

    struct Tier: Sendable {
        let months: ClosedRange<Int>
        let percent: Rate
        let regulation: String
        let period: EffectivePeriod
    }

    let tiers: [Tier]

    init(table: CSVTable) throws(DomainError) {
        var tiers: [Tier] = []
        var numbered: [(number: Int, period: EffectivePeriod, row: Tier)] = []
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let from = Int(try fields.integer("month_from"))
            let to = Int(try fields.integer("month_to"))
            guard from >= 1, to >= from else { throw fields.refusal("month_to", "months \(from)-\(to) are not a range from 1") }
            let tier = Tier(months: from...to, percent: try fields.rate("percent"), regulation: try fields.text("regulation"), period: try fields.period())
            tiers.append(tier)
            numbered.append((row.number, tier.period, tier))
        }
        try refuseOverlaps(
            numbered, file: table.file, describe: { "months \($0.months.lowerBound)-\($0.months.upperBound)" },
            clash: { $0.months.overlaps($1.months) })
        self.tiers = tiers.sorted { $0.months.lowerBound < $1.months.lowerBound }
    }

    func tiers(on date: CalendarDate) throws(DomainError) -> [Tier] {
        let inForce = tiers.filter { $0.period.contains(date) }
        guard !inForce.isEmpty else {
            throw .noRuleInForce(rule: "JKP benefit", date: date, tableStarts: tiers.map(\.period.start).min())
        }
        return inForce
    }
}
