import Foundation
import Testing

@testable import LindungCore

/// The billing run's per-worker arithmetic (`BillingTariff.charge`) must equal `ContributionCalculator`
/// line by line, for every segment and on both sides of every rate change: the JP cap each March
/// (ruling 3), JKP's recomposition changing in February 2025 (PP 6/2025, ruling 2), PP 49/2020's relief
/// months (ruling 14) and JP stopping at pension age (ruling 12).
@Suite("Billing tariff against the calculator")
struct BillingTariffTests {
    let rules: RuleSet
    let calculator: ContributionCalculator

    init() throws {
        rules = try RuleSet()
        calculator = ContributionCalculator(rules: rules)
    }

    static let months = [
        YearMonth(year: 2020, month: 7), YearMonth(year: 2020, month: 8), YearMonth(year: 2021, month: 1), YearMonth(year: 2021, month: 2),
        YearMonth(year: 2024, month: 2), YearMonth(year: 2024, month: 3), YearMonth(year: 2025, month: 1), YearMonth(year: 2025, month: 2),
        YearMonth(year: 2025, month: 3), YearMonth(year: 2026, month: 2), YearMonth(year: 2026, month: 3),
    ]
    static let wages: [Rupiah] = [0, 1, 999, 1_000_000, 2_500_001, 4_999_999, 5_000_000, 5_000_001, 10_042_300, 10_547_399, 10_547_400, 10_547_401, 45_123_457]

    /// Sums of the calculator's lines by payer and program.
    func amounts(_ result: ContributionResult) -> [Payer: ProgramAmounts] {
        var sums: [Payer: ProgramAmounts] = [:]
        for line in result.lines { sums[line.payer, default: ProgramAmounts()][line.program] += line.amount }
        return sums
    }

    func expectEqual(_ charge: WorkerCharge, _ result: ContributionResult, _ context: String) {
        let expected = amounts(result)
        for payer in Payer.allCases {
            #expect(charge[payer] == (expected[payer] ?? ProgramAmounts()), "\(context): \(payer)")
        }
        #expect(charge.total == result.total, "\(context): total")
    }

    @Test("PU: every risk class, wage and month equals the calculator, JKP allocation included")
    func puEqualsCalculator() throws {
        let all = ProgramSet([.jkk, .jkm, .jht, .jp, .jkp])
        for month in Self.months {
            let tariff = try BillingTariff(rules: rules, month: month)
            for riskClass in 1...5 {
                for wage in Self.wages {
                    let result = try calculator.pu(PUContributionInput(wage: wage, riskClass: riskClass, month: month))
                    let charge = tariff.charge(WorkerBasis(spellID: 1, segment: .pu, programs: all, base: wage), riskClass: riskClass)
                    expectEqual(charge, result, "\(month) class \(riskClass) wage \(wage)")
                    let fromJKK = result.allocations.first { $0.source == .jkk }?.amount ?? 0
                    let fromJKM = result.allocations.first { $0.source == .jkm }?.amount ?? 0
                    #expect(charge.jkpFromJKK == fromJKK && charge.jkpFromJKM == fromJKM, "\(month) wage \(wage): JKP allocation")
                }
            }
        }
    }

    // Ruling 3: the JP cap moves in March (2025: Rp10,042,300 → Rp10,547,400); worker share 1 %.
    @Test("JP cap: February 2025 caps at 10,042,300, March 2025 at 10,547,400")
    func jpCapMoves() throws {
        let basis = WorkerBasis(spellID: 1, segment: .pu, programs: [.jkk, .jkm, .jht, .jp], base: 20_000_000)
        let february = try BillingTariff(rules: rules, month: YearMonth(year: 2025, month: 2)).charge(basis, riskClass: 1)
        let march = try BillingTariff(rules: rules, month: YearMonth(year: 2025, month: 3)).charge(basis, riskClass: 1)
        #expect(february.worker.jp == 100_423)  // 1 % of 10,042,300 (REGULATIONS.md 2.4: "before: 200,846 / 100,423")
        #expect(february.employer.jp == 200_846)
        #expect(march.worker.jp == 105_474)  // 1 % of 10,547,400 (REGULATIONS.md 2.4: "employer Rp210,948, worker Rp105,474")
        #expect(march.employer.jp == 210_948)
    }

