import Testing
@testable import LindungCore

/// JP pension age and eligibility: PP 45/2015, REGULATIONS.md 2.4 and 3.5, ruling 4 (56 to 2018; 57 from
/// 2019; +1 every 3 years: 58 in 2022, 59 in 2025, 60 in 2028 … to 65).
@Suite("JP pension")
struct PensionTests {
    let rules: RuleSet
    let calculator: BenefitCalculator

    init() throws {
        let rules = try RuleSet()
        self.rules = rules
        self.calculator = BenefitCalculator(rules: rules)
    }

    // Ruling 4: 56 to 2018, 57 from 2019 (2019-2021), 58 (2022), 59 (2025), 60 (2028), ... 64 (2040-2042),
    // 65 from 2043 (REGULATIONS.md 3.5: "first reached 2043") and on.
    @Test(
        "pension age by year",
        arguments: [
            (2015, 56), (2018, 56), (2019, 57), (2021, 57), (2022, 58), (2024, 58), (2025, 59), (2027, 59),
            (2028, 60), (2031, 61), (2034, 62), (2037, 63), (2040, 64), (2042, 64), (2043, 65), (2060, 65),
        ])
    func pensionAge(year: Int, age: Int) throws {
        #expect(try rules.pensionAge(in: year).value == age)
    }

    // Ruling 4 cross-check: from 2019 the age is 57 + (year - 2019) / 3, capped at 65.
    @Test("pension age follows 57 + (year - 2019) / 3 up to 65")
    func pensionAgeFormula() throws {
        for year in 2019...2070 {
            #expect(try rules.pensionAge(in: year).value == min(65, 57 + (year - 2019) / 3), "year \(year)")
        }
    }

    @Test("a year before the PP 45/2015 table has no rule")
    func beforeTable() {
        let error = #expect(throws: DomainError.self) { try rules.pensionAge(in: 2014) }
        #expect(isNoRuleInForce(error))
    }

    // REGULATIONS.md 3.5: a monthly pension needs ≥ 15 years (180 months); fewer → lump sum.
    @Test("179 months gives a lump sum, 180 a monthly pension")
    func eligibility() throws {
        let date = CalendarDate(year: 2025, month: 6, day: 1)!
        let short = try calculator.jpEligibility(contributionMonths: 179, date: date)
        #expect(short.outcome == .lumpSum)
        #expect(short.requiredMonths == 180)
        let enough = try calculator.jpEligibility(contributionMonths: 180, date: date)
        #expect(enough.outcome == .monthlyPension)
        #expect(enough.contributionMonths == 180)
    }

    // REGULATIONS.md 2.4: 1 Mar 2025 min / max monthly benefit Rp399,700 / 4,792,300.
    @Test("benefit bounds in 2025: 399,700 / 4,792,300")
    func bounds2025() throws {
        let result = try calculator.jpEligibility(contributionMonths: 200, date: CalendarDate(year: 2025, month: 6, day: 1)!)
        #expect(result.minimumMonthlyBenefit == 399_700)
        #expect(result.maximumMonthlyBenefit == 4_792_300)
    }

    // REGULATIONS.md 2.4: 2015 bounds 300,000 / 3,600,000; 2022 363,300 / 4,357,900.
    @Test("benefit bounds in 2015 and 2022")
    func boundsEarlier() throws {
        let y2015 = try calculator.jpEligibility(contributionMonths: 0, date: CalendarDate(year: 2015, month: 8, day: 1)!)
        #expect(y2015.minimumMonthlyBenefit == 300_000)
        #expect(y2015.maximumMonthlyBenefit == 3_600_000)
        #expect(y2015.outcome == .lumpSum)
        let y2022 = try calculator.jpEligibility(contributionMonths: 0, date: CalendarDate(year: 2022, month: 8, day: 1)!)
        #expect(y2022.minimumMonthlyBenefit == 363_300)
        #expect(y2022.maximumMonthlyBenefit == 4_357_900)
    }

    @Test("negative contribution months are refused")
    func negativeMonths() {
        let error = #expect(throws: DomainError.self) {
            try calculator.jpEligibility(contributionMonths: -1, date: CalendarDate(year: 2025, month: 6, day: 1)!)
        }
        if case .invalidInput? = error {} else { Issue.record("expected invalidInput, got \(String(describing: error))") }
    }
}

private func isNoRuleInForce(_ error: DomainError?) -> Bool {
    if case .noRuleInForce? = error { true } else { false }
}
