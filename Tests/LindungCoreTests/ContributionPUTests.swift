import Testing
@testable import LindungCore

/// PU (wage earner) contributions: PP 44/2015 (JKK, JKM), PP 46/2015 (JHT), PP 45/2015 (JP), PP 37/2021 and
/// PP 6/2025 (JKP), PP 49/2020 (relief), and the rulings at the top of REGULATIONS.md.
@Suite("PU contributions")
struct ContributionPUTests {
    let rules: RuleSet
    let calculator: ContributionCalculator

    init() throws {
        let rules = try RuleSet()
        self.rules = rules
        self.calculator = ContributionCalculator(rules: rules)
    }

    private func pu(_ wage: Rupiah, riskClass: Int = 1, _ year: Int, _ month: Int, born: String? = nil) throws -> ContributionResult {
        try calculator.pu(
            PUContributionInput(
                wage: wage, riskClass: riskClass, month: YearMonth(year: year, month: month),
                birthDate: born.map { CalendarDate(iso: $0)! }))
    }

    // MARK: - Rates by program

    // PP 44/2015 Lampiran I: JKK by risk group 0.24 / 0.54 / 0.89 / 1.27 / 1.74 %; ruling 2 (the full
    // PP 44/2015 rates stay on the employer's bill after the JKP recomposition).
    @Test(
        "JKK for each risk class on a wage of Rp10,000,000",
        arguments: [
            (1, Rupiah(24_000)),  // 0.24 % × 10,000,000 = 24,000
            (2, Rupiah(54_000)),  // 0.54 % × 10,000,000 = 54,000
            (3, Rupiah(89_000)),  // 0.89 % × 10,000,000 = 89,000
            (4, Rupiah(127_000)),  // 1.27 % × 10,000,000 = 127,000
            (5, Rupiah(174_000)),  // 1.74 % × 10,000,000 = 174,000
        ])
    func jkkByRiskClass(riskClass: Int, expected: Rupiah) throws {
        let result = try pu(10_000_000, riskClass: riskClass, 2024, 6)
        let jkk = try #require(line(result, .jkk, .employer))
        #expect(jkk.amount == expected)
        #expect(jkk.base == 10_000_000)
    }

    // PP 44/2015 JKK class 1 0.24 %, JKM 0.30 %; PP 46/2015 JHT 3.7 % employer, 2 % worker; PP 45/2015 JP
    // 2 % employer, 1 % worker under the cap (June 2024 cap 10,042,300, REGULATIONS.md 2.4); PP 37/2021 JKP
    // government 0.22 % of min(wage, 5,000,000) (ruling 2).
    @Test("every line of a June 2024 bill, class 1, wage Rp10,000,000")
    func everyLineOfABill() throws {
        let result = try pu(10_000_000, riskClass: 1, 2024, 6)
        #expect(result.segment == .pu)
        #expect(line(result, .jkk, .employer)?.amount == 24_000)  // 0.24 % × 10,000,000
        #expect(line(result, .jkm, .employer)?.amount == 30_000)  // 0.30 % × 10,000,000
        #expect(line(result, .jht, .employer)?.amount == 370_000)  // 3.7 % × 10,000,000
        #expect(line(result, .jht, .worker)?.amount == 200_000)  // 2 % × 10,000,000
        #expect(line(result, .jp, .employer)?.amount == 200_000)  // 2 % × 10,000,000 (below cap 10,042,300)
        #expect(line(result, .jp, .worker)?.amount == 100_000)  // 1 % × 10,000,000
        let jkp = try #require(line(result, .jkp, .government))
        #expect(jkp.base == 5_000_000)  // min(10,000,000, JKP cap 5,000,000)
        #expect(jkp.amount == 11_000)  // 0.22 % × 5,000,000
        // No JKP line is owed by the employer or the worker (ruling 2: not an extra levy).
        #expect(line(result, .jkp, .employer) == nil)
        #expect(line(result, .jkp, .worker) == nil)
        #expect(result.lines.count == 7)
    }

