import LindungClaims
import LindungCore
import Testing

/// Each claim type's eligibility on both sides of its rule, and amounts equal to LindungCore's calculators.
@Suite("Claim eligibility")
struct ClaimEligibilityTests {
    let assessor = ClaimAssessor(rules: sharedRules)
    let calculator = BenefitCalculator(rules: sharedRules)
    let born = day("1985-05-10")

    // JKM (PP 82/2019, ruling 6): Rp42,000,000 on an active or in-arrears participant; not active: refused.
    @Test("JKM: active and in arrears pay Rp42,000,000 as the calculator; not active is refused")
    func jkm() throws {
        for status in [CoverageStatus.active, .inArrears, .inArrearsOver3Months] {
            let verdict = try assessor.assess(
                .jkm, eventDate: day("2025-03-01"), claimDate: day("2025-03-10"),
                facts: ClaimFacts(status: status, birthDate: born, contributionMonths: 40))
            #expect(verdict.eligible)
            #expect(verdict.amount == 42_000_000)
            #expect(verdict.amount == (try calculator.jkm(deathDate: day("2025-03-01"), contributionMonths: 40)).total)
            #expect(verdict.payer == .bpjs)
        }
        let refused = try assessor.assess(
            .jkm, eventDate: day("2025-03-01"), claimDate: day("2025-03-10"), facts: ClaimFacts(status: .notActive, birthDate: born))
        #expect(!refused.eligible)
        #expect(refused.refusals.map(\.rule) == ["status"])
        #expect(refused.amount == 0)
        // Ruling 6: before 2 December 2019 the benefit is Rp24,000,000.
        let old = try assessor.assess(
            .jkm, eventDate: day("2019-12-01"), claimDate: day("2019-12-05"), facts: ClaimFacts(status: .active, birthDate: born))
        #expect(old.amount == 24_000_000)
    }

    // REGULATIONS.md §4: arrears up to 3 months, BPJS pays JKK; over 3 months, the employer pays first.
    @Test("JKK death: 48 × wage (PP 82/2019); over 3 months of arrears the employer pays")
    func jkkArrears() throws {
        let facts = ClaimFacts(status: .inArrears, birthDate: born, wage: 6_000_000)
        let bpjs = try assessor.assess(.jkk(.death), eventDate: day("2025-06-02"), claimDate: day("2025-06-09"), facts: facts)
        #expect(bpjs.payer == .bpjs)
        #expect(bpjs.amount == (try calculator.jkkDeath(wage: 6_000_000, date: day("2025-06-02"))).total)
        #expect(bpjs.amount == 288_000_000 + 12_000_000 + 10_000_000)  // 48 × 6 M + periodic + funeral
        var over = facts
        over.status = .inArrearsOver3Months
        let employer = try assessor.assess(.jkk(.death), eventDate: day("2025-06-02"), claimDate: day("2025-06-09"), facts: over)
        #expect(employer.eligible)
        #expect(employer.payer == .employer)
        #expect(employer.amount == bpjs.amount)
    }

    // Ruling 7: STMB 100 % for 12 months, then 50 %; disability 56 × wage total, % × 80 × wage partial.
    @Test("JKK stages: report, treatment, STMB, disability equal the calculator")
    func jkkStages() throws {
        let facts = ClaimFacts(status: .active, birthDate: born, wage: 5_000_000)
        let date = day("2025-01-20")
        func amount(_ stage: JKKClaim) throws -> Rupiah {
            try assessor.assess(.jkk(stage), eventDate: date, claimDate: date, facts: facts).amount
        }
        #expect(try amount(.report) == 0)
        #expect(try amount(.treatment(cost: 7_250_000)) == 7_250_000)
        #expect(try amount(.stmb(monthsOff: 14)) == (try calculator.stmb(wage: 5_000_000, monthsOff: 14, date: date)).total)
        #expect(try amount(.stmb(monthsOff: 14)) == 12 * 5_000_000 + 2 * 2_500_000)
        #expect(try amount(.disability(partialPercent: nil)) == 56 * 5_000_000 + 12_000_000)
        #expect(try amount(.disability(partialPercent: .percent(10))) == 40_000_000)  // 10 % × 80 × 5 M
        var notActive = facts
        notActive.status = .notActive
        #expect(!(try assessor.assess(.jkk(.stmb(monthsOff: 1)), eventDate: date, claimDate: date, facts: notActive)).eligible)
        var noWage = facts
        noWage.wage = nil
        #expect((try assessor.assess(.jkk(.death), eventDate: date, claimDate: date, facts: noWage)).refusals.map(\.rule) == ["jkk.wage"])
    }

