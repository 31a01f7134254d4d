import Foundation
import Testing

@testable import LindungCore

/// CalendarDate and YearMonth: the day arithmetic under due dates (ruling 5), the relief's 30th (ruling 14),
/// pension age (ruling 12: age in whole years on the first day of the month) and NIK birth dates (§6).
/// Expected values were checked with Python's datetime (proleptic Gregorian).
@Suite("CalendarDate and YearMonth")
struct CalendarDateTests {
    // MARK: - Day numbers

    @Test(
        "Known day numbers (days since 1970-01-01)",
        arguments: [
            ("1970-01-01", 0), ("1969-12-28", -4), ("2000-03-01", 11_017), ("2025-06-15", 20_254),
            ("1600-01-01", -135_140), ("2400-02-29", 157_113), ("1900-03-01", -25_508), ("2021-02-15", 18_673),
        ])
    func knownDayNumbers(iso: String, dayNumber: Int) throws {
        let date = try #require(CalendarDate(iso: iso))
        #expect(date.dayNumber == dayNumber)
        #expect(CalendarDate(dayNumber: dayNumber) == date)
    }

    @Test("dayNumber and init(dayNumber:) round-trip over 1600-2400, with consecutive days one apart")
    func roundTrip() {
        // Every day from 1600-01-01 to 2400-12-31 walked by year, month and day.
        var expected = CalendarDate(year: 1600, month: 1, day: 1)!.dayNumber
        for year in 1600...2400 {
            for month in 1...12 {
                for day in 1...CalendarDate.daysIn(year: year, month: month) {
                    let date = CalendarDate(year: year, month: month, day: day)!
                    if date.dayNumber != expected || CalendarDate(dayNumber: expected) != date {
                        Issue.record("round trip failed at \(date.iso): \(date.dayNumber) vs \(expected)")
                        return
                    }
                    expected += 1
                }
            }
        }
    }

    @Test("dayNumber agrees with Foundation's Gregorian calendar")
    func agreesWithFoundation() throws {
        // An independent oracle: Foundation in UTC, from 1700 on (Foundation's calendar is Julian before 1582).
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for dayNumber in stride(from: -98_000, through: 150_000, by: 997) {
            let date = CalendarDate(dayNumber: dayNumber)
            let components = DateComponents(year: date.year, month: date.month, day: date.day)
            let foundation = try #require(calendar.date(from: components))
            #expect(Int((foundation.timeIntervalSince1970 / 86_400).rounded()) == dayNumber, "\(date.iso)")
            #expect(calendar.component(.weekday, from: foundation) == date.isoWeekday % 7 + 1, "\(date.iso)")
        }
    }

    @Test("adding(days:) crosses month, year and leap-day boundaries")
    func addingDays() {
        #expect(CalendarDate(year: 2024, month: 2, day: 28)!.adding(days: 1) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(year: 2025, month: 2, day: 28)!.adding(days: 1) == CalendarDate(year: 2025, month: 3, day: 1))
        #expect(CalendarDate(year: 2025, month: 12, day: 31)!.adding(days: 1) == CalendarDate(year: 2026, month: 1, day: 1))
        #expect(CalendarDate(year: 2026, month: 1, day: 1)!.adding(days: -1) == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(CalendarDate(year: 2025, month: 6, day: 15)!.adding(days: 365) == CalendarDate(year: 2026, month: 6, day: 15))
    }

    // MARK: - Weekdays

    @Test(
        "ISO weekdays (1 = Monday ... 7 = Sunday)",
        arguments: [
            ("2025-06-15", 7), ("2025-06-16", 1), ("2025-03-15", 6), ("2022-04-15", 5), ("1970-01-01", 4),
            ("1969-12-28", 7), ("2020-09-30", 3), ("2021-02-28", 7), ("2024-02-29", 4), ("1968-08-05", 1),
        ])
    func weekdays(iso: String, weekday: Int) throws {
        // Ruling 5: Saturday and Sunday move a due date.
        let date = try #require(CalendarDate(iso: iso))
        #expect(date.isoWeekday == weekday)
        #expect(date.isWeekend == (weekday >= 6))
    }

