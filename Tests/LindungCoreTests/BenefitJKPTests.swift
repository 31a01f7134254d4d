import Testing
@testable import LindungCore

/// The job-loss cash benefit (JKP): REGULATIONS.md 3.6. PP 37/2021: 45 % × 3 months + 25 % × 3 months;
/// PP 6/2025 (signed and in force 7 February 2025): 60 % × 6 months; base = last wage capped at Rp5,000,000.
@Suite("JKP benefit")
struct BenefitJKPTests {
    let rules: RuleSet
    let calculator: BenefitCalculator

    init() throws {
        let rules = try RuleSet()
        self.rules = rules
        self.calculator = BenefitCalculator(rules: rules)
    }

    private func jkp(_ wage: Rupiah, _ iso: String, record: JKPContributionRecord? = nil) throws -> BenefitResult {
        try calculator.jkp(wage: wage, layoffDate: CalendarDate(iso: iso)!, record: record)
    }

    // PP 6/2025 (REGULATIONS.md 3.6): 60 % × min(7,000,000, 5,000,000) = 3,000,000 a month × 6 = 18,000,000.
    @Test("layoff 2025-06-10, wage Rp7,000,000: 60 % × 5,000,000 × 6 = 18,000,000")
    func pp6of2025() throws {
        let result = try jkp(7_000_000, "2025-06-10")
        #expect(result.components.count == 1)
        #expect(result.components.first?.name == "months_1_6")
        #expect(result.components.first?.amount == 18_000_000)
        #expect(result.total == 18_000_000)
        #expect(result.notes.contains { $0.contains("capped") })
    }

    // PP 37/2021 still governs a layoff on 6 February 2025 (PP 6/2025 in force 7 February 2025):
    // 45 % × 5,000,000 = 2,250,000 × 3 = 6,750,000; 25 % × 5,000,000 = 1,250,000 × 3 = 3,750,000 → 10,500,000
    // (REGULATIONS.md 3.6: "max Rp10.5 M").
    @Test("layoff 2025-02-06 (PP 37/2021): 6,750,000 + 3,750,000 = 10,500,000")
    func lastDayOfPP37of2021() throws {
        let result = try jkp(7_000_000, "2025-02-06")
        #expect(result.components.map(\.name) == ["months_1_3", "months_4_6"])
        #expect(result.components.map(\.amount) == [6_750_000, 3_750_000])
        #expect(result.total == 10_500_000)
    }

    // PP 6/2025 from 7 February 2025: 60 % × 5,000,000 × 6 = 18,000,000.
    @Test("layoff 2025-02-07 (PP 6/2025): 18,000,000")
    func firstDayOfPP6of2025() throws {
        let result = try jkp(7_000_000, "2025-02-07")
        #expect(result.components.count == 1)
        #expect(result.total == 18_000_000)
        #expect(result.components.first?.regulation == "PP 6/2025")
    }

    // PP 37/2021, wage under the cap: 45 % × 4,000,000 = 1,800,000 × 3 = 5,400,000;
    // 25 % × 4,000,000 = 1,000,000 × 3 = 3,000,000 → 8,400,000.
    @Test("wage Rp4,000,000 under PP 37/2021: 5,400,000 + 3,000,000")
    func uncappedPP37of2021() throws {
        let result = try jkp(4_000_000, "2023-05-15")
        #expect(result.components.map(\.amount) == [5_400_000, 3_000_000])
        #expect(result.total == 8_400_000)
        #expect(!result.notes.contains { $0.contains("capped") })
    }

    // PP 6/2025, wage under the cap: 60 % × 4,000,000 = 2,400,000 × 6 = 14,400,000.
    @Test("wage Rp4,000,000 under PP 6/2025: 14,400,000")
    func uncappedPP6of2025() throws {
        #expect(try jkp(4_000_000, "2025-06-10").total == 14_400_000)
    }

    // Ruling 1: the monthly amount rounds half-up: 45 % × 3,333,333 = 1,499,999.85 → 1,500,000 × 3 =
    // 4,500,000; 25 % × 3,333,333 = 833,333.25 → 833,333 × 3 = 2,499,999 → 6,999,999.
    @Test("monthly amounts are rounded half-up")
    func rounding() throws {
        let result = try jkp(3_333_333, "2023-05-15")
        #expect(result.components.map(\.amount) == [4_500_000, 2_499_999])
        #expect(result.total == 6_999_999)
    }

    // REGULATIONS.md 3.6: "≥12 contribution months in the last 24, incl. 6 consecutive before PHK".
    @Test("eligibility: 12 months in the window with 6 consecutive passes")
    func eligible() throws {
        let result = try jkp(7_000_000, "2025-06-10", record: JKPContributionRecord(monthsInWindow: 12, consecutiveMonths: 6))
        #expect(result.total == 18_000_000)
        #expect(result.notes.contains { $0.hasPrefix("eligible") })
    }

    // REGULATIONS.md 3.6: 11 months in the window is not enough.
    @Test("eligibility: 11 months in the window is refused")
    func tooFewMonths() {
        let error = #expect(throws: DomainError.self) {
            try jkp(7_000_000, "2025-06-10", record: JKPContributionRecord(monthsInWindow: 11, consecutiveMonths: 6))
        }
        #expect(isInvalidInput(error))
    }

    // REGULATIONS.md 3.6: 5 consecutive months is not enough.
    @Test("eligibility: 5 consecutive months is refused")
    func tooFewConsecutive() {
        let error = #expect(throws: DomainError.self) {
            try jkp(7_000_000, "2025-06-10", record: JKPContributionRecord(monthsInWindow: 12, consecutiveMonths: 5))
        }
        #expect(isInvalidInput(error))
    }

    @Test("a zero wage is refused")
    func zeroWage() {
        let error = #expect(throws: DomainError.self) { try jkp(0, "2025-06-10") }
        #expect(isInvalidInput(error))
    }

    // PP 37/2021: the benefit rows start on 2021-02-02 (table jkp_benefit.csv); a layoff in 2020 has no JKP.
    @Test("a layoff before PP 37/2021 has no rule in force")
    func beforePP37of2021() {
        let error = #expect(throws: DomainError.self) { try jkp(5_000_000, "2020-12-31") }
        #expect(isNoRuleInForce(error))
    }
}

private func isInvalidInput(_ error: DomainError?) -> Bool {
    if case .invalidInput? = error { true } else { false }
}

private func isNoRuleInForce(_ error: DomainError?) -> Bool {
    if case .noRuleInForce? = error { true } else { false }
}