    // Ruling 2: PP 37/2021 takes 0.10 % out of JKM for JKP until January 2025; PP 6/2025 stops that from February.
    @Test("JKP: January 2025 moves 0.10 % out of JKM, February 2025 none; the government's 0.22 % share stays")
    func jkpRecompositionChanges() throws {
        let basis = WorkerBasis(spellID: 1, segment: .pu, programs: [.jkk, .jkm, .jkp], base: 4_000_000)
        let january = try BillingTariff(rules: rules, month: YearMonth(year: 2025, month: 1)).charge(basis, riskClass: 2)
        let february = try BillingTariff(rules: rules, month: YearMonth(year: 2025, month: 2)).charge(basis, riskClass: 2)
        #expect(january.government.jkp == 8_800 && february.government.jkp == 8_800)  // 0.22 % of 4,000,000
        #expect(january.jkpFromJKK == 5_600 && february.jkpFromJKK == 5_600)  // 0.14 %
        #expect(january.jkpFromJKM == 4_000)  // 0.10 %
        #expect(february.jkpFromJKM == 0)
        #expect(january.employer.jkm == 12_000 && february.employer.jkm == 12_000)  // the bill keeps 0.30 %
    }

    // Ruling 12: no JP in a month the worker is at or past the pension age (59 in 2025) on the 1st.
    @Test("JP stops for a worker born on or before the month's cutoff, equal to the calculator")
    func jpStopsAtPensionAge() throws {
        let month = YearMonth(year: 2025, month: 4)
        let tariff = try BillingTariff(rules: rules, month: month)
        #expect(tariff.jpLastBirthDate == "1966-04-01")
        #expect(tariff.jpStops(birthDate: "1966-04-01"))
        #expect(!tariff.jpStops(birthDate: "1966-04-02"))
        for birth in ["1966-04-01", "1966-04-02"] {
            let birthDate = CalendarDate(iso: birth)!
            let result = try calculator.pu(PUContributionInput(wage: 6_000_000, riskClass: 4, month: month, birthDate: birthDate))
            let charge = tariff.charge(
                WorkerBasis(spellID: 1, segment: .pu, programs: [.jkk, .jkm, .jht, .jp, .jkp], base: 6_000_000, jpStopped: tariff.jpStops(birthDate: birth)),
                riskClass: 4)
            expectEqual(charge, result, "born \(birth)")
        }
    }

    @Test("PU programs left out are not billed: a small employer without JP, a non-ASN with JKK and JKM only")
    func programsLeftOut() throws {
        let tariff = try BillingTariff(rules: rules, month: YearMonth(year: 2025, month: 4))
        let charge = tariff.charge(WorkerBasis(spellID: 1, segment: .pu, programs: [.jkk, .jkm], base: 3_000_000), riskClass: 1)
        #expect(charge.employer.jkk == 7_200 && charge.employer.jkm == 9_000)  // 0.24 %, 0.30 %
        #expect(charge.employer.jht == 0 && charge.worker.total == 0 && charge.government.total == 0)
    }

    @Test("BPU: every income and month equals the calculator, with and without JHT")
    func bpuEqualsCalculator() throws {
        for month in Self.months {
            let tariff = try BillingTariff(rules: rules, month: month)
            for income: Rupiah in [0, 1_099_999, 1_100_000, 2_345_678, 20_699_999, 20_700_000, 90_000_000] {
                for jht in [false, true] {
                    let result = try calculator.bpu(BPUContributionInput(income: income, includesJHT: jht, month: month))
                    let basis = WorkerBasis(spellID: 1, segment: .bpu, programs: jht ? [.jkk, .jkm, .jht] : [.jkk, .jkm], base: try tariff.bpuBase(income: income))
                    expectEqual(tariff.charge(basis, riskClass: 1), result, "\(month) income \(income) JHT \(jht)")
                }
            }
        }
    }

