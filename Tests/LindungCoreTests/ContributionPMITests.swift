import Testing
@testable import LindungCore

/// Migrant worker (PMI) packages: Permenaker 4/2023 Art 18, REGULATIONS.md 2.7 and ruling 10 (37,500 before
/// placement; 332,500 / 189,000 / 108,000 for 24 / 12 / 6 months; 13,500 a month beyond; from 2023-03-20).
@Suite("PMI contributions")
struct ContributionPMITests {
    let rules: RuleSet
    let calculator: ContributionCalculator

    init() throws {
        let rules = try RuleSet()
        self.rules = rules
        self.calculator = ContributionCalculator(rules: rules)
    }

    private func pmi(
        _ months: Int, stage: PMIContributionInput.Stage? = nil, _ year: Int = 2024, _ month: Int = 6
    ) throws -> ContributionResult {
        try calculator.pmi(PMIContributionInput(contractMonths: months, stage: stage, month: YearMonth(year: year, month: month)))
    }

    // Ruling 10; REGULATIONS.md 2.7 (Permenaker 18/2018 total Rp370,000 = 37,500 + 332,500, unchanged premium).
    @Test("24-month whole placement: 37,500 + 332,500 = 370,000")
    func twentyFourMonths() throws {
        let result = try pmi(24)
        #expect(result.segment == .pmi)
        #expect(result.lines.map(\.amount) == [37_500, 332_500])
        #expect(result.total == 370_000)
        #expect(result.lines.allSatisfy { $0.program == .jkkJkm && $0.payer == .participant })
        #expect(result.total(for: .participant) == 370_000)
    }

    // Ruling 10: 12-month package 189,000.
    @Test("12-month whole placement: 37,500 + 189,000 = 226,500")
    func twelveMonths() throws {
        let result = try pmi(12)
        #expect(result.lines.map(\.amount) == [37_500, 189_000])
        #expect(result.total == 226_500)
    }

    // Ruling 10: 6-month package 108,000.
    @Test("6-month whole placement: 37,500 + 108,000 = 145,500")
    func sixMonths() throws {
        let result = try pmi(6)
        #expect(result.lines.map(\.amount) == [37_500, 108_000])
        #expect(result.total == 145_500)
    }

    // Ruling 10: "13,500 a month beyond": 30 months = 24-month package + 6 extra months.
    @Test("30 months: 37,500 + 332,500 + 6 × 13,500 = 451,000")
    func thirtyMonths() throws {
        let result = try pmi(30)
        #expect(result.lines.count == 3)
        let extra = try #require(result.lines.last)
        #expect(extra.flatAmount == 13_500)
        #expect(extra.quantity == 6)
        #expect(extra.amount == 81_000)  // 6 × 13,500
        #expect(result.total == 451_000)  // 37,500 + 332,500 + 81,000
    }

    // Ruling 10: the largest package not longer than the contract, then 13,500 a month beyond it.
    // 18 months = 12-month package 189,000 + 6 × 13,500 = 81,000 → 270,000 (+ 37,500 before placement).
    @Test("18 months: the 12-month package plus 6 extra months")
    func eighteenMonths() throws {
        let result = try pmi(18, stage: .during)
        #expect(result.lines.map(\.amount) == [189_000, 81_000])
        #expect(result.total == 270_000)
    }

    // Ruling 10 as coded: a contract shorter than 6 months pays the shortest (6-month) package.
    @Test("3 months: the 6-month package, no extra months")
    func shorterThanShortest() throws {
        let result = try pmi(3)
        #expect(result.lines.map(\.amount) == [37_500, 108_000])
        #expect(result.total == 145_500)
    }

    // REGULATIONS.md 2.7: "Before work (sebelum bekerja), via placement agency: 37,500".
    @Test("stage before: only 37,500")
    func stageBefore() throws {
        let result = try pmi(24, stage: .before)
        #expect(result.lines.count == 1)
        #expect(result.total == 37_500)
    }

    // REGULATIONS.md 2.7: "During + after work, contract 24 months: 332,500".
    @Test("stage during: only the contract package")
    func stageDuring() throws {
        let result = try pmi(24, stage: .during)
        #expect(result.lines.count == 1)
        #expect(result.total == 332_500)
        #expect(try pmi(12, stage: .during).total == 189_000)
        #expect(try pmi(6, stage: .during).total == 108_000)
    }

    // Ruling 10: packages in force from 2023-03-20, so April 2023 (looked up on 1 April) is covered:
    // 37,500 + 332,500 = 370,000.
    @Test("first full month after Permenaker 4/2023: April 2023")
    func april2023() throws {
        #expect(try pmi(24, 2023, 4).total == 370_000)
    }

    // Ruling 10: packages from 2023-03-20; a February 2023 month has no rule.
    @Test("February 2023 has no PMI rule in force")
    func beforePermenaker4of2023() {
        let error = #expect(throws: DomainError.self) { try pmi(24, 2023, 2) }
        #expect(isNoRuleInForce(error))
    }

    @Test("a contract of 0 or fewer months is refused", arguments: [0, -1])
    func noMonths(months: Int) {
        let error = #expect(throws: DomainError.self) { try pmi(months) }
        #expect(isInvalidInput(error))
    }
}

private func isInvalidInput(_ error: DomainError?) -> Bool {
    if case .invalidInput? = error { true } else { false }
}

private func isNoRuleInForce(_ error: DomainError?) -> Bool {
    if case .noRuleInForce? = error { true } else { false }
}
