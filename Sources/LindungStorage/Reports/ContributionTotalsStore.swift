public import LindungCore

/// Contributions billed and collected for a region, month by month (the quarterly report's contributions
/// table, issue 7). One set-based query per call: bills joined to their employer's region, the allocations
/// that paid them summed beside. Implemented by both backends.
public protocol ContributionTotalsStore: Sendable {
    /// For each month of `months`, the bills of employers in `region` (`00`: all; a province: every code
    /// starting with it) and what has been paid toward them up to `paidBy` (payments dated on or before it).
    func contributionTotals(months: [YearMonth], region: String, paidBy: CalendarDate) async throws -> [ContributionMonthTotals]
}

/// One billing month's bills for a region: how many, what they charge and what has been paid of them.
public struct ContributionMonthTotals: Sendable, Equatable {
    public let month: YearMonth
    public let bills: Int
    public let workers: Int
    public let contribution: Rupiah
    public let fine: Rupiah
    /// Contribution + fine (credit notes count negative).
    public let total: Rupiah
    /// Allocated from payments and credit notes dated on or before the `paidBy` day.
    public let paid: Rupiah

    public init(month: YearMonth, bills: Int, workers: Int, contribution: Rupiah, fine: Rupiah, total: Rupiah, paid: Rupiah) {
        self.month = month
        self.bills = bills
        self.workers = workers
        self.contribution = contribution
        self.fine = fine
        self.total = total
        self.paid = paid
    }

    public var open: Rupiah { max(total - paid, 0) }
}
