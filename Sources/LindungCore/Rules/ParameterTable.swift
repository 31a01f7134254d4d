/// `parameters.csv`: every single-valued rule (a rate, a cap, a flat amount, a count) by key and period.
///
/// One generic table keeps a new regulation's figure a one-row change. Keys are dotted names
/// (`pu.jp.wage_cap`); the units say how a value reads: `percent` is a rate, every other unit a whole
/// number (`rupiah`, `months`, `count`, `times`, `day`).
struct ParameterTable: Sendable {
    static let file = "parameters.csv"
    static let units: Set<String> = ["percent", "rupiah", "months", "count", "times", "day"]

    enum Value: Sendable {
        case rate(Rate)
        case whole(Int64)
    }

    private var series: [String: EffectiveSeries<Value>] = [:]
    private var regulations: [String: [CalendarDate: String]] = [:]

    init(table: CSVTable) throws(DomainError) {
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let key = try fields.text("key")
            let unit = try fields.text("unit")
            guard Self.units.contains(unit) else {
                throw fields.refusal("unit", "'\(unit)' is not one of \(Self.units.sorted().joined(separator: ", "))")
            }
            let value: Value = unit == "percent" ? .rate(try fields.rate("value")) : .whole(try fields.integer("value"))
            let period = try fields.period()
            let regulation = try fields.text("regulation")
            var keySeries = series[key] ?? EffectiveSeries(name: key)
            try keySeries.add(value, period: period, file: table.file, rowNumber: row.number)
            series[key] = keySeries
            regulations[key, default: [:]][period.start] = regulation
        }
    }

    func rate(_ key: String, on date: CalendarDate) throws(DomainError) -> Ruled<Rate> {
        let found = try lookup(key, on: date)
        guard case .rate(let rate) = found.value else { throw wrongUnit(key) }
        return Ruled(value: rate, regulation: found.regulation, period: found.period)
    }

    func whole(_ key: String, on date: CalendarDate) throws(DomainError) -> Ruled<Int64> {
        let found = try lookup(key, on: date)
        guard case .whole(let number) = found.value else { throw wrongUnit(key) }
        return Ruled(value: number, regulation: found.regulation, period: found.period)
    }

    /// Like `rate`, but nil when no row covers the date (for rules that only exist in some periods, such
    /// as a relief discount). A key with no rows at all is still an error: that is a typo, not a gap.
    func optionalRate(_ key: String, on date: CalendarDate) throws(DomainError) -> Ruled<Rate>? {
        guard series[key] != nil else { throw unknownKey(key) }
        do { return try rate(key, on: date) } catch .noRuleInForce { return nil }
    }

    /// Keys the code reads; checked at load so a table missing one is refused before any computation.
    func requireKeys(_ keys: [String]) throws(DomainError) {
        for key in keys where series[key] == nil {
            throw .malformedTable(file: Self.file, row: 1, reason: "no row for the required key '\(key)'")
        }
    }

    private func lookup(_ key: String, on date: CalendarDate) throws(DomainError) -> Ruled<Value> {
        guard let keySeries = series[key] else { throw unknownKey(key) }
        let (period, value) = try keySeries.row(on: date)
        return Ruled(value: value, regulation: regulations[key]?[period.start] ?? "", period: period)
    }

    private func wrongUnit(_ key: String) -> DomainError {
        .malformedTable(file: Self.file, row: 1, reason: "key '\(key)' has a unit the code does not expect")
    }

    private func unknownKey(_ key: String) -> DomainError {
        .malformedTable(file: Self.file, row: 1, reason: "no row for the required key '\(key)'")
    }
}
