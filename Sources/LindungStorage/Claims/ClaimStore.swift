public import LindungCore

/// Claims and the JHT ledger in the store (issue 8, migration 0009). Every claim step is one transaction
/// that writes the claim's new state and its `claim_event` row together; the step is applied only when
/// the claim is still in the status the caller read (no two officers move the same claim at once).
public protocol ClaimStore {
    /// Saves a new claim with its documents and its `submit` event.
    func submitClaim(_ claim: ClaimRecord, documents: [ClaimDocumentRecord], actor: String) async throws
    func claim(id: String) async throws -> ClaimRecord?
    func claimDocuments(id: String) async throws -> [ClaimDocumentRecord]
    func claimEvents(id: String) async throws -> [ClaimEventRecord]
    /// Writes `updated` if the stored claim still has `expectedStatus`, with its event; else a conflict.
    func applyClaimStep(_ updated: ClaimRecord, expectedStatus: String, event: ClaimEventRecord, documents: [ClaimDocumentRecord])
        async throws
    /// Claims in a status (or all when nil), oldest first: the branch officer's work queue.
    func claims(status: String?, limit: Int) async throws -> [ClaimRecord]

    /// Enters (or replaces, while not yet posted) a year's development return rate in micropercent.
    func setJHTReturnRate(year: Int, micropercent: Int64, actor: String) async throws
    func jhtReturnRate(year: Int) async throws -> Int64?
    /// Appends ledger lines for a person; a (kind, reference) already there is skipped. Returns how many were new.
    @discardableResult
    func recordJHTEntries(nik: String, _ entries: [JHTEntryRecord]) async throws -> Int
    /// Credits the JHT shares of PU workers on the employer bills of `month` fully paid by `through`,
    /// in the month the bill was paid, set-based; idempotent by the bill number. Returns the credits made.
    func creditJHTFromPaidBills(month: YearMonth, employerMicropercent: Int64, workerMicropercent: Int64) async throws -> Int
    /// Posts the year's development return for every ledger at once (one INSERT … SELECT), idempotent by
    /// `return:YEAR`; returns the number of entries posted now (0 on a second run).
    func postJHTReturn(year: Int) async throws -> Int
    /// A person's ledger lines, oldest first.
    func jhtEntries(nik: String) async throws -> [JHTEntryRecord]
}
