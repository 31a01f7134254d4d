import LindungCore

/// The benefit JSON contract (docs/cli.md): `components`, `total`, and the scholarship where one is due.
struct BenefitJSON: Encodable {
    struct Component: Encodable {
        let name: String
        let description: String
        let amount: Int64
        let regulation: String
    }

    struct Scholarship: Encodable {
        struct Level: Encodable {
            let level: String
            let amount_per_year: Int64
            let max_years: Int
            let max_amount: Int64
        }

        let eligible: Bool
        let reason: String
        let max_children: Int
        let max_per_child: Int64
        let max_total: Int64
        let schedule: [Level]
        let regulation: String
    }

    let benefit: String
    let event_date: String
    let components: [Component]
    let total: Int64
    let scholarship: Scholarship?
    let notes: [String]

    init(_ result: BenefitResult) {
        benefit = result.benefit
        event_date = result.eventDate.iso
        components = result.components.map { Component(name: $0.name, description: $0.description, amount: $0.amount, regulation: $0.regulation) }
        total = result.total
        scholarship = result.scholarship.map { entitlement in
            Scholarship(
                eligible: entitlement.eligible, reason: entitlement.reason, max_children: entitlement.maxChildren,
                max_per_child: entitlement.maxPerChild, max_total: entitlement.maxTotal,
                schedule: entitlement.schedule.map {
                    Scholarship.Level(level: $0.level, amount_per_year: $0.amountPerYear, max_years: $0.maxYears, max_amount: $0.maxAmount)
                },
                regulation: entitlement.regulation)
        }
        notes = result.notes
    }

    enum CodingKeys: String, CodingKey { case benefit, event_date, components, total, scholarship, notes }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(benefit, forKey: .benefit)
        try container.encode(event_date, forKey: .event_date)
        try container.encode(components, forKey: .components)
        try container.encode(total, forKey: .total)
        try container.encode(scholarship, forKey: .scholarship)
        try container.encode(notes, forKey: .notes)
    }
}

/// `calc benefit jp`: which JP benefit applies, with the year's benefit bounds.
struct PensionEligibilityJSON: Encodable {
    let benefit = "jp"
    let event_date: String
    let eligibility: String
    let contribution_months: Int
    let required_months: Int
    let minimum_monthly_benefit: Int64?
    let maximum_monthly_benefit: Int64?
    let components: [BenefitJSON.Component] = []
    let total: Int64 = 0
    let regulation: String

    init(_ result: PensionEligibility, date: CalendarDate) {
        event_date = date.iso
        eligibility = result.outcome.rawValue
        contribution_months = result.contributionMonths
        required_months = result.requiredMonths
        minimum_monthly_benefit = result.minimumMonthlyBenefit
        maximum_monthly_benefit = result.maximumMonthlyBenefit
        regulation = result.regulation
    }
}
