/// `scholarship.csv`: the education benefit per child by school level (PP 82/2019; Permenaker 5/2021),
/// keyed by the date of death. Before PP 82/2019 one row (`any`) gave a single Rp12 M scholarship.
struct ScholarshipTable: Sendable {
    static let file = "scholarship.csv"

    struct Level: Sendable {
        let level: String
        let amountPerYear: Rupiah
        let maxYears: Int
        let regulation: String
        let period: EffectivePeriod
    }

    let levels: [Level]

    init(table: CSVTable) throws(DomainError) {
        var levels: [Level] = []
        var numbered: [(number: Int, period: EffectivePeriod, row: Level)] = []
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let level = Level(
                level: try fields.text("level"), amountPerYear: try fields.integer("amount_per_year"),
                maxYears: Int(try fields.integer("max_years")), regulation: try fields.text("regulation"),
                period: try fields.period())
            levels.append(level)
            numbered.append((row.number, level.period, level))
        }
        try refuseOverlaps(numbered, file: table.file, describe: { "level \($0.level)" }, clash: { $0.level == $1.level })
        self.levels = levels
    }

    func levels(on date: CalendarDate) throws(DomainError) -> [Level] {
        let inForce = levels.filter { $0.period.contains(date) }
        guard !inForce.isEmpty else {
            throw .noRuleInForce(rule: "scholarship levels", date: date, tableStarts: levels.map(\.period.start).min())
        }
        return inForce
    }
}
