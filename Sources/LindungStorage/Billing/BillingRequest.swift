public import LindungCore

/// Everything a backend needs to bill a month, computed from the rules before the store is touched: the
/// tariff, the due dates and the price of a migrant worker's placement.
public struct BillingRequest: Sendable {
    public let month: YearMonth
    /// Bill one employer only; nil for every employer with active spells.
    public let employerNPP: String?
    public let issuedOn: CalendarDate
    public let actor: String
    public let tariff: BillingTariff
    /// PU and Jakon months fall due in the following month, BPU and PMI in the month itself (ruling 5).
    public let dueDates: [Segment: CalendarDate]
    let pmiPrice: @Sendable (_ contractMonths: Int) throws(DomainError) -> Rupiah

    public init(
        month: YearMonth, employerNPP: String? = nil, issuedOn: CalendarDate, actor: String, rules: RuleSet, holidays: HolidayCalendar
    ) throws(DomainError) {
        self.month = month
        self.employerNPP = employerNPP
        self.issuedOn = issuedOn
        self.actor = actor
        tariff = try BillingTariff(rules: rules, month: month)
        let due = DueDateCalculator(rules: rules, holidays: holidays)
        var dueDates: [Segment: CalendarDate] = [:]
        for segment in Segment.allCases { dueDates[segment] = try due.dueDate(segment: segment, month: month).dueDate }
        self.dueDates = dueDates
        let calculator = ContributionCalculator(rules: rules)
        pmiPrice = { (months: Int) throws(DomainError) -> Rupiah in
            try calculator.pmi(PMIContributionInput(contractMonths: months, month: month)).total
        }
    }

    /// The price of a whole placement (before and during work) of `contractMonths` (ruling 10).
    public func pmiPlacementPrice(contractMonths: Int) throws(DomainError) -> Rupiah {
        try pmiPrice(contractMonths)
    }

    /// A placement's length in months, counting a started month as whole; 24 (the longest package) when the
    /// spell has no end date yet.
    public static func contractMonths(start: CalendarDate, end: CalendarDate?) -> Int {
        guard let end else { return 24 }
        var months = (end.year - start.year) * 12 + (end.month - start.month)
        if end.day >= start.day { months += 1 }
        return max(1, months)
    }
}
