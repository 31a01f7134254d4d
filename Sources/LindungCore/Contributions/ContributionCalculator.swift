/// Computes a month's contributions for each segment by the rules in force on the first day of that month.
///
/// The per-segment inputs and computations live in `ContributionCalculator+PU.swift`, `+BPU`, `+Jakon` and
/// `+PMI`; this file holds what they share.
public struct ContributionCalculator: Sendable {
    let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    var parameters: ParameterTable { rules.parameters }

    static func requireNonNegative(_ value: Rupiah, field: String) throws(DomainError) {
        guard value >= 0 else { throw .invalidInput(field: field, value: String(value), reason: "must not be negative") }
    }
}
