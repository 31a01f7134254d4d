/// Whether a JP participant gets a monthly pension or a lump sum (PP 45/2015): a monthly pension needs at
/// least 15 years (180 months) of contributions; fewer at pension age gives the contributions and their
/// returns as a lump sum. The benefit formula itself is not confirmed in the sources and not computed.
public struct PensionEligibility: Sendable, Equatable {
    public enum Outcome: String, Sendable { case monthlyPension = "monthly_pension", lumpSum = "lump_sum" }

    public let outcome: Outcome
    public let contributionMonths: Int
    public let requiredMonths: Int
    /// The minimum and maximum monthly benefit in force on the date, where known.
    public let minimumMonthlyBenefit: Rupiah?
    public let maximumMonthlyBenefit: Rupiah?
    public let regulation: String
}

extension BenefitCalculator {
    public func jpEligibility(contributionMonths: Int, date: CalendarDate) throws(DomainError) -> PensionEligibility {
        guard contributionMonths >= 0 else {
            throw .invalidInput(field: "contribution months", value: String(contributionMonths), reason: "must not be negative")
        }
        let required = try parameters.whole("jp.min_months_monthly_pension", on: date)
        func optional(_ key: String) -> Rupiah? { try? parameters.whole(key, on: date).value }
        return PensionEligibility(
            outcome: contributionMonths >= required.value ? .monthlyPension : .lumpSum,
            contributionMonths: contributionMonths, requiredMonths: Int(required.value),
            minimumMonthlyBenefit: optional("jp.benefit_min"), maximumMonthlyBenefit: optional("jp.benefit_max"),
            regulation: required.regulation)
    }
}
