/// `holidays.csv`: national holidays and collective leave (cuti bersama) 2019-2026, by each year's joint
/// ministerial decree (SKB). Only `national` days move a due date (ruling 5); collective leave does not.
public struct HolidayCalendar: Sendable {
    static let file = "holidays.csv"

    public enum Kind: String, Sendable { case national, collectiveLeave = "collective_leave" }

    public struct Holiday: Sendable {
        public let date: CalendarDate
        public let name: String
        public let kind: Kind
    }

    private let byDate: [CalendarDate: Holiday]
    /// The first and last year the calendar covers.
    public let years: ClosedRange<Int>

    init(table: CSVTable) throws(DomainError) {
        var byDate: [CalendarDate: Holiday] = [:]
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let date = try fields.date("date")
            let kindText = try fields.text("kind")
            guard let kind = Kind(rawValue: kindText) else {
                throw fields.refusal("kind", "'\(kindText)' is not national or collective_leave")
            }
            byDate[date] = Holiday(date: date, name: try fields.text("name"), kind: kind)
        }
        let years = byDate.keys.map(\.year)
        guard let first = years.min(), let last = years.max() else {
            throw .malformedTable(file: table.file, row: 1, reason: "no holidays listed")
        }
        self.byDate = byDate
        self.years = first...last
    }

    public func holiday(on date: CalendarDate) -> Holiday? { byDate[date] }

    /// A working day: Monday to Friday and not a national holiday.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        !date.isWeekend && byDate[date]?.kind != .national
    }

    /// The date itself when it is a working day, else the next working day.
    public func onOrAfterNextWorkingDay(_ date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }
}