    // Ruling 1: totals are sums of rounded lines; ruling 2: the government's share is its own receivable.
    @Test("totals by payer and in all")
    func totalsByPayer() throws {
        let result = try pu(10_000_000, riskClass: 1, 2024, 6)
        // employer: 24,000 + 30,000 + 370,000 + 200,000 = 624,000
        #expect(result.total(for: .employer) == 624_000)
        // worker: 200,000 + 100,000 = 300,000
        #expect(result.total(for: .worker) == 300_000)
        // government: JKP 11,000
        #expect(result.total(for: .government) == 11_000)
        #expect(result.total(for: .participant) == 0)
        // 624,000 + 300,000 + 11,000 = 935,000
        #expect(result.total == 935_000)
    }

    // Ruling 2: the allocation is shown beside the bill and never added to it.
    @Test("the JKP allocation is not part of the total")
    func allocationNotBilled() throws {
        let result = try pu(10_000_000, riskClass: 1, 2024, 6)
        #expect(!result.allocations.isEmpty)
        #expect(result.total == result.lines.reduce(0) { $0 + $1.amount })
        #expect(result.total == 935_000)
    }

    // MARK: - JP wage cap (ruling 3, REGULATIONS.md 2.4)

    // REGULATIONS.md 2.4: Mar 2024 cap 10,042,300, 1 Mar 2025 cap 10,547,400; "Max JP contribution Mar 2025:
    // employer Rp210,948, worker Rp105,474 (before: 200,846 / 100,423)"; ruling 3 (cap from March).
    @Test("JP cap February 2025 vs March 2025, wage Rp20,000,000")
    func jpCapFebruaryVersusMarch2025() throws {
        let february = try pu(20_000_000, 2025, 2)
        // 2 % × 10,042,300 = 200,846; 1 % × 10,042,300 = 100,423
        #expect(line(february, .jp, .employer)?.base == 10_042_300)
        #expect(line(february, .jp, .employer)?.amount == 200_846)
        #expect(line(february, .jp, .worker)?.amount == 100_423)
        #expect(line(february, .jp, .employer)?.note?.contains("cap") == true)

        let march = try pu(20_000_000, 2025, 3)
        // 2 % × 10,547,400 = 210,948; 1 % × 10,547,400 = 105,474
        #expect(line(march, .jp, .employer)?.base == 10_547_400)
        #expect(line(march, .jp, .employer)?.amount == 210_948)
        #expect(line(march, .jp, .worker)?.amount == 105_474)
        // JHT has no cap (REGULATIONS.md 2.1): 3.7 % × 20,000,000 = 740,000
        #expect(line(march, .jht, .employer)?.amount == 740_000)
    }

    // Ruling 3: "2021: the lower value": Mar 2020 8,939,700 runs to Feb 2021; Mar 2021 8,754,600.
    @Test("JP cap 2021: February 8,939,700, March 8,754,600")
    func jpCap2021() throws {
        #expect(try rules.jpWageCap(for: YearMonth(year: 2021, month: 2)).value == 8_939_700)
        #expect(try rules.jpWageCap(for: YearMonth(year: 2021, month: 3)).value == 8_754_600)

        let february = try pu(20_000_000, 2021, 2)
        // 2 % × 8,939,700 = 178,794; 1 % × 8,939,700 = 89,397
        #expect(line(february, .jp, .employer)?.amount == 178_794)
        #expect(line(february, .jp, .worker)?.amount == 89_397)

        let march = try pu(20_000_000, 2021, 3)
        // 2 % × 8,754,600 = 175,092; 1 % × 8,754,600 = 87,546
        #expect(line(march, .jp, .employer)?.amount == 175_092)
        #expect(line(march, .jp, .worker)?.amount == 87_546)
    }

    // Ruling 3: 2026's value pending, ship 11,086,300 from March 2026 marked provisional (REGULATIONS.md 2.4:
    // 10,547,400 × 1.0511 = 11,086,372 truncated to Rp100).
    @Test("provisional 2026 JP cap from March 2026")
    func jpCap2026Provisional() throws {
        #expect(try rules.jpWageCap(for: YearMonth(year: 2026, month: 2)).value == 10_547_400)
        let cap = try rules.jpWageCap(for: YearMonth(year: 2026, month: 3))
        #expect(cap.value == 11_086_300)
        #expect(cap.regulation.contains("pending"))

        let february = try pu(20_000_000, 2026, 2)
        #expect(line(february, .jp, .employer)?.amount == 210_948)  // 2 % × 10,547,400

        let march = try pu(20_000_000, 2026, 3)
        // 2 % × 11,086,300 = 221,726; 1 % × 11,086,300 = 110,863
        #expect(line(march, .jp, .employer)?.amount == 221_726)
        #expect(line(march, .jp, .worker)?.amount == 110_863)
    }

