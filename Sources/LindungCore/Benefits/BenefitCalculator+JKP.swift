/// A participant's contribution record at the layoff, for the JKP eligibility check.
public struct JKPContributionRecord: Sendable {
    /// Months contributed within the 24 months before the layoff.
    public let monthsInWindow: Int
    /// Consecutive months contributed immediately before the layoff.
    public let consecutiveMonths: Int

    public init(monthsInWindow: Int, consecutiveMonths: Int) {
        self.monthsInWindow = monthsInWindow
        self.consecutiveMonths = consecutiveMonths
    }
}

extension BenefitCalculator {
    /// Job-loss cash benefit by the layoff date: PP 37/2021 45 % × 3 months + 25 % × 3 months, PP 6/2025
    /// (layoffs from 7 February 2025) 60 % × 6 months, of the last wage capped at Rp5,000,000. With a
    /// contribution record, eligibility (12 of the last 24 months, 6 consecutive) is checked too.
    public func jkp(wage: Rupiah, layoffDate: CalendarDate, record: JKPContributionRecord? = nil) throws(DomainError) -> BenefitResult {
        try Self.requirePositive(wage, field: "wage")
        let cap = try parameters.whole("jkp.benefit_wage_cap", on: layoffDate)
        let base = min(wage, cap.value)
        var notes = wage > cap.value ? ["wage capped at \(Money.format(cap.value)) (\(cap.regulation))"] : []
        if let record {
            let needed = try parameters.whole("jkp.min_contribution_months", on: layoffDate)
            let window = try parameters.whole("jkp.window_months", on: layoffDate)
            let consecutive = try parameters.whole("jkp.min_consecutive_months", on: layoffDate)
            guard record.monthsInWindow >= needed.value else {
                throw .invalidInput(
                    field: "contribution months", value: String(record.monthsInWindow),
                    reason: "JKP needs at least \(needed.value) contribution months in the last \(window.value) (\(needed.regulation))")
            }
            guard record.consecutiveMonths >= consecutive.value else {
                throw .invalidInput(
                    field: "consecutive months", value: String(record.consecutiveMonths),
                    reason: "JKP needs at least \(consecutive.value) consecutive contribution months before the layoff (\(consecutive.regulation))")
            }
            notes.append("eligible: \(record.monthsInWindow) of the last \(window.value) months, \(record.consecutiveMonths) consecutive")
        }
        let components = try rules.jkpBenefit.tiers(on: layoffDate).map { tier in
            let monthly = Money.apply(tier.percent, to: base)
            return BenefitComponent(
                name: "months_\(tier.months.lowerBound)_\(tier.months.upperBound)",
                description: "months \(tier.months.lowerBound)-\(tier.months.upperBound): \(tier.percent)% of \(Money.format(base)) = \(Money.format(monthly)) a month",
                amount: monthly * Rupiah(tier.months.count), regulation: tier.regulation)
        }
        return BenefitResult(benefit: "jkp", eventDate: layoffDate, components: components, scholarship: nil, notes: notes)
    }
}
