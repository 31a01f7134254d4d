import Testing
@testable import LindungCore

/// Construction (Jakon) contributions: Permenaker 44/2015, REGULATIONS.md 2.6 and ruling 9 (marginal tiers
/// 0.21/0.17/0.13/0.11/0.09 % JKK, 0.03/0.02/0.02/0.01/0.01 % JKM); known wages JKK 1.74 % + JKM 0.30 %.
@Suite("Jakon contributions")
struct ContributionJakonTests {
    let rules: RuleSet
    let calculator: ContributionCalculator

    init() throws {
        let rules = try RuleSet()
        self.rules = rules
        self.calculator = ContributionCalculator(rules: rules)
    }

    private func byValue(_ value: Rupiah, _ year: Int = 2024, _ month: Int = 6) throws -> ContributionResult {
        try calculator.jakon(.contractValue(value, month: YearMonth(year: year, month: month)))
    }

    private func total(_ result: ContributionResult, _ program: Program) -> Rupiah {
        result.lines.filter { $0.program == program }.reduce(0) { $0 + $1.amount }
    }

    // Ruling 9 / REGULATIONS.md 2.6: marginal tiers on 850,000,000 =
    //   slice 0-100 M (100 M), slice 100-500 M (400 M), slice 500-850 M (350 M).
    @Test("contract value Rp850,000,000: JKK 1,345,000, JKM 180,000, total 1,525,000")
    func threeTiers() throws {
        let result = try byValue(850_000_000)
        #expect(result.segment == .jakon)
        let jkk = result.lines.filter { $0.program == .jkk }
        // 0.21 % × 100,000,000 = 210,000; 0.17 % × 400,000,000 = 680,000; 0.13 % × 350,000,000 = 455,000
        #expect(jkk.map(\.amount) == [210_000, 680_000, 455_000])
        #expect(jkk.map(\.base) == [100_000_000, 400_000_000, 350_000_000])
        #expect(total(result, .jkk) == 1_345_000)  // 210,000 + 680,000 + 455,000
        let jkm = result.lines.filter { $0.program == .jkm }
        // 0.03 % × 100,000,000 = 30,000; 0.02 % × 400,000,000 = 80,000; 0.02 % × 350,000,000 = 70,000
        #expect(jkm.map(\.amount) == [30_000, 80_000, 70_000])
        #expect(total(result, .jkm) == 180_000)  // 30,000 + 80,000 + 70,000
        #expect(result.total == 1_525_000)  // 1,345,000 + 180,000
        #expect(result.total(for: .employer) == 1_525_000)
    }

    // Ruling 9: the first tier reaches 100,000,000 inclusive, so exactly 100 M uses one tier.
    @Test("contract value exactly Rp100,000,000 uses only the first tier")
    func exactlyFirstTierBoundary() throws {
        let result = try byValue(100_000_000)
        #expect(result.lines.count == 2)  // one JKK line, one JKM line
        #expect(total(result, .jkk) == 210_000)  // 0.21 % × 100,000,000
        #expect(total(result, .jkm) == 30_000)  // 0.03 % × 100,000,000
        #expect(result.total == 240_000)
    }

    // Ruling 9: one rupiah above 100 M starts the second tier: 0.17 % × 1 = 0.0017 → 0; 0.02 % × 1 → 0.
    @Test("one rupiah above Rp100,000,000 opens the second tier")
    func justAboveFirstTier() throws {
        let result = try byValue(100_000_001)
        #expect(result.lines.count == 4)
        #expect(result.total == 240_000)  // the 1-rupiah slice rounds to 0 in both programs
    }

    // Ruling 9: Rp6,000,000,000 uses all five tiers:
    //   JKK 0.21 % × 100 M = 210,000; 0.17 % × 400 M = 680,000; 0.13 % × 500 M = 650,000;
    //       0.11 % × 4,000 M = 4,400,000; 0.09 % × 1,000 M = 900,000 → 6,840,000
    //   JKM 0.03 % × 100 M = 30,000; 0.02 % × 400 M = 80,000; 0.02 % × 500 M = 100,000;
    //       0.01 % × 4,000 M = 400,000; 0.01 % × 1,000 M = 100,000 → 710,000
    @Test("contract value Rp6,000,000,000 uses all five tiers")
    func allFiveTiers() throws {
        let result = try byValue(6_000_000_000)
        #expect(result.lines.count == 10)
        let jkk = result.lines.filter { $0.program == .jkk }
        #expect(jkk.map(\.amount) == [210_000, 680_000, 650_000, 4_400_000, 900_000])
        #expect(jkk.map(\.base) == [100_000_000, 400_000_000, 500_000_000, 4_000_000_000, 1_000_000_000])
        #expect(total(result, .jkk) == 6_840_000)
        let jkm = result.lines.filter { $0.program == .jkm }
        #expect(jkm.map(\.amount) == [30_000, 80_000, 100_000, 400_000, 100_000])
        #expect(total(result, .jkm) == 710_000)
        #expect(result.total == 7_550_000)  // 6,840,000 + 710,000
    }

