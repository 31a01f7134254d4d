import Testing

@testable import LindungCore

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

/// The sanction ladder of PP 86/2013 (REGULATIONS.md §4): two written warnings of 10 working days each, a
/// fine of 0.1 % a month for up to 30 days, then a request to deny public services; resolved when cured.
/// Weekdays and holidays were checked against reference/holidays.csv (SKB 1017/2024 for 2025).
@Suite("Sanction ladder")
struct SanctionLadderTests {
    let ladder: SanctionLadder

    init() throws {
        ladder = SanctionLadder(calendar: try ReferenceData().holidays)
    }

    @Test("first warning: 10 working days, on a plain fortnight")
    func firstWarningPlain() {
        // Given a finding opened on Monday 3 February 2025 (no holidays until 27 March)
        let position = ladder.start(on: day("2025-02-03"))
        // Then the first warning runs to Monday 17 February: two working weeks, the letter's day not counted
        #expect(position.stage == .warning1)
        #expect(position.dueOn == day("2025-02-17"))
    }

    @Test("first warning across Nyepi and Idul Fitri 2025: national days are skipped, collective leave counts")
    func firstWarningAcrossHolidays() {
        // Given a finding opened on Friday 21 March 2025
        let position = ladder.start(on: day("2025-03-21"))
        // Then: 24-28 Mar are 5 (28 Mar is cuti bersama, a working day), 29 Mar is Saturday and Nyepi,
        // 31 Mar and 1 Apr are Idul Fitri (national), 2-4 and 7-8 Apr are the other 5: due 8 April, not 4 April.
        #expect(position.dueOn == day("2025-04-08"))
    }

    @Test("second warning, fine, then the request to deny public services, each the day after the last deadline")
    func everyStep() {
        let first = ladder.start(on: day("2025-03-21"))
        // Not yet due on the deadline itself
        #expect(ladder.next(after: first, on: day("2025-04-08")) == nil)
        // Second warning from 9 April; Good Friday (18 April) is skipped: due 24 April
        let second = ladder.next(after: first, on: day("2025-04-09"))
        #expect(second == SanctionPosition(stage: .warning2, enteredOn: day("2025-04-09"), dueOn: day("2025-04-24")))
        // The fine from 25 April for at most 30 days: through 24 May
        let fine = ladder.next(after: second!, on: day("2025-04-25"))
        #expect(fine == SanctionPosition(stage: .fine, enteredOn: day("2025-04-25"), dueOn: day("2025-05-24")))
        #expect(ladder.next(after: fine!, on: day("2025-05-24")) == nil)
        // Then BPJS asks for public services to be denied, and the ladder stops there
        let denial = ladder.next(after: fine!, on: day("2025-05-25"))
        #expect(denial == SanctionPosition(stage: .denialRequested, enteredOn: day("2025-05-25"), dueOn: nil))
        #expect(ladder.next(after: denial!, on: day("2026-01-01")) == nil)
    }

    @Test("a finding left alone for months passes every due step at once")
    func severalStepsAtOnce() {
        let steps = ladder.steps(from: ladder.start(on: day("2025-03-21")), through: day("2025-06-30"))
        #expect(steps.map(\.stage) == [.warning2, .fine, .denialRequested])
        #expect(ladder.steps(from: ladder.start(on: day("2025-03-21")), through: day("2025-04-20")).map(\.stage) == [.warning2])
    }

    @Test("a cured finding is resolved and goes no further")
    func cured() {
        let resolved = ladder.resolve(on: day("2025-04-02"))
        #expect(resolved.stage == .resolved)
        #expect(ladder.next(after: resolved, on: day("2026-01-01")) == nil)
    }

    @Test("fine: 0.1 % of the contributions owed, rounded half-up (ruling 1)")
    func fine() {
        #expect(SanctionLadder.fine(owed: 10_000_000) == 10_000)
        #expect(SanctionLadder.fine(owed: 1_234_567) == 1_235)
        #expect(SanctionLadder.fine(owed: 1_234_499) == 1_234)
        #expect(SanctionLadder.fine(owed: -5) == 0)
    }

    @Test("every stage and finding names its regulation")
    func rulesNamed() {
        for stage in SanctionStage.allCases { #expect(stage.rule.regulation.contains("PP 86/2013")) }
        for kind in FindingKind.allCases { #expect(ComplianceRules.rule(for: kind).regulation.contains("PP 86/2013")) }
        #expect(ComplianceRules.mandatoryPrograms(sizeClass: "small") == [.jkk, .jkm, .jht])
        #expect(ComplianceRules.mandatoryPrograms(sizeClass: "large") == [.jkk, .jkm, .jht, .jp])
    }
}