    // PP 45/2015 Art 29: the cap limits the base; a wage exactly at the cap is not reduced.
    @Test("a wage exactly at the JP cap carries no cap note")
    func wageExactlyAtCap() throws {
        let result = try pu(10_547_400, 2025, 6)
        let jp = try #require(line(result, .jp, .employer))
        #expect(jp.base == 10_547_400)
        #expect(jp.amount == 210_948)  // 2 % × 10,547,400
        #expect(jp.note == nil)
    }

    // MARK: - JKP (ruling 2)

    // PP 37/2021 (JKP from February 2021); ruling 2: 0.22 % of the JKP-capped wage owed by the government.
    // January 2021 is also a PP 49/2020 relief month (ruling 14), which does not touch JKP.
    @Test("no JKP line or allocation before February 2021; both from February 2021")
    func jkpStartsFebruary2021() throws {
        let january = try pu(5_000_000, 2021, 1)
        #expect(line(january, .jkp, .government) == nil)
        #expect(january.allocations.isEmpty)
        #expect(january.total(for: .government) == 0)

        let june2020 = try pu(5_000_000, 2020, 6)
        #expect(line(june2020, .jkp, .government) == nil)

        let february = try pu(5_000_000, 2021, 2)
        // 0.22 % × 5,000,000 = 11,000
        #expect(line(february, .jkp, .government)?.amount == 11_000)
        #expect(february.allocations.count == 2)
    }

    // Ruling 2: JKP wage cap Rp5,000,000; below it the whole wage is the base.
    @Test("JKP government share below and above the JKP cap")
    func jkpGovernmentShareCap() throws {
        let low = try pu(3_000_000, 2024, 6)
        // 0.22 % × 3,000,000 = 6,600
        #expect(line(low, .jkp, .government)?.base == 3_000_000)
        #expect(line(low, .jkp, .government)?.amount == 6_600)
        #expect(line(low, .jkp, .government)?.note == nil)

        let high = try pu(8_000_000, 2024, 6)
        // 0.22 % × min(8,000,000, 5,000,000) = 11,000
        #expect(line(high, .jkp, .government)?.base == 5_000_000)
        #expect(line(high, .jkp, .government)?.amount == 11_000)
        #expect(line(high, .jkp, .government)?.note?.contains("JKP cap") == true)
    }

    // Ruling 2 / PP 37/2021: 0.14 % out of JKK and 0.10 % out of JKM of the JKP-capped wage.
    @Test("JKP allocation in 2024: 0.14 % from JKK and 0.10 % from JKM")
    func allocation2024() throws {
        let result = try pu(10_000_000, 2024, 6)
        #expect(result.allocations.count == 2)
        let fromJKK = try #require(result.allocations.first { $0.source == .jkk })
        #expect(fromJKK.fund == .jkp)
        #expect(fromJKK.base == 5_000_000)
        #expect(fromJKK.rate == Rate(percent: "0.14"))
        #expect(fromJKK.amount == 7_000)  // 0.14 % × 5,000,000
        let fromJKM = try #require(result.allocations.first { $0.source == .jkm })
        #expect(fromJKM.fund == .jkp)
        #expect(fromJKM.rate == Rate(percent: "0.10"))
        #expect(fromJKM.amount == 5_000)  // 0.10 % × 5,000,000
        // The employer's bill keeps the full rates (ruling 2): JKK 0.24 % × 10,000,000 = 24,000, JKM 30,000.
        #expect(line(result, .jkk, .employer)?.amount == 24_000)
        #expect(line(result, .jkm, .employer)?.amount == 30_000)
    }

