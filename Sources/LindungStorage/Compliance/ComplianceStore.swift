public import LindungCore

/// Employer compliance in the store (issue 6, docs/compliance.md): the licence list and agencies' non-ASN
/// headcounts it is checked against, the findings a scan stores with their dates, the sanction ladder's
/// history, and the log of every question a licensing office asked. Each method is one transaction.
public protocol ComplianceStore: Sendable {
    /// Adds or replaces business licences keyed by NIB; all or nothing.
    func saveLicences(_ licences: [BusinessLicence], actor: String) async throws -> LicenceImportSummary
    /// Records agencies' non-ASN headcounts (the `non_asn_roster` of migration 0003); all or nothing. An NPP
    /// that is not a registered agency is refused (`StoreError.notFound`).
    func saveRosters(_ rosters: [NonASNRoster], actor: String) async throws

    /// Evaluates every employer (and licence) of the scope set-based, stores new findings (first warning),
    /// refreshes the evidence of findings still seen and closes the ones no longer seen (cured). Idempotent:
    /// the same scan again changes nothing but the evidence and the last-seen date.
    func scanCompliance(_ request: ComplianceScanRequest) async throws -> ComplianceScanSummary
    /// Moves every open finding whose stage ran out by `date` along the ladder, recording each step.
    func advanceSanctions(on date: CalendarDate, ladder: SanctionLadder, actor: String) async throws -> [SanctionStepRecord]

    /// What the store knows about an NPP (8 digits) or NIB (13 digits): the employer or licence and its
    /// findings, open first, each with its ladder history. Nil when neither is known.
    func complianceSubject(identifier: String) async throws -> ComplianceSubject?
    /// The same for many identifiers at once (the batch API), in one read; unknown ones are left out.
    func complianceSubjects(identifiers: [String]) async throws -> [String: ComplianceSubject]
    /// Appends who asked about whom, when (append-only).
    func logComplianceQueries(_ entries: [ComplianceQueryLogEntry]) async throws
    /// The most recent entries of the query log, newest first.
    func complianceQueryLog(limit: Int) async throws -> [ComplianceQueryLogEntry]
    /// Open findings of a region (its code, or a province's two digits; nil: all), by region and subject.
    func openFindings(region: String?, limit: Int) async throws -> [StoredFinding]
}
