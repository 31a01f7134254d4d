import LindungCore
import LindungStorage
import LindungStoragePostgres

/// `ContributionTotalsStore` forwarded to the test database's store.
extension DisposableStore: ContributionTotalsStore {
    func contributionTotals(months: [YearMonth], region: String, paidBy: CalendarDate) async throws -> [ContributionMonthTotals] {
        try await store.contributionTotals(months: months, region: region, paidBy: paidBy)
    }
}
