import LindungCore
import LindungStorage
import LindungStoragePostgres

/// `ClaimStore` forwarded to the test database's store.
extension DisposableStore {
    func submitClaim(_ claim: ClaimRecord, documents: [ClaimDocumentRecord], actor: String) async throws {
        try await store.submitClaim(claim, documents: documents, actor: actor)
    }
    func claim(id: String) async throws -> ClaimRecord? { try await store.claim(id: id) }
    func claimDocuments(id: String) async throws -> [ClaimDocumentRecord] { try await store.claimDocuments(id: id) }
    func claimEvents(id: String) async throws -> [ClaimEventRecord] { try await store.claimEvents(id: id) }
    func applyClaimStep(_ updated: ClaimRecord, expectedStatus: String, event: ClaimEventRecord, documents: [ClaimDocumentRecord]) async throws {
        try await store.applyClaimStep(updated, expectedStatus: expectedStatus, event: event, documents: documents)
    }
    func claims(status: String?, limit: Int) async throws -> [ClaimRecord] { try await store.claims(status: status, limit: limit) }
    func setJHTReturnRate(year: Int, micropercent: Int64, actor: String) async throws {
        try await store.setJHTReturnRate(year: year, micropercent: micropercent, actor: actor)
    }
    func jhtReturnRate(year: Int) async throws -> Int64? { try await store.jhtReturnRate(year: year) }
    func recordJHTEntries(nik: String, _ entries: [JHTEntryRecord]) async throws -> Int { try await store.recordJHTEntries(nik: nik, entries) }
    func creditJHTFromPaidBills(month: YearMonth, employerMicropercent: Int64, workerMicropercent: Int64) async throws -> Int {
        try await store.creditJHTFromPaidBills(month: month, employerMicropercent: employerMicropercent, workerMicropercent: workerMicropercent)
    }
    func postJHTReturn(year: Int) async throws -> Int { try await store.postJHTReturn(year: year) }
    func jhtEntries(nik: String) async throws -> [JHTEntryRecord] { try await store.jhtEntries(nik: nik) }
}