    // MARK: - Adding months

    @Test("31 January + 1 month clamps to 28 February 2025 and 29 February 2024")
    func addingMonthsClamps() {
        // Ruling 14's "30th of the following month" needs the month's last day when it is shorter.
        #expect(CalendarDate(year: 2025, month: 1, day: 31)!.adding(months: 1) == CalendarDate(year: 2025, month: 2, day: 28))
        #expect(CalendarDate(year: 2024, month: 1, day: 31)!.adding(months: 1) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(year: 2025, month: 3, day: 31)!.adding(months: 1) == CalendarDate(year: 2025, month: 4, day: 30))
        #expect(CalendarDate(year: 2025, month: 1, day: 30)!.adding(months: 1) == CalendarDate(year: 2025, month: 2, day: 28))
    }

    @Test("adding(months:) crosses year boundaries both ways")
    func addingMonthsAcrossYears() {
        #expect(CalendarDate(year: 2025, month: 12, day: 15)!.adding(months: 1) == CalendarDate(year: 2026, month: 1, day: 15))
        #expect(CalendarDate(year: 2025, month: 1, day: 15)!.adding(months: -1) == CalendarDate(year: 2024, month: 12, day: 15))
        #expect(CalendarDate(year: 2024, month: 2, day: 29)!.adding(months: 12) == CalendarDate(year: 2025, month: 2, day: 28))
        #expect(CalendarDate(year: 2025, month: 3, day: 31)!.adding(months: -1) == CalendarDate(year: 2025, month: 2, day: 28))
        #expect(CalendarDate(year: 2025, month: 5, day: 15)!.adding(months: 0) == CalendarDate(year: 2025, month: 5, day: 15))
    }

    // MARK: - Age

    @Test("Age the day before and on the birthday")
    func age() {
        // Ruling 12: age in whole years. Born 5 August 1968.
        let birth = CalendarDate(year: 1968, month: 8, day: 5)!
        #expect(CalendarDate(year: 2025, month: 8, day: 4)!.age(ofPersonBornOn: birth) == 56)
        #expect(CalendarDate(year: 2025, month: 8, day: 5)!.age(ofPersonBornOn: birth) == 57)
        #expect(CalendarDate(year: 2025, month: 8, day: 6)!.age(ofPersonBornOn: birth) == 57)
        #expect(CalendarDate(year: 2025, month: 1, day: 1)!.age(ofPersonBornOn: birth) == 56)
        #expect(birth.age(ofPersonBornOn: birth) == 0)
    }

    @Test("Age on the first day of a month (ruling 12's reference day)")
    func ageOnFirstOfMonth() {
        // Ruling 12: "age in whole years on the first day of the month". Born 1 June 1966: 59 on 1 June 2025.
        let birth = CalendarDate(year: 1966, month: 6, day: 1)!
        #expect(YearMonth(year: 2025, month: 5).firstDay.age(ofPersonBornOn: birth) == 58)
        #expect(YearMonth(year: 2025, month: 6).firstDay.age(ofPersonBornOn: birth) == 59)
    }

    // MARK: - Validity and parsing

    @Test("Dates that do not exist are nil")
    func invalidDates() {
        #expect(CalendarDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2025, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2025, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 2025, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2025, month: 1, day: 0) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
    }

    @Test("Leap years follow the Gregorian rule")
    func leapYears() {
        #expect(CalendarDate.isLeap(2024))
        #expect(CalendarDate.isLeap(2000))
        #expect(CalendarDate.isLeap(1968))
        #expect(!CalendarDate.isLeap(1900))
        #expect(!CalendarDate.isLeap(2025))
        #expect(CalendarDate.daysIn(year: 2024, month: 2) == 29)
        #expect(CalendarDate.daysIn(year: 2025, month: 2) == 28)
        #expect(CalendarDate.daysIn(year: 2025, month: 9) == 30)
        #expect(CalendarDate.daysIn(year: 2025, month: 12) == 31)
    }

