/// `pension_age.csv`: the JP pension age by calendar year (PP 45/2015, ruling 4): 56 to 2018, 57 from
/// 2019, one more year every three years, 65 from 2043.
struct PensionAgeTable: Sendable {
    static let file = "pension_age.csv"

    struct Row: Sendable {
        let years: ClosedRange<Int>
        let age: Int
        let regulation: String
    }

    let rows: [Row]

    init(table: CSVTable) throws(DomainError) {
        var rows: [Row] = []
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let from = Int(try fields.integer("year_from"))
            let to = try fields.optionalInteger("year_to").map(Int.init) ?? Int.max
            guard to >= from else { throw fields.refusal("year_to", "\(to) is before year_from \(from)") }
            if rows.contains(where: { $0.years.overlaps(from...to) }) {
                throw fields.refusal("year_from", "years \(from)-\(to) overlap another row")
            }
            rows.append(Row(years: from...to, age: Int(try fields.integer("age")), regulation: try fields.text("regulation")))
        }
        self.rows = rows
    }

    func pensionAge(in year: Int) throws(DomainError) -> Ruled<Int> {
        guard let row = rows.first(where: { $0.years.contains(year) }) else {
            throw .noRuleInForce(
                rule: "pension age", date: CalendarDate(year: year, month: 1, day: 1)!,
                tableStarts: rows.map(\.years.lowerBound).min().flatMap { CalendarDate(year: $0, month: 1, day: 1) })
        }
        let end = row.years.upperBound == Int.max ? nil : CalendarDate(year: row.years.upperBound, month: 12, day: 31)
        return Ruled(
            value: row.age, regulation: row.regulation,
            period: EffectivePeriod(start: CalendarDate(year: row.years.lowerBound, month: 1, day: 1)!, end: end))
    }
}
