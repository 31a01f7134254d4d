import LindungCore
import LindungStorage
import LindungStoragePostgres

/// `CoverageStore` forwarded to the test database's store.
extension DisposableStore {
    func refreshCoverage(month: YearMonth) async throws -> CoverageRefreshSummary { try await store.refreshCoverage(month: month) }
    func coverageCounts(month: YearMonth, region: String) async throws -> CoverageCounts? {
        try await store.coverageCounts(month: month, region: region)
    }
    func agencyCoverage(month: YearMonth, region: String) async throws -> [AgencyCoverage] {
        try await store.agencyCoverage(month: month, region: region)
    }
    func coverageMonths() async throws -> [CoverageMonthStatus] { try await store.coverageMonths() }
    func saveWorkforce(_ figures: [WorkforceFigure], actor: String) async throws { try await store.saveWorkforce(figures, actor: actor) }
    func importedWorkforce() async throws -> [WorkforceFigure] { try await store.importedWorkforce() }
    func saveCoverageTarget(_ target: CoverageTarget, actor: String) async throws { try await store.saveCoverageTarget(target, actor: actor) }
    func coverageTargets() async throws -> [CoverageTarget] { try await store.coverageTargets() }
}
