import Testing
@testable import LindungCore

/// The death benefit (JKM, death not from a work accident): REGULATIONS.md 3.1-3.2 and ruling 6
/// (Rp24,000,000 before 2 December 2019, Rp42,000,000 from then; scholarship after ≥ 3 years).
@Suite("JKM benefit")
struct BenefitJKMTests {
    let rules: RuleSet
    let calculator: BenefitCalculator

    init() throws {
        let rules = try RuleSet()
        self.rules = rules
        self.calculator = BenefitCalculator(rules: rules)
    }

    private func jkm(_ iso: String, months: Int) throws -> BenefitResult {
        try calculator.jkm(deathDate: CalendarDate(iso: iso)!, contributionMonths: months)
    }

    // Ruling 6 / REGULATIONS.md 3.1 (PP 44/2015): 16,200,000 + 4,800,000 (200,000 × 24) + 3,000,000 = 24,000,000.
    @Test("death on 2019-12-01 (PP 44/2015): Rp24,000,000")
    func beforePP82of2019() throws {
        let result = try jkm("2019-12-01", months: 60)
        #expect(result.components.map(\.name) == ["lump_sum", "periodic", "funeral"])
        #expect(result.components.map(\.amount) == [16_200_000, 4_800_000, 3_000_000])
        #expect(result.total == 24_000_000)  // 16.2 M + 4.8 M + 3 M
    }

    // REGULATIONS.md 3.1: old scholarship Rp12 M for one child after ≥ 5 years (60 months) [S30][S34].
    @Test("death on 2019-12-01: scholarship needs 60 months, one child of Rp12,000,000")
    func oldScholarship() throws {
        let at60 = try #require(try jkm("2019-12-01", months: 60).scholarship)
        #expect(at60.eligible)
        #expect(at60.maxChildren == 1)
        #expect(at60.maxPerChild == 12_000_000)  // 12,000,000 × 1 year
        #expect(at60.maxTotal == 12_000_000)  // × 1 child

        let at59 = try #require(try jkm("2019-12-01", months: 59).scholarship)
        #expect(!at59.eligible)
        #expect(at59.maxTotal == 0)
        // 36 months is enough only under PP 82/2019, not before it
        #expect(try jkm("2019-12-01", months: 36).scholarship?.eligible == false)
    }

    // Ruling 6 / REGULATIONS.md 3.1 (PP 82/2019): 20,000,000 + 12,000,000 + 10,000,000 = 42,000,000.
    @Test("death on 2019-12-02 (PP 82/2019): Rp42,000,000")
    func fromPP82of2019() throws {
        let result = try jkm("2019-12-02", months: 36)
        #expect(result.components.map(\.amount) == [20_000_000, 12_000_000, 10_000_000])
        #expect(result.total == 42_000_000)  // 20 M + 12 M + 10 M
        #expect(result.benefit == "jkm")
    }

    // Ruling 6: "the scholarship needs ≥ 3 years of contributions" (36 months).
    @Test("PP 82/2019 scholarship: eligible at 36 months, not at 35")
    func scholarshipThreeYears() throws {
        let at36 = try #require(try jkm("2019-12-02", months: 36).scholarship)
        #expect(at36.eligible)
        let at35 = try #require(try jkm("2019-12-02", months: 35).scholarship)
        #expect(!at35.eligible)
        #expect(at35.maxTotal == 0)
        // The cash components are paid regardless of the scholarship: still 42,000,000
        #expect(try jkm("2019-12-02", months: 35).total == 42_000_000)
    }

    // REGULATIONS.md 3.2: TK–SD 1.5 M × 8 = 12 M, SMP 2 M × 3 = 6 M, SMA 3 M × 3 = 9 M, PT 12 M × 5 = 60 M
    // → 87 M per child; max 2 children → 174 M.
    @Test("PP 82/2019 scholarship: Rp87,000,000 per child, Rp174,000,000 for two")
    func scholarshipAmounts() throws {
        let scholarship = try #require(try jkm("2024-03-10", months: 48).scholarship)
        #expect(scholarship.maxChildren == 2)
        #expect(scholarship.schedule.map(\.maxAmount) == [12_000_000, 6_000_000, 9_000_000, 60_000_000])
        #expect(scholarship.schedule.map(\.level) == ["TK-SD", "SMP", "SMA", "PT"])
        #expect(scholarship.maxPerChild == 87_000_000)  // 12 + 6 + 9 + 60 M
        #expect(scholarship.maxTotal == 174_000_000)  // 87 M × 2
    }

    @Test("negative contribution months are refused")
    func negativeMonths() {
        let error = #expect(throws: DomainError.self) { try jkm("2024-03-10", months: -1) }
        #expect(isInvalidInput(error))
    }

    // The PP 44/2015 tables start on 1 July 2015.
    @Test("a death before July 2015 has no rule in force")
    func beforeTables() {
        let error = #expect(throws: DomainError.self) { try jkm("2015-06-30", months: 60) }
        #expect(isNoRuleInForce(error))
    }
}

private func isInvalidInput(_ error: DomainError?) -> Bool {
    if case .invalidInput? = error { true } else { false }
}

private func isNoRuleInForce(_ error: DomainError?) -> Bool {
    if case .noRuleInForce? = error { true } else { false }
}
