import Testing
@testable import LindungCore

/// Work-accident benefits (JKK): PP 82/2019, REGULATIONS.md 3.3 and ruling 7 (STMB 100 % for 12 months,
/// then 50 %).
@Suite("JKK benefit")
struct BenefitJKKTests {
    let rules: RuleSet
    let calculator: BenefitCalculator

    init() throws {
        let rules = try RuleSet()
        self.rules = rules
        self.calculator = BenefitCalculator(rules: rules)
    }

    private let day = CalendarDate(year: 2024, month: 5, day: 1)!

    // REGULATIONS.md 3.3: death 60 % × 80 × wage (= 48×), funeral Rp10 M, periodic Rp12 M (PP 82/2019).
    // Wage 4,000,000: 48 × 4,000,000 = 192,000,000; + 12,000,000 + 10,000,000 = 214,000,000.
    @Test("death, wage Rp4,000,000: 192 M + 12 M + 10 M = 214 M")
    func death() throws {
        let result = try calculator.jkkDeath(wage: 4_000_000, date: day)
        #expect(result.benefit == "jkk-death")
        #expect(amount(result, "lump_sum") == 192_000_000)  // 48 × 4,000,000
        #expect(amount(result, "periodic") == 12_000_000)
        #expect(amount(result, "funeral") == 10_000_000)
        #expect(result.total == 214_000_000)
        #expect(result.notes.isEmpty)
    }

    // REGULATIONS.md 3.3: scholarship for 2 children, no 3-year minimum stated (PP 82/2019).
    @Test("death carries the scholarship for two children without a minimum period")
    func deathScholarship() throws {
        let scholarship = try #require(try calculator.jkkDeath(wage: 4_000_000, date: day).scholarship)
        #expect(scholarship.eligible)
        #expect(scholarship.maxChildren == 2)
        #expect(scholarship.maxTotal == 174_000_000)  // 87,000,000 × 2
    }

    // REGULATIONS.md 3.3: "at least the JKM death lump sum (Rp20 M)". Wage 300,000: 48 × 300,000 =
    // 14,400,000 < 20,000,000 → 20,000,000; total 20 M + 12 M + 10 M = 42,000,000.
    @Test("death with a low wage is raised to the Rp20,000,000 minimum")
    func deathMinimum() throws {
        let result = try calculator.jkkDeath(wage: 300_000, date: day)
        #expect(amount(result, "lump_sum") == 20_000_000)
        #expect(result.total == 42_000_000)
        #expect(result.notes.contains { $0.contains("minimum") })
    }

    // REGULATIONS.md 3.3 minimum boundary: 48 × 416,666 = 19,999,968 → 20,000,000;
    // 48 × 416,667 = 20,000,016 stays.
    @Test("death minimum boundary")
    func deathMinimumBoundary() throws {
        #expect(amount(try calculator.jkkDeath(wage: 416_666, date: day), "lump_sum") == 20_000_000)
        #expect(amount(try calculator.jkkDeath(wage: 416_667, date: day), "lump_sum") == 20_000_016)
    }

    // REGULATIONS.md 3.3: total permanent disability 70 % × 80 × wage (= 56×) + periodic Rp12 M.
    // Wage 5,000,000: 56 × 5,000,000 = 280,000,000; + 12,000,000 = 292,000,000.
    @Test("total disability, wage Rp5,000,000: 280 M + 12 M")
    func totalDisability() throws {
        let result = try calculator.jkkDisability(wage: 5_000_000, date: day)
        #expect(amount(result, "lump_sum") == 280_000_000)
        #expect(amount(result, "periodic") == 12_000_000)
        #expect(result.total == 292_000_000)
        #expect(result.scholarship == nil)
    }

    // REGULATIONS.md 3.3: partial anatomical % × 80 × wage: 10 % × 80 × 5,000,000 = 40,000,000.
    @Test("partial disability 10 %, wage Rp5,000,000: 40,000,000")
    func partialDisability() throws {
        let result = try calculator.jkkDisability(wage: 5_000_000, date: day, partialPercent: Rate(percent: "10"))
        #expect(result.components.count == 1)
        #expect(amount(result, "lump_sum") == 40_000_000)
        #expect(result.total == 40_000_000)
    }

    // REGULATIONS.md 3.3 with ruling 1: 2.5 % × 80 × 3,333,333 = 0.025 × 266,666,640 = 6,666,666 exactly;
    // 0.5 % × 80 × 1,234,567 = 493,826.8 → 493,827.
    @Test("partial disability rounds half-up")
    func partialDisabilityRounding() throws {
        let a = try calculator.jkkDisability(wage: 3_333_333, date: day, partialPercent: Rate(percent: "2.5"))
        #expect(a.total == 6_666_666)
        let b = try calculator.jkkDisability(wage: 1_234_567, date: day, partialPercent: Rate(percent: "0.5"))
        #expect(b.total == 493_827)
    }

