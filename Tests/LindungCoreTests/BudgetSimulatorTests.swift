import Testing

@testable import LindungCore

/// The APBD budget simulator against figures computed by hand from the rule tables: BPU JKK 1 % of the
/// Rp1,000,000 lowest bracket + JKM Rp6,800 = Rp16,800 a vulnerable worker a month (ruling 8, REGULATIONS.md
/// §1); non-ASN as PU of risk class 1: JKK 0.24 %, JKM 0.30 %, JHT 3.7 % when the region pays it (ruling 11).
@Suite("Budget simulator")
struct BudgetSimulatorTests {
    let simulator: BudgetSimulator

    init() throws {
        simulator = BudgetSimulator(rules: try RuleSet())
    }

    @Test("15,000 vulnerable and 8,000 non-ASN at Rp3,100,000 in 2026: Rp385,920,000 a month, Rp4,631,040,000 a year")
    func vulnerableAndNonASN() throws {
        let result = try simulator.simulate(.init(year: 2026, vulnerableWorkers: 15_000, nonASNWorkers: 8_000, nonASNWage: 3_100_000))
        #expect(result.vulnerableBase == 1_000_000)
        #expect(result.months.count == 12)
        let january = try #require(result.months.first)
        #expect(january.perVulnerableWorker.jkk == 10_000 && january.perVulnerableWorker.jkm == 6_800)
        #expect(january.perNonASNWorker.jkk == 7_440 && january.perNonASNWorker.jkm == 9_300)  // 0.24 % and 0.30 % of 3,100,000
        #expect(january.vulnerable == 252_000_000 && january.nonASN == 133_920_000)
        #expect(result.months.allSatisfy { $0.total == 385_920_000 })
        #expect(result.vulnerableYear == 3_024_000_000 && result.nonASNYear == 1_607_040_000 && result.total == 4_631_040_000)
    }

    @Test("a given income moves the vulnerable to its bracket; JHT paid for non-ASN adds the employer's 3.7 % only")
    func incomeAndJHT() throws {
        let result = try simulator.simulate(
            .init(year: 2025, vulnerableWorkers: 10, vulnerableIncome: 2_345_678, nonASNWorkers: 1, nonASNWage: 2_000_000, nonASNPrograms: [.jkk, .jkm, .jht]))
        #expect(result.vulnerableBase == 2_300_000)
        #expect(result.months[0].perVulnerableWorker.total == 23_000 + 6_800)
        #expect(result.months[0].perNonASNWorker.jht == 74_000)  // the worker's own 2 % is not the budget's
        #expect(result.months[0].perNonASNWorker.total == 4_800 + 6_000 + 74_000)
    }

    // Ruling 14: PP 49/2020 relief, August 2020 to January 2021, JKK and JKM at 1 % of normal.
    @Test("2020: the relief months cost the budget 1 % of a normal month")
    func reliefYear() throws {
        let result = try simulator.simulate(.init(year: 2020, vulnerableWorkers: 1_000, nonASNWorkers: 0, nonASNWage: 0))
        #expect(result.months[6].vulnerable == 16_800_000)  // July
        #expect(result.months[7].vulnerable == 168_000)  // August: 100 + 68 a worker
        #expect(result.vulnerableYear == 7 * 16_800_000 + 5 * 168_000)
    }

    @Test("negative counts are refused with the field named")
    func refusals() {
        #expect(throws: DomainError.self) { try simulator.simulate(.init(year: 2026, vulnerableWorkers: -1, nonASNWorkers: 0, nonASNWage: 0)) }
        #expect(throws: DomainError.self) { try simulator.simulate(.init(year: 2026, vulnerableWorkers: 0, nonASNWorkers: 0, nonASNWage: -5)) }
    }
}
