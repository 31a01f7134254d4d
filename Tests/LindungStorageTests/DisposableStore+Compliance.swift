import LindungCore
import LindungStorage
import LindungStoragePostgres

/// `ComplianceStore` forwarded to the test database's store.
extension DisposableStore {
    func saveLicences(_ licences: [BusinessLicence], actor: String) async throws -> LicenceImportSummary {
        try await store.saveLicences(licences, actor: actor)
    }
    func saveRosters(_ rosters: [NonASNRoster], actor: String) async throws { try await store.saveRosters(rosters, actor: actor) }
    func scanCompliance(_ request: ComplianceScanRequest) async throws -> ComplianceScanSummary { try await store.scanCompliance(request) }
    func advanceSanctions(on date: CalendarDate, ladder: SanctionLadder, actor: String) async throws -> [SanctionStepRecord] {
        try await store.advanceSanctions(on: date, ladder: ladder, actor: actor)
    }
    func complianceSubject(identifier: String) async throws -> ComplianceSubject? { try await store.complianceSubject(identifier: identifier) }
    func complianceSubjects(identifiers: [String]) async throws -> [String: ComplianceSubject] {
        try await store.complianceSubjects(identifiers: identifiers)
    }
    func logComplianceQueries(_ entries: [ComplianceQueryLogEntry]) async throws { try await store.logComplianceQueries(entries) }
    func complianceQueryLog(limit: Int) async throws -> [ComplianceQueryLogEntry] { try await store.complianceQueryLog(limit: limit) }
    func openFindings(region: String?, limit: Int) async throws -> [StoredFinding] { try await store.openFindings(region: region, limit: limit) }
}
