import LindungCore
import LindungStorage
import LindungStoragePostgres

/// `BenefitTotalsStore` forwarded to the test database's store.
extension DisposableStore: BenefitTotalsStore {
    func benefitsPaid(from: CalendarDate, through: CalendarDate, region: String) async throws -> [BenefitPaidTotal] {
        try await store.benefitsPaid(from: from, through: through, region: region)
    }
}
