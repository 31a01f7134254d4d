/// Computes benefits by the rules in force on the event date (death, accident, layoff). The benefit
/// families live in `BenefitCalculator+JKM.swift`, `+JKK`, `+JKP` and `+JP`.
public struct BenefitCalculator: Sendable {
    let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    var parameters: ParameterTable { rules.parameters }

    func component(_ name: String, _ description: String, _ value: Ruled<Rupiah>) -> BenefitComponent {
        BenefitComponent(name: name, description: description, amount: value.value, regulation: value.regulation)
    }

    /// The scholarship schedule in force on a date for up to `maxChildren` children.
    func scholarship(on date: CalendarDate, eligible: Bool, reason: String, maxChildren: Int) throws(DomainError) -> ScholarshipEntitlement {
        let levels = try rules.scholarships.levels(on: date)
        return ScholarshipEntitlement(
            eligible: eligible, reason: reason, maxChildren: maxChildren,
            schedule: levels.map { .init(level: $0.level, amountPerYear: $0.amountPerYear, maxYears: $0.maxYears) },
            regulation: levels.first?.regulation ?? "")
    }

    static func requirePositive(_ value: Rupiah, field: String) throws(DomainError) {
        guard value > 0 else { throw .invalidInput(field: field, value: String(value), reason: "must be more than zero") }
    }
}