    @Test("partial disability percent must be above 0 and at most 100", arguments: ["0", "100.5"])
    func partialPercentOutOfRange(percent: String) {
        let error = #expect(throws: DomainError.self) {
            try calculator.jkkDisability(wage: 5_000_000, date: day, partialPercent: Rate(percent: percent))
        }
        #expect(isInvalidInput(error))
    }

    // Ruling 7: 100 % for the first 12 months, then 50 %. Wage 6,000,000, 15 months:
    // 12 × 6,000,000 = 72,000,000; 3 × 50 % × 6,000,000 = 9,000,000 → 81,000,000.
    @Test("STMB 15 months, wage Rp6,000,000: 72 M + 9 M = 81 M")
    func stmbFifteenMonths() throws {
        let result = try calculator.stmb(wage: 6_000_000, monthsOff: 15, date: day)
        #expect(result.components.map(\.name) == ["stmb_full", "stmb_reduced"])
        #expect(amount(result, "stmb_full") == 72_000_000)
        #expect(amount(result, "stmb_reduced") == 9_000_000)
        #expect(result.total == 81_000_000)
    }

    // Ruling 7: 12 months are all at 100 %: 12 × 6,000,000 = 72,000,000, no reduced component.
    @Test("STMB 12 months: only the full component")
    func stmbTwelveMonths() throws {
        let result = try calculator.stmb(wage: 6_000_000, monthsOff: 12, date: day)
        #expect(result.components.count == 1)
        #expect(amount(result, "stmb_full") == 72_000_000)
        #expect(result.total == 72_000_000)
    }

    // Ruling 7: 13 months = 12 × 6,000,000 + 1 × 3,000,000 = 75,000,000; 3 months = 18,000,000.
    @Test("STMB 13 and 3 months")
    func stmbOtherLengths() throws {
        #expect(try calculator.stmb(wage: 6_000_000, monthsOff: 13, date: day).total == 75_000_000)
        #expect(try calculator.stmb(wage: 6_000_000, monthsOff: 3, date: day).total == 18_000_000)
    }

    // Ruling 7 with ruling 1: 50 % of 1,000,001 = 500,000.5 → 500,001 a month; 14 months →
    // 12 × 1,000,001 + 2 × 500,001 = 12,000,012 + 1,000,002 = 13,000,014.
    @Test("STMB reduced month rounds half-up")
    func stmbRounding() throws {
        #expect(try calculator.stmb(wage: 1_000_001, monthsOff: 14, date: day).total == 13_000_014)
    }

    @Test("STMB needs at least one month off")
    func stmbZeroMonths() {
        let error = #expect(throws: DomainError.self) { try calculator.stmb(wage: 6_000_000, monthsOff: 0, date: day) }
        #expect(isInvalidInput(error))
    }

    @Test("a zero or negative wage is refused", arguments: [Rupiah(0), Rupiah(-1)])
    func nonPositiveWage(wage: Rupiah) {
        #expect(isInvalidInput(#expect(throws: DomainError.self) { try calculator.jkkDeath(wage: wage, date: day) }))
        #expect(isInvalidInput(#expect(throws: DomainError.self) { try calculator.jkkDisability(wage: wage, date: day) }))
        #expect(isInvalidInput(#expect(throws: DomainError.self) { try calculator.stmb(wage: wage, monthsOff: 1, date: day) }))
    }

    // The JKK benefit rows are PP 82/2019 only, in force from 2 December 2019.
    @Test("an event before 2019-12-02 has no rule in force")
    func beforePP82of2019() throws {
        let before = CalendarDate(year: 2019, month: 12, day: 1)!
        #expect(isNoRuleInForce(#expect(throws: DomainError.self) { try calculator.jkkDeath(wage: 4_000_000, date: before) }))
        #expect(isNoRuleInForce(#expect(throws: DomainError.self) { try calculator.jkkDisability(wage: 4_000_000, date: before) }))
        #expect(isNoRuleInForce(#expect(throws: DomainError.self) { try calculator.stmb(wage: 4_000_000, monthsOff: 1, date: before) }))
        // 2019-12-02 itself is covered: 48 × 4,000,000 + 12 M + 10 M = 214,000,000
        #expect(try calculator.jkkDeath(wage: 4_000_000, date: CalendarDate(year: 2019, month: 12, day: 2)!).total == 214_000_000)
    }
}

private func amount(_ result: BenefitResult, _ name: String) -> Rupiah? {
    result.components.first { $0.name == name }?.amount
}

private func isInvalidInput(_ error: DomainError?) -> Bool {
    if case .invalidInput? = error { true } else { false }
}

private func isNoRuleInForce(_ error: DomainError?) -> Bool {
    if case .noRuleInForce? = error { true } else { false }
}
