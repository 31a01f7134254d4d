/// The late fine on unpaid contributions (ruling 5): 2 % of the amount for each started month of delay
/// after the due date; 0.5 % for PP 49/2020's relief months (ruling 14). Paid 16 Feb-15 Mar on a 15 Feb
/// due date is one month, 16 Mar-15 Apr two.
public struct LateFineCalculator: Sendable {
    public struct Fine: Sendable, Equatable {
        public let amount: Rupiah
        public let dueDate: CalendarDate
        public let paidOn: CalendarDate
        public let monthsLate: Int
        public let monthlyRate: Rate
        public let fine: Rupiah
        public let regulation: String
    }

    let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    /// - Parameter billingMonth: the month the contribution is for, which decides the fine rate; when nil,
    ///   the month before the due date's month (a PU month's due date falls in the following month).
    public func fine(amount: Rupiah, dueDate: CalendarDate, paidOn: CalendarDate, billingMonth: YearMonth? = nil) throws(DomainError) -> Fine {
        guard amount >= 0 else { throw .invalidInput(field: "amount", value: String(amount), reason: "must not be negative") }
        let month = billingMonth ?? dueDate.yearMonth.adding(months: -1)
        let rate = try rules.parameters.rate("fine.monthly_rate", on: month.firstDay)
        let months = Self.monthsLate(dueDate: dueDate, paidOn: paidOn)
        let fine = Money.apply(Rate(micropercent: rate.value.micropercent * Int64(months)), to: amount)
        return Fine(amount: amount, dueDate: dueDate, paidOn: paidOn, monthsLate: months, monthlyRate: rate.value, fine: fine, regulation: rate.regulation)
    }

    /// Started months of delay: 0 when paid on or before the due date, else the smallest n with the
    /// payment on or before the due date plus n months.
    public static func monthsLate(dueDate: CalendarDate, paidOn: CalendarDate) -> Int {
        guard paidOn > dueDate else { return 0 }
        var months = (paidOn.year - dueDate.year) * 12 + (paidOn.month - dueDate.month)
        months = max(months - 1, 1)
        while dueDate.adding(months: months) < paidOn { months += 1 }
        return months
    }
}
