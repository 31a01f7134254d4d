import LindungCore
import Testing

/// The coverage model's arithmetic by hand: the active rule's arrears line (REGULATIONS.md §4 with ruling 5's
/// months of delay), ratios that are unknown rather than 0 %, quarters, targets and the projection.
@Suite("Coverage model")
struct CoverageModelTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test("active: at most 3 started months in arrears (due 15 May: active to 15 Aug, not from 16 Aug)")
    func arrearsLine() {
        #expect(ActiveParticipantRule.allows(oldestUnpaidDueDate: Self.day("2025-05-15"), on: Self.day("2025-08-15")))
        #expect(!ActiveParticipantRule.allows(oldestUnpaidDueDate: Self.day("2025-05-15"), on: Self.day("2025-08-16")))
        #expect(ActiveParticipantRule.oldestAllowedDueDate(on: Self.day("2025-08-31")) == Self.day("2025-05-31"))
        #expect(ActiveParticipantRule.oldestAllowedDueDate(on: Self.day("2025-08-16")) == Self.day("2025-05-16"))
        #expect(ActiveParticipantRule.isActive(.inArrears) && !ActiveParticipantRule.isActive(.inArrearsOver3Months))
    }

    @Test("quarters")
    func quarters() {
        let q = Quarter(text: "2025Q1")!
        #expect(q.lastMonth == YearMonth(year: 2025, month: 3) && q.lastDay == Self.day("2025-03-31"))
        #expect(q.adding(quarters: -1).description == "2024Q4" && q.adding(quarters: 7).description == "2026Q4")
        #expect(Quarter(text: "2025Q5") == nil && Quarter(text: "25Q1") == nil)
        #expect(CoveragePeriod.quarter(q).yearAgoMonth == YearMonth(year: 2024, month: 3))
    }

    @Test("a ratio without a denominator is unknown, never 0 % or a division by zero")
    func unknownRatio() {
        #expect(CoverageRatio(numerator: 10, denominator: nil) == nil)
        let zero = WorkforceValue(persons: 0, period: YearMonth(year: 2024, month: 8), source: "x", origin: .bundled)
        #expect(CoverageRatio(numerator: 10, denominator: zero) == nil)
        // Bali, 31 March 2025: 935,079 / 1,873,899 = 49.9002 % (REGULATIONS.md §5 quotes 50.88 %: its base differs).
        let bali = WorkforceValue(persons: 1_873_899, period: YearMonth(year: 2024, month: 8), source: "x", origin: .bundled)
        #expect(abs(CoverageRatio(numerator: 935_079, denominator: bali)!.percent - 49.900_181) < 1e-5)
    }

    @Test("projection: 30 % now, +1.2 points a quarter, target 34.99 % → 5 quarters (4.16 rounded up)")
    func projection() {
        let target = CoverageTarget(regionCode: "00", year: 2026, ucjPercent: 34.99, source: "RKP 2026", origin: .bundled)
        let now = Quarter(text: "2025Q1")!
        let onPace = CoverageProjection.project(target: target, current: 30, pace: 1.2, now: now)
        #expect(onPace.reason == .onPace && onPace.reachedIn?.description == "2026Q2")
        #expect(CoverageProjection.project(target: target, current: 30, pace: 0, now: now).reason == .flatOrFalling)
        #expect(CoverageProjection.project(target: target, current: 30, pace: -0.5, now: now).reachedIn == nil)
        #expect(CoverageProjection.project(target: target, current: 35, pace: -0.5, now: now).reason == .reached)
        #expect(CoverageProjection.project(target: target, current: nil, pace: 1, now: now).reason == .unknownPace)
    }

    @Test("targets: the region's own first, else the bundled RPJMN/RKP figures; validation")
    func targets() throws {
        let bundled = try CoverageTargetTable().targets
        #expect(bundled.contains { $0.regionCode == "00" && $0.year == 2029 && $0.ucjPercent == 43.92 })
        #expect(CoverageTargetTable.applicable(region: "00", year: 2027, own: [], bundled: bundled)?.year == 2029)
        let own = [CoverageTarget(regionCode: "36", year: 2026, ucjPercent: 40.5, source: "admin", origin: .administrator)]
        #expect(CoverageTargetTable.applicable(region: "36", year: 2025, own: own, bundled: bundled)?.ucjPercent == 40.5)
        #expect(CoverageTargetTable.applicable(region: "3604", year: 2025, own: own, bundled: bundled) == nil)
        #expect(throws: DomainError.self) { try CoverageTarget.validated(regionCode: "36", year: 2026, ucjPercent: 140, source: "a") }
        #expect(throws: DomainError.self) { try CoverageTarget.validated(regionCode: "361", year: 2026, ucjPercent: 40, source: "a") }
    }

    @Test("change and pace from count rows: +25 % active, UCJ up by the points of the same denominator")
    func changeAndPace() throws {
        func row(_ month: YearMonth, _ active: Int) -> CoverageCountRow {
            CoverageCountRow(
                month: month, regionCode: "3601", branchCode: nil, segment: .pu, enrolled: active, active: active, enrolledPersons: active,
                activePersons: active, activeByProgram: [:], activeNonASN: 0)
        }
        let reference = try ReferenceData()
        let calculator = CoverageCalculator(
            regions: reference.regions, workforce: WorkforceBook(bundled: reference.labourForce, imported: []),
            ownTargets: [CoverageTarget(regionCode: "3601", year: 2026, ucjPercent: 10, source: "admin", origin: .administrator)], bundledTargets: [])
        let march = YearMonth(year: 2025, month: 3)
        let figures = try calculator.figures(
            region: "3601", period: .quarter(Quarter(text: "2025Q1")!), current: [row(march, 50_000)],
            previousQuarter: [row(march.adding(months: -3), 40_000)], yearAgo: nil)
        // Pandeglang (3601), Aug 2024: 610,793 employed. 50,000 → 8.186 %; 40,000 → 6.549 %.
        let region = figures.region
        #expect(region.employed?.persons == 610_793)
        #expect(region.quarterOverQuarter?.activeChange == 10_000 && region.quarterOverQuarter?.activeChangePercent == 25)
        let points = try #require(region.quarterOverQuarter?.ucjChangePoints)
        #expect(abs(points - 10_000.0 / 610_793 * 100) < 1e-9)
        // 10 % − 8.186 % = 1.814 points at 1.637 a quarter: 2 quarters → 2025Q3.
        #expect(region.projection?.reachedIn?.description == "2025Q3")
        #expect(throws: DomainError.self) { try calculator.validate(region: "9999") }
    }
}
