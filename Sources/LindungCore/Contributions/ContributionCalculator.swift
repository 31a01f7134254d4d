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

    /// The note a bill carries in a PP 49/2020 relief month (ruling 14); none in other months.
    static func reliefNotes(_ relief: Ruled<Rate>?) -> [String] {
        relief.map { ["PP 49/2020 relief month: JKK and JKM at \($0.value)% of the normal amount"] } ?? []
    }

    static func requireNonNegative(_ value: Rupiah, field: String) throws(DomainError) {
        guard value >= 0 else { throw .invalidInput(field: field, value: String(value), reason: "must not be negative") }
    }
}