    // REGULATIONS.md 2.6: "if wages known: JKK 1.74% + JKM 0.30% = 2.04% of wage".
    @Test("known wages Rp10,000,000: JKK 174,000, JKM 30,000")
    func knownWages() throws {
        let result = try calculator.jakon(.knownWages(10_000_000, month: YearMonth(year: 2024, month: 6)))
        #expect(result.lines.count == 2)
        #expect(result.lines.first { $0.program == .jkk }?.amount == 174_000)  // 1.74 % × 10,000,000
        #expect(result.lines.first { $0.program == .jkm }?.amount == 30_000)  // 0.30 % × 10,000,000
        #expect(result.total == 204_000)  // 2.04 % × 10,000,000
        #expect(result.lines.allSatisfy { $0.payer == .employer })
    }

    // Ruling 14 and REGULATIONS.md 2.2 ("Jakon 0.0021%"): PP 49/2020 relief, 1 % of normal.
    // October 2020, value 100,000,000: JKK 0.21 % × 1 % = 0.0021 % → 2,100; JKM 0.03 % × 1 % = 0.0003 % → 300.
    @Test("relief month October 2020: JKK 0.0021 % → 2,100, JKM 0.0003 % → 300")
    func reliefMonth() throws {
        let result = try byValue(100_000_000, 2020, 10)
        let jkk = try #require(result.lines.first { $0.program == .jkk })
        #expect(jkk.amount == 2_100)
        #expect(jkk.rate?.description == "0.0021")
        let jkm = try #require(result.lines.first { $0.program == .jkm })
        #expect(jkm.amount == 300)
        #expect(jkm.rate?.description == "0.0003")
        #expect(result.notes.contains { $0.contains("PP 49/2020") })
    }

    // Ruling 14 on known wages: 1.74 % × 1 % × 10,000,000 = 1,740; 0.30 % × 1 % × 10,000,000 = 300.
    @Test("relief month with known wages")
    func reliefKnownWages() throws {
        let result = try calculator.jakon(.knownWages(10_000_000, month: YearMonth(year: 2020, month: 10)))
        #expect(result.lines.first { $0.program == .jkk }?.amount == 1_740)
        #expect(result.lines.first { $0.program == .jkm }?.amount == 300)
    }

    // Ruling 1: each line rounded half-up. Value 100,000,250: slice 2 = 250 → 0.17 % = 0.425 → 0;
    // value 100,000,300: slice 300 → 0.17 % = 0.51 → 1.
    @Test("each tier line is rounded half-up")
    func rounding() throws {
        let a = try byValue(100_000_250)
        #expect(a.lines.filter { $0.program == .jkk }.map(\.amount) == [210_000, 0])
        let b = try byValue(100_000_300)
        #expect(b.lines.filter { $0.program == .jkk }.map(\.amount) == [210_000, 1])
    }

    @Test("a zero contract value owes nothing")
    func zeroValue() throws {
        let result = try byValue(0)
        #expect(result.lines.isEmpty)
        #expect(result.total == 0)
    }

    @Test("a negative contract value or wage is refused")
    func negative() {
        let value = #expect(throws: DomainError.self) { try byValue(-1) }
        #expect(isInvalidInput(value))
        let wages = #expect(throws: DomainError.self) {
            try calculator.jakon(.knownWages(-1, month: YearMonth(year: 2024, month: 6)))
        }
        #expect(isInvalidInput(wages))
    }

    // Permenaker 44/2015 tiers start on 1 July 2015.
    @Test("a month before July 2015 has no rule in force")
    func beforeTables() {
        let error = #expect(throws: DomainError.self) { try byValue(100_000_000, 2015, 6) }
        #expect(isNoRuleInForce(error))
    }
}

private func isInvalidInput(_ error: DomainError?) -> Bool {
    if case .invalidInput? = error { true } else { false }
}

private func isNoRuleInForce(_ error: DomainError?) -> Bool {
    if case .noRuleInForce? = error { true } else { false }
}