    // Ruling 2: from the February 2025 billing month (PP 6/2025) 0.36 % = 0.22 % government + 0.14 % from JKK.
    @Test("JKP allocation: January 2025 has both, February 2025 only the JKK one")
    func allocationPP6of2025() throws {
        let january = try pu(10_000_000, 2025, 1)
        #expect(january.allocations.map(\.source) == [.jkk, .jkm])
        #expect(january.allocations.map(\.amount) == [7_000, 5_000])  // 0.14 % and 0.10 % × 5,000,000

        let february = try pu(10_000_000, 2025, 2)
        #expect(february.allocations.count == 1)
        let only = try #require(february.allocations.first)
        #expect(only.source == .jkk)
        #expect(only.amount == 7_000)  // 0.14 % × 5,000,000
        // The government line is unchanged by PP 6/2025: 0.22 % × 5,000,000 = 11,000
        #expect(line(february, .jkp, .government)?.amount == 11_000)
        // 0.22 % + 0.14 % = 0.36 % of 5,000,000 = 18,000
        #expect(line(february, .jkp, .government)!.amount + only.amount == 18_000)
    }

    // MARK: - JP stops at pension age (ruling 12, ruling 4)

    // Ruling 12: no JP for a month in which the worker is at or past the pension age in force that year (age
    // in whole years on the first day of the month); ruling 4: pension age 59 in 2025. Born 1966-04-15: on
    // 1 April 2025 age 58 (< 59) → JP billed; on 1 May 2025 age 59 (>= 59) → not billed.
    @Test("JP billed in April 2025, not in May 2025, for a worker born 1966-04-15")
    func jpStopsAtPensionAge() throws {
        let april = try pu(5_000_000, 2025, 4, born: "1966-04-15")
        #expect(line(april, .jp, .employer)?.amount == 100_000)  // 2 % × 5,000,000
        #expect(line(april, .jp, .worker)?.amount == 50_000)  // 1 % × 5,000,000
        #expect(!april.notes.contains { $0.contains("JP not billed") })

        let may = try pu(5_000_000, 2025, 5, born: "1966-04-15")
        #expect(line(may, .jp, .employer) == nil)
        #expect(line(may, .jp, .worker) == nil)
        let note = try #require(may.notes.first { $0.contains("JP") })
        #expect(note.contains("59"))
        #expect(note.contains("2025-05-01"))
        // Ruling 12: JHT, JKK, JKM go on.
        #expect(line(may, .jkk, .employer)?.amount == 12_000)  // 0.24 % × 5,000,000
        #expect(line(may, .jkm, .employer)?.amount == 15_000)  // 0.30 % × 5,000,000
        #expect(line(may, .jht, .employer)?.amount == 185_000)  // 3.7 % × 5,000,000
        #expect(line(may, .jht, .worker)?.amount == 100_000)  // 2 % × 5,000,000
        #expect(line(may, .jkp, .government)?.amount == 11_000)  // 0.22 % × 5,000,000
        // worker total drops by the JP worker share: April 100,000 + 50,000; May 100,000
        #expect(april.total(for: .worker) == 150_000)
        #expect(may.total(for: .worker) == 100_000)
    }

    // Ruling 12: age on the first day of the month; a birthday on the 1st counts that month.
    @Test("a birthday on the first of the month stops JP that month")
    func birthdayOnTheFirst() throws {
        // Born 1966-05-01: on 1 May 2025 age 59 = pension age 59 → no JP; on 1 April 2025 age 58 → JP.
        let april = try pu(5_000_000, 2025, 4, born: "1966-05-01")
        #expect(line(april, .jp, .employer) != nil)
        let may = try pu(5_000_000, 2025, 5, born: "1966-05-01")
        #expect(line(may, .jp, .employer) == nil)
    }

    // Ruling 12 with ruling 4: pension age 58 in 2022 (born 1964-03-10: age 58 on 1 April 2022 → no JP).
    @Test("JP stop uses the pension age of the billing year")
    func pensionAgeOfTheYear() throws {
        // 1 March 2022: age 57 (birthday 10 March not reached) < 58 → billed
        #expect(line(try pu(5_000_000, 2022, 3, born: "1964-03-10"), .jp, .employer) != nil)
        // 1 April 2022: age 58 >= 58 → not billed
        #expect(line(try pu(5_000_000, 2022, 4, born: "1964-03-10"), .jp, .employer) == nil)
    }

