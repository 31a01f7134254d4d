public import LindungCore

/// Judges a claim by the rules on its event date and computes its amount with LindungCore's
/// `BenefitCalculator` (the amounts are the calculators', never recomputed here).
public struct ClaimAssessor: Sendable {
    let calculator: BenefitCalculator
    let rules: RuleSet
    let claimRules: ClaimRules

    public init(rules: RuleSet, claimRules: ClaimRules = .standard) {
        self.rules = rules
        self.calculator = BenefitCalculator(rules: rules)
        self.claimRules = claimRules
    }

    /// - Parameters:
    ///   - eventDate: the death, the accident, the layoff, the day the JHT or JP claim is about.
    ///   - claimDate: the day the claim is submitted (JHT waiting month, JKP claim window).
    public func assess(_ benefit: ClaimBenefit, eventDate: CalendarDate, claimDate: CalendarDate, facts: ClaimFacts) throws(DomainError)
        -> ClaimAssessment
    {
        var check = Check()
        guard claimDate >= eventDate else {
            throw .invalidInput(field: "claim date", value: claimDate.iso, reason: "is before the event date \(eventDate.iso)")
        }
        var payer = ClaimPayer.bpjs
        var result: BenefitResult?
        var amount: Rupiah = 0
        var notes: [String] = []
        switch benefit {
        case .jkm:
            check.covered(facts.status, on: eventDate, regulation: "PP 44/2015")
            result = try calculator.jkm(deathDate: eventDate, contributionMonths: facts.contributionMonths)
        case .jkk(let stage):
            check.covered(facts.status, on: eventDate, regulation: "PP 44/2015")
            if facts.status == .inArrearsOver3Months {
                let months = try claimRules.value("jkk.employer_pays_after_months", on: eventDate)
                payer = .employer
                notes.append(
                    "over \(months.value) months of arrears: the employer pays first, BPJS once the arrears are settled (\(months.regulation))")
            }
            (result, amount) = try jkk(stage, eventDate: eventDate, facts: facts, check: &check)
        case .jht(let reason):
            amount = try jht(reason, eventDate: eventDate, claimDate: claimDate, facts: facts, check: &check)
        case .jkp:
            result = try jkp(eventDate: eventDate, claimDate: claimDate, facts: facts, check: &check)
        case .jp:
            amount = try jp(eventDate: eventDate, facts: facts, check: &check)
        }
        if let result { amount = result.total }
        if !check.refusals.isEmpty { amount = 0 }
        return ClaimAssessment(
            benefit: benefit, eventDate: eventDate, refusals: check.refusals, payer: payer, amount: amount, result: result,
            notes: notes + (result?.notes ?? []))
    }

    private func jkk(_ stage: JKKClaim, eventDate: CalendarDate, facts: ClaimFacts, check: inout Check) throws(DomainError)
        -> (BenefitResult?, Rupiah)
    {
        func wage() -> Rupiah? {
            guard let wage = facts.wage, wage > 0 else {
                check.refuse("jkk.wage", "no wage is in force on \(eventDate.iso)", "PP 44/2015")
                return nil
            }
            return wage
        }
        switch stage {
        case .report:
            return (nil, 0)
        case .treatment(let cost):
            guard cost > 0 else { throw .invalidInput(field: "treatment cost", value: String(cost), reason: "must be more than zero") }
            return (nil, cost)
        case .stmb(let months):
            guard let wage = wage() else { return (nil, 0) }
            return (try calculator.stmb(wage: wage, monthsOff: months, date: eventDate), 0)
        case .disability(let percent):
            guard let wage = wage() else { return (nil, 0) }
            return (try calculator.jkkDisability(wage: wage, date: eventDate, partialPercent: percent), 0)
        case .death:
            guard let wage = wage() else { return (nil, 0) }
            return (try calculator.jkkDeath(wage: wage, date: eventDate), 0)
        }
    }

