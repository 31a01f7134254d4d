/// A construction project's (Jakon) contribution: by contract value when the wages are not known, or by
/// the wages when they are.
public enum JakonContributionInput: Sendable {
    case contractValue(Rupiah, month: YearMonth)
    case knownWages(Rupiah, month: YearMonth)

    var month: YearMonth {
        switch self {
        case .contractValue(_, let month), .knownWages(_, let month): month
        }
    }
}

extension ContributionCalculator {
    /// By contract value: each tier's JKK and JKM rates on the slice of the value inside the tier (ruling
    /// 9), one line per tier and program. By known wages: JKK 1.74 % and JKM 0.30 % of the wages.
    public func jakon(_ input: JakonContributionInput) throws(DomainError) -> ContributionResult {
        let day = input.month.firstDay
        let relief = try rules.reliefFactor(for: input.month)
        var lines: [ContributionLine] = []
        switch input {
        case .contractValue(let value, _):
            try Self.requireNonNegative(value, field: "contract value")
            let tiers = try rules.jakonTiers.tiers(on: day)
            for program in [Program.jkk, .jkm] {
                for tier in tiers where value > tier.above {
                    let slice = min(value, tier.upTo ?? .max) - tier.above
                    let rate = Ruled(value: program == .jkk ? tier.jkk : tier.jkm, regulation: tier.regulation, period: tier.period)
                    let bounds = tier.upTo.map { "\(Money.format(tier.above)) to \(Money.format($0))" } ?? "above \(Money.format(tier.above))"
                    lines.append(.rated(program, .employer, base: slice, rate: rate, relief: relief, note: "contract value slice \(bounds)"))
                }
            }
        case .knownWages(let wages, _):
            try Self.requireNonNegative(wages, field: "wage")
            lines = [
                .rated(.jkk, .employer, base: wages, rate: try parameters.rate("jakon.wage.jkk", on: day), relief: relief),
                .rated(.jkm, .employer, base: wages, rate: try parameters.rate("jakon.wage.jkm", on: day), relief: relief),
            ]
        }
        let notes = Self.reliefNotes(relief)
        return ContributionResult(segment: .jakon, month: input.month, lines: lines, allocations: [], notes: notes)
    }
}
