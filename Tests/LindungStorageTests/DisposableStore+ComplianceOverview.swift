import LindungStorage
import LindungStoragePostgres

/// `ComplianceOverviewStore` forwarded to the test database's store.
extension DisposableStore {
    func complianceOverview(region: String?, limit: Int) async throws -> ComplianceOverview {
        try await store.complianceOverview(region: region, limit: limit)
    }
}
