import Foundation
import Testing

@testable import LindungCore

/// A temporary directory removed when the value is released.
private final class DueDateTempDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-duedate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

private func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)!
}

/// Due dates (ruling 5 and ruling 14). Every weekday and holiday below was checked against a real calendar
/// (Python's datetime) and reference/holidays.csv.
@Suite("Due dates")
struct DueDateTests {
    let calculator: DueDateCalculator
    let holidays: HolidayCalendar

    init() throws {
        holidays = try ReferenceData().holidays
        calculator = DueDateCalculator(rules: try RuleSet(), holidays: holidays)
    }

    // MARK: - Ruling 5: PU on the 15th of the following month, BPU on the 15th of the month itself

    @Test("PU 2025-05: the 15th of June is a Sunday, so Monday 16 June")
    func puSundayMovesToMonday() throws {
        // Ruling 5: PU falls due on the 15th of the following month; a Sunday moves it to the next working day.
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2025, month: 5))
        #expect(due.nominal == date(2025, 6, 15))
        #expect(due.nominal.isoWeekday == 7)
        #expect(due.dueDate == date(2025, 6, 16))
        #expect(due.month == YearMonth(year: 2025, month: 5))
        #expect(due.segment == .pu)
        #expect(due.reasons.count == 1)
        #expect(due.reasons.first?.contains("2025-06-15") == true)
        #expect(due.reasons.first?.contains("weekend") == true)
        #expect(!due.regulation.isEmpty)
    }

    @Test("PU 2025-06: Tuesday 15 July 2025 is a working day and stays")
    func puWeekdayStays() throws {
        // Ruling 5: the 15th itself when it is a working day (2025-07-15 is a Tuesday, no holiday).
        #expect(holidays.holiday(on: date(2025, 7, 15)) == nil)
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2025, month: 6))
        #expect(due.nominal == date(2025, 7, 15))
        #expect(due.dueDate == date(2025, 7, 15))
        #expect(due.dueDate.isoWeekday == 2)
        #expect(due.reasons.isEmpty)
    }

    @Test("PU 2025-12 falls due in January of the next year")
    func puAcrossYearEnd() throws {
        // Ruling 5: the following month of December is January; 2026-01-15 is a Thursday, no holiday.
        #expect(holidays.holiday(on: date(2026, 1, 15)) == nil)
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2025, month: 12))
        #expect(due.nominal == date(2026, 1, 15))
        #expect(due.dueDate == date(2026, 1, 15))
    }

    @Test("BPU 2025-03: Saturday 15 March 2025 moves to Monday 17 March")
    func bpuSaturdayMovesToMonday() throws {
        // Ruling 5: BPU falls due on the 15th of the month itself; Saturday and Sunday are skipped.
        // holidays.csv has no row on 2025-03-15, -16 or -17.
        for day in 15...17 { #expect(holidays.holiday(on: date(2025, 3, day)) == nil) }
        let due = try calculator.dueDate(segment: .bpu, month: YearMonth(year: 2025, month: 3))
        #expect(due.nominal == date(2025, 3, 15))
        #expect(due.nominal.isoWeekday == 6)
        #expect(due.dueDate == date(2025, 3, 17))
        #expect(due.dueDate.isoWeekday == 1)
        #expect(due.reasons.count == 2)
    }

    @Test("BPU 2025-07 falls due in the month itself (Tuesday 15 July)")
    func bpuSameMonth() throws {
        // Ruling 5: BPU on the 15th of the month itself, unlike PU.
        let due = try calculator.dueDate(segment: .bpu, month: YearMonth(year: 2025, month: 7))
        #expect(due.dueDate == date(2025, 7, 15))
    }

    @Test("PU 2025-01 falls due on Monday 17 February 2025 (docs example)")
    func puFebruary2025() throws {
        // Ruling 5: 2025-02-15 is a Saturday → Monday 17 February.
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2025, month: 1))
        #expect(due.dueDate == date(2025, 2, 17))
    }

    // MARK: - Ruling 5: national holidays move the date

    @Test("A national holiday on a weekday 15th moves the date (Good Friday 15 April 2022)")
    func nationalHolidayOnFifteenth() throws {
        // Ruling 5: a `national` day in holidays.csv moves the due date. 2022-04-15 (Friday) is Wafat Isa Al
        // Masih, national; 16-17 April are a weekend; Monday 18 April is a working day.
        let holiday = try #require(holidays.holiday(on: date(2022, 4, 15)))
        #expect(holiday.kind == .national)
        #expect(date(2022, 4, 15).isoWeekday == 5)
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2022, month: 3))
        #expect(due.nominal == date(2022, 4, 15))
        #expect(due.dueDate == date(2022, 4, 18))
        #expect(due.reasons.count == 3)
        #expect(due.reasons.first?.contains("national holiday") == true)
    }

    @Test("A weekend followed by a national Monday chains to Tuesday (August 2020)")
    func weekendThenNationalHoliday() throws {
        // Ruling 5: PU 2020-07 → Saturday 15 Aug 2020, Sunday 16, Monday 17 = Hari Kemerdekaan (national)
        // → Tuesday 18 August.
        #expect(holidays.holiday(on: date(2020, 8, 17))?.kind == .national)
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2020, month: 7))
        #expect(due.nominal == date(2020, 8, 15))
        #expect(due.dueDate == date(2020, 8, 18))
        #expect(due.reasons.count == 3)
    }

    @Test("A chain stops on collective leave: June 2024 lands on Tuesday 18 June (cuti bersama)")
    func chainStopsOnCollectiveLeave() throws {
        // Ruling 5: PU 2024-05 → Saturday 15 June 2024, Sunday 16, Monday 17 = Idul Adha (national);
        // Tuesday 18 June is collective leave, which does not move a due date.
        #expect(holidays.holiday(on: date(2024, 6, 17))?.kind == .national)
        #expect(holidays.holiday(on: date(2024, 6, 18))?.kind == .collectiveLeave)
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2024, month: 5))
        #expect(due.dueDate == date(2024, 6, 18))
    }

    @Test("A national holiday on the 15th in an operator's holidays table moves the date")
    func customNationalHolidayOnFifteenth() throws {
        // Ruling 5: a `national` day on a weekday 15th (here a made-up holiday on Tuesday 15 July 2025)
        // → next working day, Wednesday 16 July.
        let directory = try DueDateTempDirectory()
        try directory.write("holidays.csv", "date,name,kind\n2025-07-15,Test national day,national\n")
        let custom = try ReferenceData(source: .directory(directory.url)).holidays
        #expect(custom.holiday(on: date(2025, 7, 15))?.kind == .national)
        let calculator = DueDateCalculator(rules: try RuleSet(), holidays: custom)

        let pu = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2025, month: 6))
        #expect(pu.nominal == date(2025, 7, 15))
        #expect(pu.dueDate == date(2025, 7, 16))
        #expect(pu.reasons.count == 1)
        #expect(pu.reasons.first?.contains("Test national day") == true)

        let bpu = try calculator.dueDate(segment: .bpu, month: YearMonth(year: 2025, month: 7))
        #expect(bpu.dueDate == date(2025, 7, 16))
    }

    // MARK: - Ruling 5: collective leave does not move the date

    @Test("Collective leave on a 15th in an operator's holidays table does not move the date")
    func customCollectiveLeaveOnFifteenth() throws {
        // Ruling 5: collective leave (cuti bersama) does not move a due date. Wednesday 15 October 2025.
        let directory = try DueDateTempDirectory()
        try directory.write("holidays.csv", "date,name,kind\n2025-10-15,Test cuti bersama,collective_leave\n")
        let custom = try ReferenceData(source: .directory(directory.url)).holidays
        #expect(custom.holiday(on: date(2025, 10, 15))?.kind == .collectiveLeave)
        let calculator = DueDateCalculator(rules: try RuleSet(), holidays: custom)

        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2025, month: 9))
        #expect(due.nominal == date(2025, 10, 15))
        #expect(due.dueDate == date(2025, 10, 15))
        #expect(due.reasons.isEmpty)
    }

    @Test("Collective leave on a 15th in the bundled table does not move the date (15 April 2024, 15 May 2026)")
    func bundledCollectiveLeaveOnFifteenth() throws {
        // Ruling 5: 2024-04-15 (Monday) and 2026-05-15 (Friday) are cuti bersama in holidays.csv.
        #expect(holidays.holiday(on: date(2024, 4, 15))?.kind == .collectiveLeave)
        #expect(holidays.holiday(on: date(2026, 5, 15))?.kind == .collectiveLeave)
        let april2024 = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2024, month: 3))
        #expect(april2024.dueDate == date(2024, 4, 15))
        let may2026 = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2026, month: 4))
        #expect(may2026.dueDate == date(2026, 5, 15))
    }

    @Test("A weekend ending on collective leave stops there (Monday 16 February 2026)")
    func weekendThenCollectiveLeave() throws {
        // Ruling 5: PU 2026-01 → Sunday 15 Feb 2026; Monday 16 Feb is cuti bersama Imlek → stays Monday 16.
        #expect(holidays.holiday(on: date(2026, 2, 16))?.kind == .collectiveLeave)
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2026, month: 1))
        #expect(due.dueDate == date(2026, 2, 16))
    }

    // MARK: - Ruling 14: PP 49/2020 relief months fall due on the 30th

    @Test("Relief PU 2020-08 falls due on Wednesday 30 September 2020")
    func reliefAugust2020() throws {
        // Ruling 14: PU due date the 30th of the following month; 2020-09-30 is a Wednesday, no holiday.
        #expect(holidays.holiday(on: date(2020, 9, 30)) == nil)
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2020, month: 8))
        #expect(due.nominal == date(2020, 9, 30))
        #expect(due.dueDate == date(2020, 9, 30))
        #expect(due.regulation.contains("49/2020"))
    }

    @Test("Relief PU 2020-09 falls due on Friday 30 October 2020, cuti bersama, unmoved")
    func reliefSeptember2020CollectiveLeave() throws {
        // Ruling 14 + ruling 5: 2020-10-30 is collective leave (Maulid), which does not move a due date.
        #expect(holidays.holiday(on: date(2020, 10, 30))?.kind == .collectiveLeave)
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2020, month: 9))
        #expect(due.dueDate == date(2020, 10, 30))
    }

    @Test("Relief PU 2020-12: Saturday 30 January 2021 moves to Monday 1 February")
    func reliefDecember2020() throws {
        // Ruling 14: the 30th, then the next working day rule of ruling 5.
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2020, month: 12))
        #expect(due.nominal == date(2021, 1, 30))
        #expect(due.dueDate == date(2021, 2, 1))
    }

    @Test("Relief PU 2021-01: February has no 30th, so Sunday 28 February, then Monday 1 March")
    func reliefJanuary2021() throws {
        // Ruling 14: the 30th of the following month, capped at February's last day (2021-02-28, a Sunday),
        // then the next working day (Monday 2021-03-01, no holiday).
        #expect(holidays.holiday(on: date(2021, 3, 1)) == nil)
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2021, month: 1))
        #expect(due.nominal == date(2021, 2, 28))
        #expect(due.nominal.isoWeekday == 7)
        #expect(due.dueDate == date(2021, 3, 1))
    }

    @Test("PU 2021-02, after the relief, is back to the 15th (Monday 15 March 2021)")
    func afterRelief() throws {
        // Ruling 14 covers August 2020 to January 2021 only; ruling 5 again from February 2021.
        #expect(holidays.holiday(on: date(2021, 3, 15)) == nil)
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2021, month: 2))
        #expect(due.nominal == date(2021, 3, 15))
        #expect(due.dueDate == date(2021, 3, 15))
    }

    @Test("PU 2020-07, before the relief, is on the 15th")
    func beforeRelief() throws {
        // Ruling 14 starts with the August 2020 billing month.
        let due = try calculator.dueDate(segment: .pu, month: YearMonth(year: 2020, month: 7))
        #expect(due.nominal.day == 15)
    }

    @Test("BPU in a relief month keeps the 15th of the month itself (15 September 2020)")
    func bpuDuringRelief() throws {
        // Ruling 14 moves the PU due date only; BPU stays on ruling 5 (2020-09-15 is a Tuesday).
        let due = try calculator.dueDate(segment: .bpu, month: YearMonth(year: 2020, month: 9))
        #expect(due.dueDate == date(2020, 9, 15))
    }

    // MARK: - Outside the holiday calendar

    @Test("Outside 2019-2026 only weekends are skipped, and the result says so")
    func outsideHolidayCoverage() throws {
        // Ruling 5 + SOURCES.md §5: holidays.csv covers 2019-2026. BPU 2027-01 → Friday 15 January 2027.
        let due = try calculator.dueDate(segment: .bpu, month: YearMonth(year: 2027, month: 1))
        #expect(due.dueDate == date(2027, 1, 15))
        #expect(due.reasons.contains { $0.contains("2019-2026") })
    }

    @Test("A month before the first due-day rule has no due date")
    func beforeRules() throws {
        // parameters.csv starts due.pu_day on 2015-07-01; an earlier month has no rule in force.
        let error = #expect(throws: DomainError.self) {
            try calculator.dueDate(segment: .pu, month: YearMonth(year: 2015, month: 6))
        }
        guard case .noRuleInForce(let rule, _, _) = error else {
            Issue.record("expected noRuleInForce, got \(String(describing: error))")
            return
        }
        #expect(rule == "due.pu_day")
    }
}