    // Permenaker 4/2022: JHT on leaving work after a one-month wait, not working elsewhere.
    @Test("JHT on leaving work: claimable one month after the last day, not before; not while working elsewhere")
    func jhtWaitingMonth() throws {
        let facts = ClaimFacts(status: .notActive, birthDate: born, employmentEnded: day("2025-03-31"), jhtBalance: 25_000_000)
        let early = try assessor.assess(.jht(.leftWork), eventDate: day("2025-03-31"), claimDate: day("2025-04-29"), facts: facts)
        #expect(early.refusals.map(\.rule) == ["jht.waiting_months"])
        let onTime = try assessor.assess(.jht(.leftWork), eventDate: day("2025-03-31"), claimDate: day("2025-04-30"), facts: facts)
        #expect(onTime.eligible)
        #expect(onTime.amount == 25_000_000)
        var working = facts
        working.workingElsewhere = true
        #expect(!(try assessor.assess(.jht(.leftWork), eventDate: day("2025-03-31"), claimDate: day("2025-05-30"), facts: working)).eligible)
    }

    // Ruling 4: pension age 59 in 2025 (PP 45/2015).
    @Test("JHT at pension age: 59 in 2025; 58 is refused")
    func jhtPensionAge() throws {
        let at59 = ClaimFacts(status: .active, birthDate: day("1966-01-15"), jhtBalance: 90_000_000)
        #expect(try assessor.assess(.jht(.pensionAge), eventDate: day("2025-01-15"), claimDate: day("2025-01-20"), facts: at59).eligible)
        let at58 = ClaimFacts(status: .active, birthDate: day("1966-01-16"), jhtBalance: 90_000_000)
        let refused = try assessor.assess(.jht(.pensionAge), eventDate: day("2025-01-15"), claimDate: day("2025-01-20"), facts: at58)
        #expect(refused.refusals.map(\.rule) == ["jht.pension_age"])
    }