    // Ruling 12 read literally, with ruling 4: the test is the pension age of the billing year, so a worker
    // who reached 58 in 2024 (pension age 58) is billed JP again in January 2025 (age 58 < 59) until the
    // 59th birthday. Born 1966-04-15: May 2024 stopped (58 >= 58), January 2025 billed, May 2025 stopped.
    @Test("the pension-age test uses each billing year's pension age (ruling 12 as written)")
    func pensionAgeRiseRestartsJPAsWritten() throws {
        #expect(line(try pu(5_000_000, 2024, 5, born: "1966-04-15"), .jp, .employer) == nil)
        #expect(line(try pu(5_000_000, 2025, 1, born: "1966-04-15"), .jp, .employer)?.amount == 100_000)
        #expect(line(try pu(5_000_000, 2025, 5, born: "1966-04-15"), .jp, .employer) == nil)
    }

    // Ruling 12: JP is billed when the birth date is unknown.
    @Test("JP is billed when no birth date is given")
    func noBirthDate() throws {
        let result = try pu(5_000_000, 2025, 5)
        #expect(line(result, .jp, .employer)?.amount == 100_000)
    }

    // MARK: - PP 49/2020 relief (ruling 14)

    // Ruling 14: billing months August 2020 to January 2021: JKK and JKM at 1 % of the normal amount; JHT and
    // JP unchanged. Wage 5,000,000 class 1: JKK 0.24 % × 1 % × 5,000,000 = 120; JKM 0.30 % × 1 % = 150.
    @Test("relief month August 2020: JKK 120, JKM 150, JHT and JP unchanged")
    func reliefAugust2020() throws {
        let result = try pu(5_000_000, riskClass: 1, 2020, 8)
        let jkk = try #require(line(result, .jkk, .employer))
        #expect(jkk.amount == 120)  // 5,000,000 × 0.24 % × 1 % = 120
        #expect(jkk.rate == Rate(percent: "0.0024"))
        #expect(line(result, .jkm, .employer)?.amount == 150)  // 5,000,000 × 0.30 % × 1 % = 150
        #expect(line(result, .jht, .employer)?.amount == 185_000)  // 3.7 % × 5,000,000
        #expect(line(result, .jht, .worker)?.amount == 100_000)  // 2 % × 5,000,000
        #expect(line(result, .jp, .employer)?.amount == 100_000)  // 2 % × 5,000,000 (cap 8,939,700)
        #expect(line(result, .jp, .worker)?.amount == 50_000)  // 1 % × 5,000,000
        #expect(result.notes.contains { $0.contains("PP 49/2020") })
        // employer: 120 + 150 + 185,000 + 100,000 = 285,270
        #expect(result.total(for: .employer) == 285_270)
    }

    // Ruling 14: relief for class 5: 1.74 % × 1 % × 5,000,000 = 870.
    @Test("relief month with risk class 5")
    func reliefClass5() throws {
        let result = try pu(5_000_000, riskClass: 5, 2020, 12)
        #expect(line(result, .jkk, .employer)?.amount == 870)
    }

    // Ruling 14: July 2020 and February 2021 are normal months; January 2021 is the last relief month.
    @Test("relief window edges: July 2020 and February 2021 normal, January 2021 relieved")
    func reliefEdges() throws {
        let july = try pu(5_000_000, 2020, 7)
        #expect(line(july, .jkk, .employer)?.amount == 12_000)  // 0.24 % × 5,000,000
        #expect(line(july, .jkm, .employer)?.amount == 15_000)  // 0.30 % × 5,000,000
        #expect(july.notes.isEmpty)

        let january = try pu(5_000_000, 2021, 1)
        #expect(line(january, .jkk, .employer)?.amount == 120)
        #expect(line(january, .jkm, .employer)?.amount == 150)

        let february = try pu(5_000_000, 2021, 2)
        #expect(line(february, .jkk, .employer)?.amount == 12_000)
        #expect(line(february, .jkm, .employer)?.amount == 15_000)
        #expect(!february.notes.contains { $0.contains("PP 49/2020") })
    }

    // MARK: - Rounding (ruling 1)

    // Ruling 1: each line rounded half-up to whole rupiah. Wage 1,234,567, class 1, June 2024:
    @Test("rounding half-up of each line, wage Rp1,234,567")
    func roundingOfEachLine() throws {
        let result = try pu(1_234_567, riskClass: 1, 2024, 6)
        #expect(line(result, .jkk, .employer)?.amount == 2_963)  // 0.24 % = 2,962.9608 → 2,963
        #expect(line(result, .jkm, .employer)?.amount == 3_704)  // 0.30 % = 3,703.701 → 3,704
        #expect(line(result, .jht, .employer)?.amount == 45_679)  // 3.7 % = 45,678.979 → 45,679
        #expect(line(result, .jht, .worker)?.amount == 24_691)  // 2 % = 24,691.34 → 24,691
        #expect(line(result, .jp, .employer)?.amount == 24_691)  // 2 % = 24,691.34 → 24,691
        #expect(line(result, .jp, .worker)?.amount == 12_346)  // 1 % = 12,345.67 → 12,346
        #expect(line(result, .jkp, .government)?.amount == 2_716)  // 0.22 % = 2,716.0474 → 2,716
    }

