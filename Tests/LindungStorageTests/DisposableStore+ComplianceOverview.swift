import LindungCore
import LindungStorage
import LindungStoragePostgres

/// `ComplianceOverviewStore` forwarded to the test database's store.
extension DisposableStore {
    func complianceOverview(region: String?, limit: Int) async throws -> ComplianceOverview {
        try await store.complianceOverview(region: region, limit: limit)
    }
    func advanceSanctions(on date: CalendarDate, ladder: SanctionLadder, actor: String, region: String?) async throws -> [SanctionStepRecord] {
        try await store.advanceSanctions(on: date, ladder: ladder, actor: actor, region: region)
    }
}