    private func jht(_ reason: JHTClaim, eventDate: CalendarDate, claimDate: CalendarDate, facts: ClaimFacts, check: inout Check)
        throws(DomainError) -> Rupiah
    {
        if facts.jhtBalance <= 0 { check.refuse("jht.balance", "the JHT balance is zero", "PP 46/2015") }
        switch reason {
        case .leftWork:
            guard let ended = facts.employmentEnded else {
                check.refuse("jht.left_work", "no ended employment is recorded", "Permenaker 4/2022")
                return 0
            }
            if facts.workingElsewhere {
                check.refuse("jht.left_work", "working for another employer on \(claimDate.iso)", "Permenaker 4/2022")
            }
            let waiting = try claimRules.value("jht.waiting_months", on: claimDate)
            let from = ended.adding(months: Int(waiting.value))
            if claimDate < from {
                check.refuse(
                    "jht.waiting_months", "employment ended \(ended.iso); claimable from \(from.iso) after \(waiting.value) month(s)",
                    waiting.regulation)
            }
            return facts.jhtBalance
        case .pensionAge:
            let age = eventDate.age(ofPersonBornOn: facts.birthDate)
            let pensionAge = try rules.pensionAge(in: eventDate.year)
            if age < pensionAge.value {
                check.refuse("jht.pension_age", "age \(age) on \(eventDate.iso), pension age \(pensionAge.value)", pensionAge.regulation)
            }
            return facts.jhtBalance
        case .partial(let percent):
            let retirement = try claimRules.value("jht.partial_retirement_percent", on: claimDate)
            let housing = try claimRules.value("jht.partial_housing_percent", on: claimDate)
            guard percent == .percent(retirement.value) || percent == .percent(housing.value) else {
                throw .invalidInput(
                    field: "partial percent", value: percent.description,
                    reason: "must be \(retirement.value) or \(housing.value) (\(retirement.regulation))")
            }
            let minimum = try claimRules.value("jht.partial_min_months", on: claimDate)
            let months = facts.membershipStart.map { Self.wholeMonths(from: $0, to: claimDate) } ?? 0
            if months < minimum.value {
                check.refuse("jht.partial_min_months", "\(months) months of membership, at least \(minimum.value) needed", minimum.regulation)
            }
            if facts.partialJHTTaken {
                check.refuse("jht.partial_once", "a partial JHT withdrawal was already paid", minimum.regulation)
            }
            return Money.apply(percent, to: facts.jhtBalance)
        }
    }

    private func jkp(eventDate: CalendarDate, claimDate: CalendarDate, facts: ClaimFacts, check: inout Check) throws(DomainError)
        -> BenefitResult?
    {
        check.covered(facts.status, on: eventDate, regulation: "PP 37/2021")
        let window = try claimRules.value("jkp.claim_window_months", on: eventDate)
        if claimDate > eventDate.adding(months: Int(window.value)) {
            check.refuse("jkp.claim_window", "claimed more than \(window.value) months after the layoff on \(eventDate.iso)", window.regulation)
        }
        if let age = facts.ageAtRegistration {
            let maximum = try claimRules.value("jkp.max_age_at_registration", on: eventDate)
            if age > maximum.value { check.refuse("jkp.age", "age \(age) at registration; JKP needs under \(maximum.value + 1)", maximum.regulation) }
        }
        guard let wage = facts.wage, wage > 0 else {
            check.refuse("jkp.wage", "no wage is reported before the layoff", "PP 37/2021")
            return nil
        }
        guard let record = facts.jkpRecord else {
            check.refuse("jkp.contributions", "no contribution record", "PP 37/2021")
            return nil
        }
        do {
            return try calculator.jkp(wage: wage, layoffDate: eventDate, record: record)
        } catch .invalidInput(let field, _, let reason) {
            // The calculator's own eligibility rule (12 of 24, 6 consecutive) is the one refusal source.
            check.refuse("jkp.\(field.replacingSpaces)", reason, "")
            return try calculator.jkp(wage: wage, layoffDate: eventDate)
        }
    }

    private func jp(eventDate: CalendarDate, facts: ClaimFacts, check: inout Check) throws(DomainError) -> Rupiah {
        let age = eventDate.age(ofPersonBornOn: facts.birthDate)
        let pensionAge = try rules.pensionAge(in: eventDate.year)
        if age < pensionAge.value {
            check.refuse("jp.pension_age", "age \(age) on \(eventDate.iso), pension age \(pensionAge.value)", pensionAge.regulation)
        }
        let eligibility = try calculator.jpEligibility(contributionMonths: facts.contributionMonths, date: eventDate)
        if eligibility.outcome == .monthlyPension {
            check.refuse(
                "jp.lump_sum", "\(facts.contributionMonths) contribution months: \(eligibility.requiredMonths) or more give a monthly pension",
                eligibility.regulation)
        }
        if facts.jpAccount <= 0 { check.refuse("jp.account", "the JP account is empty", eligibility.regulation) }
        return facts.jpAccount
    }

    /// Whole months from `start` to `end` (a month counts once its day is reached).
    static func wholeMonths(from start: CalendarDate, to end: CalendarDate) -> Int64 {
        var months = (end.year - start.year) * 12 + end.month - start.month
        if end.day < start.day && end.day < CalendarDate.daysIn(year: end.year, month: end.month) { months -= 1 }
        return Int64(max(months, 0))
    }
}

/// The refusals collected while assessing.
struct Check {
    private(set) var refusals: [ClaimRefusal] = []

    mutating func refuse(_ rule: String, _ reason: String, _ regulation: String) {
        refusals.append(ClaimRefusal(rule: rule, reason: reason, regulation: regulation))
    }

    /// Covered on the event date: active or in arrears (either bucket), never not active.
    mutating func covered(_ status: CoverageStatus, on date: CalendarDate, regulation: String) {
        if status == .notActive { refuse("status", "not an active participant on \(date.iso)", regulation) }
    }
}

extension String {
    fileprivate var replacingSpaces: String { split(separator: " ").joined(separator: "_") }
}