    @Test("ISO parsing accepts YYYY-MM-DD only")
    func isoParsing() {
        #expect(CalendarDate(iso: "2025-06-15") == CalendarDate(year: 2025, month: 6, day: 15))
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2025-13-01") == nil)
        #expect(CalendarDate(iso: "2025-6-15") == nil)
        #expect(CalendarDate(iso: "15-06-2025") == nil)
        #expect(CalendarDate(iso: "2025/06/15") == nil)
        #expect(CalendarDate(iso: "2025-06-15-01") == nil)
        #expect(CalendarDate(iso: "") == nil)
        #expect(CalendarDate(year: 2025, month: 6, day: 5)?.iso == "2025-06-05")
        #expect(CalendarDate(year: 2025, month: 6, day: 5)?.description == "2025-06-05")
    }

    @Test("Dates order chronologically")
    func ordering() {
        #expect(CalendarDate(year: 2025, month: 1, day: 31)! < CalendarDate(year: 2025, month: 2, day: 1)!)
        #expect(CalendarDate(year: 2024, month: 12, day: 31)! < CalendarDate(year: 2025, month: 1, day: 1)!)
        #expect(!(CalendarDate(year: 2025, month: 1, day: 1)! < CalendarDate(year: 2025, month: 1, day: 1)!))
    }

    // MARK: - YearMonth

    @Test("YearMonth parses YYYY-MM and refuses anything else")
    func yearMonthParsing() {
        #expect(YearMonth(iso: "2025-04") == YearMonth(year: 2025, month: 4))
        #expect(YearMonth(iso: "2025-12") == YearMonth(year: 2025, month: 12))
        #expect(YearMonth(iso: "2025-4") == nil)
        #expect(YearMonth(iso: "2025-13") == nil)
        #expect(YearMonth(iso: "2025-00") == nil)
        #expect(YearMonth(iso: "25-04") == nil)
        #expect(YearMonth(iso: "2025-04-01") == nil)
        #expect(YearMonth(iso: "2025/04") == nil)
        #expect(YearMonth(year: 2025, month: 4).description == "2025-04")
    }

    @Test("YearMonth adding crosses year boundaries")
    func yearMonthAdding() {
        // Ruling 5: a PU month falls due in the following month (December → January).
        #expect(YearMonth(year: 2025, month: 12).adding(months: 1) == YearMonth(year: 2026, month: 1))
        #expect(YearMonth(year: 2025, month: 1).adding(months: -1) == YearMonth(year: 2024, month: 12))
        #expect(YearMonth(year: 2025, month: 11).adding(months: 14) == YearMonth(year: 2027, month: 1))
        #expect(YearMonth(year: 2025, month: 1).adding(months: -25) == YearMonth(year: 2022, month: 12))
        #expect(YearMonth(year: 2025, month: 1).adding(months: -12) == YearMonth(year: 2024, month: 1))
        #expect(YearMonth(year: 2025, month: 6).adding(months: 0) == YearMonth(year: 2025, month: 6))
    }

    @Test("YearMonth first and last days")
    func yearMonthDays() {
        #expect(YearMonth(year: 2024, month: 2).lastDay == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(YearMonth(year: 2025, month: 2).lastDay == CalendarDate(year: 2025, month: 2, day: 28))
        #expect(YearMonth(year: 2025, month: 4).firstDay == CalendarDate(year: 2025, month: 4, day: 1))
        #expect(CalendarDate(year: 2025, month: 4, day: 17)!.yearMonth == YearMonth(year: 2025, month: 4))
        #expect(YearMonth(year: 2024, month: 12) < YearMonth(year: 2025, month: 1))
    }
}
