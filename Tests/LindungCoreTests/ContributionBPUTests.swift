import Testing
@testable import LindungCore

/// BPU (non-wage earner) contributions: REGULATIONS.md 2.5 and ruling 8 (brackets of Rp100,000 rounded
/// down, between Rp1,000,000 and Rp20,700,000; JKK 1 %, JKM Rp6,800, JHT 2 % if chosen).
@Suite("BPU contributions")
struct ContributionBPUTests {
    let rules: RuleSet
    let calculator: ContributionCalculator

    init() throws {
        let rules = try RuleSet()
        self.rules = rules
        self.calculator = ContributionCalculator(rules: rules)
    }

    private func bpu(_ income: Rupiah, jht: Bool = false, _ year: Int = 2024, _ month: Int = 6) throws -> ContributionResult {
        try calculator.bpu(BPUContributionInput(income: income, includesJHT: jht, month: YearMonth(year: year, month: month)))
    }

    // REGULATIONS.md 2.5: "Lowest bracket (income up to Rp1,099,000) → JKK Rp10,000 + JKM Rp6,800 = Rp16,800";
    // ruling 8.
    @Test("income Rp1,000,000 without JHT: 10,000 + 6,800 = 16,800")
    func lowestBracketWithoutJHT() throws {
        let result = try bpu(1_000_000)
        #expect(result.segment == .bpu)
        #expect(line(result, .jkk)?.amount == 10_000)  // 1 % × 1,000,000
        #expect(line(result, .jkk)?.base == 1_000_000)
        #expect(line(result, .jkm)?.amount == 6_800)  // flat
        #expect(line(result, .jkm)?.flatAmount == 6_800)
        #expect(line(result, .jht) == nil)
        #expect(result.total == 16_800)  // 10,000 + 6,800
    }

    // REGULATIONS.md 2.5: "+ JHT Rp20,000 = Rp36,800"; ruling 8 (JHT 2 % if chosen).
    @Test("income Rp1,000,000 with JHT: 16,800 + 20,000 = 36,800")
    func lowestBracketWithJHT() throws {
        let result = try bpu(1_000_000, jht: true)
        #expect(line(result, .jht)?.amount == 20_000)  // 2 % × 1,000,000
        #expect(result.total == 36_800)  // 10,000 + 6,800 + 20,000
    }

    // Ruling 8 / REGULATIONS.md 1: a BPU participant pays for themselves.
    @Test("every BPU line is owed by the participant")
    func payerIsParticipant() throws {
        let result = try bpu(1_000_000, jht: true)
        #expect(result.lines.allSatisfy { $0.payer == .participant })
        #expect(result.total(for: .participant) == 36_800)
        #expect(result.total(for: .employer) == 0)
        #expect(result.total(for: .worker) == 0)
        #expect(result.total(for: .government) == 0)
        #expect(result.allocations.isEmpty)
    }

    // Ruling 8: steps of Rp100,000 rounded down; the lowest bracket reaches Rp1,099,999 (REGULATIONS.md 2.5:
    // "income up to Rp1,099,000").
    @Test(
        "income to bracket base",
        arguments: [
            (Rupiah(1_099_000), Rupiah(1_000_000)),  // still the lowest bracket
            (Rupiah(1_099_999), Rupiah(1_000_000)),  // last rupiah of the lowest bracket
            (Rupiah(1_100_000), Rupiah(1_100_000)),  // first rupiah of the next
            (Rupiah(1_150_000), Rupiah(1_100_000)),  // 1,150,000 rounded down to 100,000 steps
            (Rupiah(500_000), Rupiah(1_000_000)),  // below the floor: base 1,000,000
            (Rupiah(0), Rupiah(1_000_000)),  // zero income still pays the floor
            (Rupiah(20_699_999), Rupiah(20_600_000)),  // last step below the ceiling
            (Rupiah(20_700_000), Rupiah(20_700_000)),  // the ceiling itself
            (Rupiah(25_000_000), Rupiah(20_700_000)),  // above the ceiling: base 20,700,000
        ])
    func bracketBase(income: Rupiah, base: Rupiah) throws {
        let result = try bpu(income)
        #expect(line(result, .jkk)?.base == base)
        // JKK 1 % of the base
        #expect(line(result, .jkk)?.amount == base / 100)
    }

    // Ruling 8: 1,150,000 → base 1,100,000 → JKK 1 % = 11,000.
    @Test("income Rp1,150,000: JKK 11,000")
    func secondBracket() throws {
        let result = try bpu(1_150_000)
        #expect(line(result, .jkk)?.amount == 11_000)
        #expect(result.total == 17_800)  // 11,000 + 6,800
    }

    // REGULATIONS.md 2.5: "JKK max Rp207,000", "JHT max Rp414,000" (nominal base Rp20,700,000; ruling 8).
    @Test("income Rp25,000,000: base 20,700,000, JKK 207,000, JHT 414,000")
    func maxima() throws {
        let result = try bpu(25_000_000, jht: true)
        #expect(line(result, .jkk)?.amount == 207_000)  // 1 % × 20,700,000
        #expect(line(result, .jht)?.amount == 414_000)  // 2 % × 20,700,000
        #expect(line(result, .jkm)?.amount == 6_800)
        #expect(result.total == 627_800)  // 207,000 + 6,800 + 414,000
    }

    // Ruling 14: PP 49/2020 relief for BPU too: JKK and JKM at 1 % of normal, JHT unchanged.
    // September 2020, income 1,000,000: JKK 10,000 × 1 % = 100; JKM 6,800 × 1 % = 68.
    @Test("relief month September 2020: JKK 100, JKM 68")
    func reliefMonth() throws {
        let result = try bpu(1_000_000, jht: true, 2020, 9)
        #expect(line(result, .jkk)?.amount == 100)  // 1,000,000 × 1 % × 1 % = 100
        #expect(line(result, .jkm)?.amount == 68)  // 6,800 × 1 % = 68
        #expect(line(result, .jht)?.amount == 20_000)  // 2 % × 1,000,000, no relief on JHT
        #expect(result.total == 20_168)  // 100 + 68 + 20,000
        #expect(result.notes.contains { $0.contains("PP 49/2020") })
    }

    // Ruling 14: July 2020 and February 2021 are normal months.
    @Test("no relief outside August 2020 - January 2021")
    func noReliefOutside() throws {
        #expect(try bpu(1_000_000, 2020, 7).total == 16_800)
        #expect(try bpu(1_000_000, 2021, 2).total == 16_800)
        #expect(try bpu(1_000_000, 2021, 1).total == 168)  // 100 + 68 in the last relief month
    }

    @Test("a negative income is refused")
    func negativeIncome() {
        let error = #expect(throws: DomainError.self) { try bpu(-1) }
        #expect(isInvalidInput(error))
    }

    @Test("a month before July 2015 has no rule in force")
    func beforeTables() {
        let error = #expect(throws: DomainError.self) { try bpu(1_000_000, 2015, 6) }
        #expect(isNoRuleInForce(error))
    }
}

private func line(_ result: ContributionResult, _ program: Program) -> ContributionLine? {
    result.lines.first { $0.program == program }
}

private func isInvalidInput(_ error: DomainError?) -> Bool {
    if case .invalidInput? = error { true } else { false }
}

private func isNoRuleInForce(_ error: DomainError?) -> Bool {
    if case .noRuleInForce? = error { true } else { false }
}