    // Ruling 1: exactly .5 rounds up; .49 rounds down; a tiny excess below .5 rounds down.
    @Test("half exactly rounds up, just below half rounds down")
    func roundingHalfBoundary() throws {
        // JHT worker 2 % × 1,000,025 = 20,000.5 → 20,001
        #expect(line(try pu(1_000_025, 2024, 6), .jht, .worker)?.amount == 20_001)
        // JP worker 1 % × 1,000,050 = 10,000.5 → 10,001
        #expect(line(try pu(1_000_050, 2024, 6), .jp, .worker)?.amount == 10_001)
        // JP worker 1 % × 1,000,049 = 10,000.49 → 10,000
        #expect(line(try pu(1_000_049, 2024, 6), .jp, .worker)?.amount == 10_000)
        // JKM 0.30 % × 5,000,005 = 15,000.015 → 15,000
        #expect(line(try pu(5_000_005, 2024, 6), .jkm, .employer)?.amount == 15_000)
    }

    // Ruling 1: "Totals are sums of rounded lines", not the rounded sum of exact amounts.
    @Test("the worker total is the sum of rounded lines")
    func totalIsSumOfRoundedLines() throws {
        let result = try pu(1_000_075, 2024, 6)
        // JHT worker 2 % × 1,000,075 = 20,001.5 → 20,002; JP worker 1 % = 10,000.75 → 10,001
        #expect(line(result, .jht, .worker)?.amount == 20_002)
        #expect(line(result, .jp, .worker)?.amount == 10_001)
        // 20,002 + 10,001 = 30,003 (the exact 3 % = 30,002.25 would round to 30,002)
        #expect(result.total(for: .worker) == 30_003)
    }

    // MARK: - Refusals

    @Test("a negative wage is refused")
    func negativeWage() {
        let error = #expect(throws: DomainError.self) { try pu(-1, 2024, 6) }
        #expect(isInvalidInput(error))
    }

    // PP 44/2015 Lampiran I has risk groups I-V only.
    @Test("risk class outside 1-5 is refused", arguments: [0, 6])
    func riskClassOutOfRange(riskClass: Int) {
        let error = #expect(throws: DomainError.self) { try pu(5_000_000, riskClass: riskClass, 2024, 6) }
        #expect(isInvalidInput(error))
    }

    // The PP 44/2015 tables start on 1 July 2015.
    @Test("a month before July 2015 has no rule in force")
    func beforeJuly2015() throws {
        let error = #expect(throws: DomainError.self) { try pu(5_000_000, 2015, 6) }
        #expect(isNoRuleInForce(error))
        // July 2015 itself is covered: 0.24 % × 5,000,000 = 12,000; JP cap 7,000,000 → 2 % × 5,000,000
        let july = try pu(5_000_000, 2015, 7)
        #expect(line(july, .jkk, .employer)?.amount == 12_000)
        #expect(line(july, .jp, .employer)?.amount == 100_000)
    }

    @Test("a birth date after the billing month is refused")
    func birthAfterMonth() {
        let error = #expect(throws: DomainError.self) { try pu(5_000_000, 2025, 5, born: "2025-06-01") }
        #expect(isInvalidInput(error))
    }

    @Test("a zero wage gives zero amounts")
    func zeroWage() throws {
        let result = try pu(0, 2024, 6)
        #expect(result.total == 0)
    }
}

private func line(_ result: ContributionResult, _ program: Program, _ payer: Payer) -> ContributionLine? {
    result.lines.first { $0.program == program && $0.payer == payer }
}

private func isInvalidInput(_ error: DomainError?) -> Bool {
    if case .invalidInput? = error { true } else { false }
}

private func isNoRuleInForce(_ error: DomainError?) -> Bool {
    if case .noRuleInForce? = error { true } else { false }
}
