/// A day in the civil (proleptic Gregorian) calendar, without time or zone.
///
/// Regulations speak in days ("in force from 2 December 2019", "due on the 15th"), so the core counts in
/// days too. Arithmetic goes through a day number (days since 1970-01-01), which keeps it pure and free of
/// `TimeZone` surprises.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns nil when the day does not exist (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(year: year, month: month) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String { iso }

    /// `YYYY-MM-DD`.
    public var iso: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension CalendarDate {
    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date with the given day number (inverse of `dayNumber`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Adds calendar months; a day past the end of the target month is clamped to its last day
    /// (31 January + 1 month = 28 or 29 February).
    public func adding(months: Int) -> CalendarDate {
        let target = YearMonth(year: year, month: month).adding(months: months)
        let lastDay = CalendarDate.daysIn(year: target.year, month: target.month)
        return CalendarDate(year: target.year, month: target.month, day: min(day, lastDay))!
    }

    /// 1 = Monday ... 7 = Sunday (ISO 8601). 1970-01-01 was a Thursday.
    public var isoWeekday: Int {
        let index = ((dayNumber % 7) + 7 + 3) % 7
        return index + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public var yearMonth: YearMonth { YearMonth(year: year, month: month) }

    /// Age in whole years on this date of someone born on `birthDate`.
    public func age(ofPersonBornOn birthDate: CalendarDate) -> Int {
        var age = year - birthDate.year
        if (month, day) < (birthDate.month, birthDate.day) { age -= 1 }
        return age
    }
}
