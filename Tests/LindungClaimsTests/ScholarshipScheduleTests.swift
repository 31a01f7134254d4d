import LindungClaims
import LindungCore
import Testing

/// The scholarship as a schedule of future payments (PP 82/2019; Permenaker 5/2021; REGULATIONS.md 3.2).
@Suite("Scholarship schedule")
struct ScholarshipScheduleTests {
    @Test("two children: yearly by level, stopping at 23; a third child is not covered")
    func schedule() throws {
        let entitlement = try #require(try BenefitCalculator(rules: sharedRules).jkm(deathDate: day("2025-03-01"), contributionMonths: 40).scholarship)
        let payments = try ScholarshipSchedule.payments(
            entitlement: entitlement, deathDate: day("2025-03-01"),
            childrenBorn: [day("2020-01-01"), day("2004-09-01"), day("2010-01-01")])
        let first = payments.filter { $0.child == 1 }
        // Born 2020: the schedule starts in July 2025 at age 5.
        #expect(first.first?.dueOn == day("2025-07-01"))
        #expect(first.first?.level == "TK-SD")
        #expect(first.last?.dueOn == day("2042-07-01"))  // age 22, the last year before 23
        let total: Rupiah = first.reduce(0) { $0 + $1.amount }
        // Age 5 in July 2025: 7 TK-SD years of the 8 (ages 4-11), SMP 3, SMA 3, PT 5 = Rp85,500,000.
        let expected: Rupiah = 10_500_000 + 6_000_000 + 9_000_000 + 60_000_000
        #expect(total == expected)
        let second = payments.filter { $0.child == 2 }
        // Born September 2004: 20 on 1 July 2025, 21, 22 → three PT years, then 23 stops it.
        #expect(second.map(\.amount) == [12_000_000, 12_000_000, 12_000_000])
        #expect(!payments.contains { $0.child == 3 })
    }

    @Test("not eligible: no payments")
    func ineligible() throws {
        let entitlement = try #require(try BenefitCalculator(rules: sharedRules).jkm(deathDate: day("2025-03-01"), contributionMonths: 35).scholarship)
        #expect(try ScholarshipSchedule.payments(entitlement: entitlement, deathDate: day("2025-03-01"), childrenBorn: [day("2015-01-01")]).isEmpty)
    }
}
