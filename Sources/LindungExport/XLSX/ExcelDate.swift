import LindungCore

/// Excel's 1900 date system: a date is the number of days since 1899-12-30, because Excel (after Lotus
/// 1-2-3) counts a 29 February 1900 that never was. Before 1 March 1900 the count is off by that day.
enum ExcelDate {
    private static let epoch = CalendarDate(year: 1899, month: 12, day: 30)!.dayNumber
    private static let first = CalendarDate(year: 1900, month: 1, day: 1)!
    private static let fakeLeapDay = CalendarDate(year: 1900, month: 3, day: 1)!
    private static let last = CalendarDate(year: 9999, month: 12, day: 31)!

    /// The serial number shown with a date format, or nil outside 1900-01-01...9999-12-31, which
    /// Excel cannot show as a date (those are written as text).
    static func serial(_ date: CalendarDate) -> Int? {
        guard date >= first, date <= last else { return nil }
        let serial = date.dayNumber - epoch
        return date < fakeLeapDay ? serial - 1 : serial
    }
}