    // PP 60/2015: partial 10 % or 30 %, once, after at least 10 years of membership.
    @Test("JHT partial: 10 % / 30 % after 120 months, once; 119 months refused; 20 % invalid")
    func jhtPartial() throws {
        let facts = ClaimFacts(status: .active, birthDate: born, membershipStart: day("2015-06-01"), jhtBalance: 80_000_000)
        let ten = try assessor.assess(.jht(.partial(percent: .percent(10))), eventDate: day("2025-06-01"), claimDate: day("2025-06-01"), facts: facts)
        #expect(ten.eligible)
        #expect(ten.amount == 8_000_000)
        let thirty = try assessor.assess(.jht(.partial(percent: .percent(30))), eventDate: day("2025-06-01"), claimDate: day("2025-06-01"), facts: facts)
        #expect(thirty.amount == 24_000_000)
        let short = try assessor.assess(.jht(.partial(percent: .percent(10))), eventDate: day("2025-05-31"), claimDate: day("2025-05-31"), facts: facts)
        #expect(short.refusals.map(\.rule) == ["jht.partial_min_months"])
        var taken = facts
        taken.partialJHTTaken = true
        #expect(
            (try assessor.assess(.jht(.partial(percent: .percent(10))), eventDate: day("2025-06-01"), claimDate: day("2025-06-01"), facts: taken))
                .refusals.map(\.rule) == ["jht.partial_once"])
        #expect(throws: DomainError.self) {
            try assessor.assess(.jht(.partial(percent: .percent(20))), eventDate: day("2025-06-01"), claimDate: day("2025-06-01"), facts: facts)
        }
    }

    // PP 37/2021 as amended by PP 6/2025: 12 of the last 24 months, 6 consecutive; 60 % × 6 months of the
    // wage capped at Rp5,000,000; claimed within 6 months of the layoff.
    @Test("JKP: 12-of-24 and 6 consecutive on both sides; claim window; amount equals the calculator")
    func jkp() throws {
        func facts(_ inWindow: Int, _ consecutive: Int) -> ClaimFacts {
            ClaimFacts(
                status: .active, birthDate: born, wage: 8_000_000,
                jkpRecord: JKPContributionRecord(monthsInWindow: inWindow, consecutiveMonths: consecutive), ageAtRegistration: 35)
        }
        let layoff = day("2025-04-10")
        let ok = try assessor.assess(.jkp, eventDate: layoff, claimDate: day("2025-10-10"), facts: facts(12, 6))
        #expect(ok.eligible)
        #expect(ok.amount == 18_000_000)  // 60 % × 5,000,000 × 6
        #expect(ok.amount == (try calculator.jkp(wage: 8_000_000, layoffDate: layoff)).total)
        #expect(try assessor.assess(.jkp, eventDate: layoff, claimDate: day("2025-05-01"), facts: facts(11, 6)).refusals.map(\.rule)
            == ["jkp.contribution_months"])
        #expect(try assessor.assess(.jkp, eventDate: layoff, claimDate: day("2025-05-01"), facts: facts(12, 5)).refusals.map(\.rule)
            == ["jkp.consecutive_months"])
        #expect(try assessor.assess(.jkp, eventDate: layoff, claimDate: day("2025-10-11"), facts: facts(12, 6)).refusals.map(\.rule)
            == ["jkp.claim_window"])
        var old = facts(12, 6)
        old.ageAtRegistration = 54
        #expect(try assessor.assess(.jkp, eventDate: layoff, claimDate: day("2025-05-01"), facts: old).refusals.map(\.rule) == ["jkp.age"])
    }

    // PP 45/2015: under 15 years (180 months) at pension age, a lump sum; 180 months give a monthly pension.
    @Test("JP lump sum: 179 months at pension age paid; 180 months or under pension age refused")
    func jp() throws {
        let facts = ClaimFacts(status: .active, birthDate: day("1966-01-15"), contributionMonths: 179, jpAccount: 31_500_000)
        let paid = try assessor.assess(.jp, eventDate: day("2025-01-15"), claimDate: day("2025-02-01"), facts: facts)
        #expect(paid.eligible)
        #expect(paid.amount == 31_500_000)
        var full = facts
        full.contributionMonths = 180
        #expect(try assessor.assess(.jp, eventDate: day("2025-01-15"), claimDate: day("2025-02-01"), facts: full).refusals.map(\.rule)
            == ["jp.lump_sum"])
        #expect(try assessor.assess(.jp, eventDate: day("2025-01-14"), claimDate: day("2025-02-01"), facts: facts).refusals.map(\.rule)
            == ["jp.pension_age"])
    }

    @Test("document checklist per type")
    func checklist() {
        #expect(ClaimDocumentChecklist.missing(for: .jkm, provided: [.identityCard, .membershipCard, .deathCertificate, .familyCard])
            == [.heirStatement, .bankBook])
        #expect(ClaimDocumentChecklist.required(for: .jht(.partial(percent: .percent(30)))).contains(.housingDocument))
        #expect(!ClaimDocumentChecklist.required(for: .jht(.partial(percent: .percent(10)))).contains(.housingDocument))
    }
}