    @Test("Jakon with known wages equals the calculator (JKK 1.74 %, JKM 0.30 %), relief months included")
    func jakonEqualsCalculator() throws {
        for month in Self.months {
            let tariff = try BillingTariff(rules: rules, month: month)
            for wage in Self.wages {
                let result = try calculator.jakon(.knownWages(wage, month: month))
                expectEqual(tariff.charge(WorkerBasis(spellID: 1, segment: .jakon, programs: [.jkk, .jkm], base: wage), riskClass: 5), result, "\(month) \(wage)")
            }
        }
    }

    // Ruling 14: PP 49/2020 charges JKK and JKM at 1 % of normal from August 2020 to January 2021.
    @Test("Relief: August 2020 charges JKK and JKM at 1 % of normal, JHT and JP in full")
    func reliefMonth() throws {
        let basis = WorkerBasis(spellID: 1, segment: .pu, programs: [.jkk, .jkm, .jht, .jp], base: 5_000_000)
        let july = try BillingTariff(rules: rules, month: YearMonth(year: 2020, month: 7)).charge(basis, riskClass: 5)
        let august = try BillingTariff(rules: rules, month: YearMonth(year: 2020, month: 8)).charge(basis, riskClass: 5)
        #expect(july.employer.jkk == 87_000 && august.employer.jkk == 870)  // 1.74 % and 1 % of it
        #expect(july.employer.jkm == 15_000 && august.employer.jkm == 150)
        #expect(august.employer.jht == 185_000 && august.worker.jht == 100_000)
    }

    // Ruling 11 and Inpres 2/2021: the region pays its non-ASN's JKK and JKM under its agreement.
    @Test("A region paying under an agreement takes over the employer's (or participant's) programs it names")
    func regionPays() throws {
        let tariff = try BillingTariff(rules: rules, month: YearMonth(year: 2025, month: 4))
        let nonASN = tariff.charge(
            WorkerBasis(spellID: 1, segment: .pu, programs: [.jkk, .jkm, .jht], base: 2_000_000, regionPays: true), riskClass: 1,
            regionPrograms: [.jkk, .jkm])
        #expect(nonASN.region.jkk == 4_800 && nonASN.region.jkm == 6_000)
        #expect(nonASN.employer.jkk == 0 && nonASN.employer.jkm == 0)
        #expect(nonASN.employer.jht == 74_000 && nonASN.worker.jht == 40_000)  // JHT is outside the agreement
        // A vulnerable BPU worker at the lowest bracket: Rp16,800 a month paid by the region (REGULATIONS.md 1).
        let vulnerable = tariff.charge(
            WorkerBasis(spellID: 2, segment: .bpu, programs: [.jkk, .jkm], base: 1_000_000, regionPays: true), riskClass: 1, regionPrograms: [.jkk, .jkm])
        #expect(vulnerable.region.total == 16_800 && vulnerable.participant.total == 0)
    }

    @Test("A tariff survives JSON (it is stored with the bills) and prices the same afterwards")
    func tariffRoundTrip() throws {
        let tariff = try BillingTariff(rules: rules, month: YearMonth(year: 2020, month: 9))
        let decoded = try JSONDecoder().decode(BillingTariff.self, from: try JSONEncoder().encode(tariff))
        #expect(decoded == tariff)
        let basis = WorkerBasis(spellID: 1, segment: .pu, programs: [.jkk, .jkm, .jht, .jp, .jkp], base: 9_876_543)
        #expect(decoded.charge(basis, riskClass: 3) == tariff.charge(basis, riskClass: 3))
    }
}
