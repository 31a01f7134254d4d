/// A value from a rule table together with where it comes from: the regulation that sets it and the
/// period it is in force. Every amount Lindung computes can name its rule this way.
public struct Ruled<Value: Sendable>: Sendable {
    public let value: Value
    public let regulation: String
    public let period: EffectivePeriod

    public init(value: Value, regulation: String, period: EffectivePeriod) {
        self.value = value
        self.regulation = regulation
        self.period = period
    }
}

/// Days a rule is in force: from `start`, through `end` inclusive (open-ended when nil).
public struct EffectivePeriod: Hashable, Sendable {
    public let start: CalendarDate
    public let end: CalendarDate?

    public init(start: CalendarDate, end: CalendarDate?) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: CalendarDate) -> Bool {
        date >= start && (end.map { date <= $0 } ?? true)
    }

    func overlaps(_ other: EffectivePeriod) -> Bool {
        let thisEndsBefore = end.map { $0 < other.start } ?? false
        let otherEndsBefore = other.end.map { $0 < start } ?? false
        return !thisEndsBefore && !otherEndsBefore
    }
}

/// Rows of one rule that each hold for a period; finds the row in force on a date.
struct EffectiveSeries<Row: Sendable>: Sendable {
    let name: String
    private(set) var rows: [(period: EffectivePeriod, row: Row)] = []

    init(name: String) { self.name = name }

    /// Adds a row, refusing one whose period overlaps a row already in the series.
    mutating func add(_ row: Row, period: EffectivePeriod, file: String, rowNumber: Int) throws(DomainError) {
        if rows.contains(where: { $0.period.overlaps(period) }) {
            throw .malformedTable(
                file: file, row: rowNumber, reason: "'\(name)' already has a row in force during this period")
        }
        rows.append((period, row))
        rows.sort { $0.period.start < $1.period.start }
    }

    func row(on date: CalendarDate) throws(DomainError) -> (period: EffectivePeriod, row: Row) {
        guard let match = rows.first(where: { $0.period.contains(date) }) else {
            throw .noRuleInForce(rule: name, date: date, tableStarts: rows.first?.period.start)
        }
        return match
    }
}

/// Refuses two rows of a table that are in force at the same time and describe the same thing (the same
/// income range, stage or school level), which would make a lookup ambiguous.
func refuseOverlaps<Row>(
    _ rows: [(number: Int, period: EffectivePeriod, row: Row)], file: String, describe: (Row) -> String,
    clash: (Row, Row) -> Bool
) throws(DomainError) {
    for (index, first) in rows.enumerated() {
        for second in rows[(index + 1)...] where first.period.overlaps(second.period) && clash(first.row, second.row) {
            throw .malformedTable(
                file: file, row: second.number,
                reason: "\(describe(second.row)) overlaps row \(first.number) in the same period")
        }
    }
}
