import Foundation

/// A calendar quarter, written `2025Q1`.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 to 4.
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1...4).contains(number), (1900...9999).contains(year) else { return nil }
        self.year = year
        self.number = number
    }

    /// Parses `2025Q1` (also `2025-Q1`, lower case q).
    public init?(text: some StringProtocol) {
        let cleaned = text.uppercased().replacingOccurrences(of: "-", with: "")
        let parts = cleaned.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let number = Int(parts[1]) else { return nil }
        self.init(year: year, number: number)
    }

    public init(containing month: YearMonth) {
        year = month.year
        number = (month.month - 1) / 3 + 1
    }

    public var description: String { "\(year)Q\(number)" }
    public var firstMonth: YearMonth { YearMonth(year: year, month: number * 3 - 2) }
    public var lastMonth: YearMonth { YearMonth(year: year, month: number * 3) }
    public var lastDay: CalendarDate { lastMonth.lastDay }

    public func adding(quarters: Int) -> Quarter {
        let index = year * 4 + (number - 1) + quarters
        return Quarter(year: index / 4, number: index % 4 + 1)!
    }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { (lhs.year, lhs.number) < (rhs.year, rhs.number) }
}

/// The period coverage figures are asked for: a quarter (its last month's figures) or a day (its month's).
/// Figures are monthly, taken on the month's last day (`ActiveParticipantRule.referenceDate(of:)`).
public enum CoveragePeriod: Hashable, Sendable, CustomStringConvertible {
    case quarter(Quarter)
    case month(YearMonth)

    /// `on 2025-03-15` reads March 2025.
    public static func on(_ date: CalendarDate) -> CoveragePeriod { .month(date.yearMonth) }

    /// The month whose figures stand for the period.
    public var month: YearMonth {
        switch self {
        case .quarter(let quarter): quarter.lastMonth
        case .month(let month): month
        }
    }

    public var referenceDate: CalendarDate { ActiveParticipantRule.referenceDate(of: month) }
    /// The same point one quarter earlier (quarter-over-quarter change).
    public var previousQuarterMonth: YearMonth { month.adding(months: -3) }
    /// The same point one year earlier (year-over-year change).
    public var yearAgoMonth: YearMonth { month.adding(months: -12) }

    public var description: String {
        switch self {
        case .quarter(let quarter): quarter.description
        case .month(let month): month.description
        }
    }
}
