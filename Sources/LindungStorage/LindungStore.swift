public import LindungCore

/// The registry's storage, as intents. Each method is one transaction inside the backend: nothing is
/// half-written, and no transaction handle crosses this interface (GRDB's write closure is synchronous,
/// PostgresNIO's is async). Implemented by `SQLiteStore` (the embedded default) and `PostgresStore`; the
/// contract test suite runs the same behaviour against both. Billing, payments and arrears are
/// `BillingStore`'s part of it; users, API clients, login attempts and the access log `AccountStore`'s; employer
/// compliance (licences, findings, the sanction ladder, the query log) `ComplianceStore`'s; claims and the JHT
/// ledger `ClaimStore`'s.
public protocol LindungStore: BillingStore, AccountStore, ComplianceStore, CoverageStore, ClaimStore, ClaimQueueStore, ComplianceOverviewStore, EmployerSearchStore {
    /// Applies the migrations not yet applied, in order; returns the names applied now.
    func migrate() async throws -> [String]
    /// The names of the migrations applied so far, in order.
    func appliedMigrations() async throws -> [String]

    /// Adds or updates branch offices (KC, KCP) and the regions they serve, keyed by code.
    func saveBranchOffices(_ offices: [BranchOffice], actor: String) async throws
    /// Registers or updates employers keyed by NPP (a missing NPP is generated); every change audited.
    func importEmployers(_ plan: EmployerImportPlan) async throws -> ImportSummary
    /// Registers one employer's workers: persons (NIK unique), their participant numbers, employment spells
    /// and wage history; idempotent, all-or-nothing unless the plan is partial.
    func importWorkers(_ plan: WorkerImportPlan) async throws -> ImportSummary
    /// Adds or replaces an agreement (MoU/PKS) keyed by its number.
    func saveAgreement(_ agreement: Agreement, actor: String) async throws
    /// Records the non-ASN headcount an agency reports for a date.
    func saveRoster(_ roster: NonASNRoster, actor: String) async throws

    /// Appends generated rows to an empty-or-growing registry without per-row checks (demo data only).
    func appendBulk(_ chunk: RegistryBulkChunk) async throws
    /// Before a run of `appendBulk`: drops the secondary indexes that are cheaper to build once at the end
    /// than to keep up row by row. Pair with `finishBulk`, which builds them again.
    func prepareBulk() async throws
    func finishBulk() async throws

    func person(nik: String) async throws -> PersonDetail?
    /// Persons whose name contains `text` (case-insensitive), ordered by name.
    func searchPersons(name text: String, limit: Int) async throws -> [Person]
    func employer(npp: String) async throws -> Employer?
    /// The employer's workers whose spell covers `date`, with the wage in force on that date.
    func workers(ofEmployer npp: String, on date: CalendarDate) async throws -> [EmployedWorker]
    /// An agency's non-ASN: the roster it reported and who of them is registered, on a date.
    func nonASNStatus(agency npp: String, on date: CalendarDate) async throws -> NonASNStatus
    /// The audit entries for one entity (`person`/NIK, `employer`/NPP, `spell`/id, `wage`/spell id).
    func auditTrail(entity: AuditEntity, key: String) async throws -> [AuditEntry]
    func counts() async throws -> RegistryCounts

    /// Releases connections (PostgreSQL); a no-op for SQLite.
    func close() async
}

/// Failures a store reports, mapped from each backend's own errors.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(String)
    case conflict(String)
    case invalid(String)
    case backend(String)

    public var description: String {
        switch self {
        case .notFound(let what): "not found: \(what)"
        case .conflict(let what): "conflict: \(what)"
        case .invalid(let what): "invalid: \(what)"
        case .backend(let what): "storage error: \(what)"
        }
    }
}

/// The ordered migration names both backends apply; a test checks each backend lists exactly these.
public enum MigrationList {
    public static let names = [
        "0001_create_branch_office_and_employer",
        "0002_create_person_spell_wage",
        "0003_create_agreement_and_roster",
        "0004_create_audit_log",
        "0005_create_billing",
        "0006_create_accounts",
        "0007_create_compliance",
        "0008_create_coverage",
        "0009_create_claims",
        "0011_employer_name_search",
        "0012_create_sessions",
    ]
}

extension LindungStore {
    /// Nothing to defer by default.
    public func prepareBulk() async throws {}
    public func finishBulk() async throws {}
}
