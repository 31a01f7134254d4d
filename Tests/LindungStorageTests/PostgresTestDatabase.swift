import Foundation
import LindungCore
import LindungStorage
import LindungStoragePostgres
import PostgresNIO

/// A fresh PostgreSQL database per test at file-copy speed (SPI's `DatabasePool`): the schema is migrated
/// once per test process into `lindung_template`, and each test gets
/// `CREATE DATABASE lindung_test_<random> TEMPLATE lindung_template`, dropped again when the test closes its
/// store. The server is TEST_DATABASE_URL's (e.g. `postgres://postgres@127.0.0.1:5432/postgres`, from
/// `.ci/start-postgres.sh`); its user must be allowed to create databases. One test process per server at a
/// time: the first test of a run replaces the template and drops leftover `lindung_test_` databases.
enum PostgresTestDatabase {
    static func freshStore(now: @escaping @Sendable () -> Date) async throws -> any LindungStore {
        let server = try await TestServer.shared.prepared()
        let name = "lindung_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await server.execute("CREATE DATABASE \(name) TEMPLATE \(TestServer.template)")
        do {
            return DisposableStore(store: try await PostgresStore.connect(url: server.url(database: name), now: now), name: name, server: server)
        } catch {
            try? await server.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
    }
}

/// The maintenance connection to the test server, and the template, made once per process.
actor TestServer {
    static let shared = TestServer()
    static let template = "lindung_template"

    private var preparing: Task<Admin, any Error>?

    func prepared() async throws -> Admin {
        if let preparing { return try await preparing.value }
        let task = Task { try await Self.prepare() }
        preparing = task
        return try await task.value
    }

    private static func prepare() async throws -> Admin {
        guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] else {
            throw StoreError.backend("TEST_DATABASE_URL is not set")
        }
        let admin = try Admin(url: url)
        // Leftovers of an earlier run (a crash, or a schema that changed since): drop and start again.
        let leftovers = try await admin.names(
            "SELECT datname FROM pg_database WHERE datname LIKE 'lindung\\_test\\_%' OR datname = \(template)")
        for name in leftovers {
            if name == template { try await admin.execute("ALTER DATABASE \(template) IS_TEMPLATE false") }
            try await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
        try await admin.execute("CREATE DATABASE \(template)")
        let store = try await PostgresStore.connect(url: admin.url(database: template))
        do {
            _ = try await store.migrate()
            await store.close()
        } catch {
            await store.close()
            throw error
        }
        // Nobody may connect to the template any more: CREATE DATABASE … TEMPLATE refuses a busy one.
        try await admin.execute("ALTER DATABASE \(template) WITH IS_TEMPLATE true ALLOW_CONNECTIONS false")
        try await admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(template)'")
        return admin
    }
}

/// A client on TEST_DATABASE_URL's database, running for the rest of the test process.
struct Admin: Sendable {
    let components: URLComponents
    let client: PostgresClient

    init(url: String) throws {
        guard let components = URLComponents(string: url), let host = components.host, let user = components.user else {
            throw StoreError.invalid("TEST_DATABASE_URL is not postgres://user@host:port/database: \(url)")
        }
        self.components = components
        let database = String(components.path.drop { $0 == "/" })
        client = PostgresClient(
            configuration: .init(
                host: host, port: components.port ?? 5432, username: user, password: components.password,
                database: database.isEmpty ? "postgres" : database, tls: .disable))
        let client = client
        Task.detached { await client.run() }
    }

    /// The same server, another database.
    func url(database: String) -> String {
        var components = components
        components.path = "/" + database
        return components.string!
    }

    /// Runs a statement whose only variable parts are names we generated (no binds: CREATE DATABASE takes none).
    func execute(_ sql: String) async throws {
        for try await _ in try await client.query(PostgresQuery(unsafeSQL: sql)) {}
    }

    func names(_ query: PostgresQuery) async throws -> [String] {
        var names: [String] = []
        for try await name in try await client.query(query).decode(String.self) { names.append(name) }
        return names
    }
}

/// The test's store, whose `close()` also drops the test's database.
final class DisposableStore: LindungStore {
    let store: PostgresStore
    let name: String
    let server: Admin

    init(store: PostgresStore, name: String, server: Admin) {
        self.store = store
        self.name = name
        self.server = server
    }

    func close() async {
        await store.close()
        try? await server.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    func migrate() async throws -> [String] { try await store.migrate() }
    func appliedMigrations() async throws -> [String] { try await store.appliedMigrations() }
    func issueBills(_ request: BillingRequest) async throws -> BillingRunSummary { try await store.issueBills(request) }
    func bill(id: Int64) async throws -> Bill? { try await store.bill(id: id) }
    func bills(month: YearMonth, employerNPP: String?) async throws -> [Bill] { try await store.bills(month: month, employerNPP: employerNPP) }
    func billWorkers(id: Int64) async throws -> [BillWorkerLine] { try await store.billWorkers(id: id) }
    func postPayment(_ request: PaymentRequest, rules: RuleSet) async throws -> PaymentReceipt { try await store.postPayment(request, rules: rules) }
    func prepayBPU(_ request: PrepaymentRequest, rules: RuleSet, holidays: HolidayCalendar) async throws -> PaymentReceipt {
        try await store.prepayBPU(request, rules: rules, holidays: holidays)
    }
    func arrears(on date: CalendarDate) async throws -> [ArrearsRow] { try await store.arrears(on: date) }
    func coverage(nik: String, on date: CalendarDate) async throws -> ParticipantCoverage? { try await store.coverage(nik: nik, on: date) }
    func monthTotals(_ month: YearMonth) async throws -> [Payer: Rupiah] { try await store.monthTotals(month) }
    func saveBranchOffices(_ offices: [BranchOffice], actor: String) async throws { try await store.saveBranchOffices(offices, actor: actor) }
    func importEmployers(_ plan: EmployerImportPlan) async throws -> ImportSummary { try await store.importEmployers(plan) }
    func importWorkers(_ plan: WorkerImportPlan) async throws -> ImportSummary { try await store.importWorkers(plan) }
    func saveAgreement(_ agreement: Agreement, actor: String) async throws { try await store.saveAgreement(agreement, actor: actor) }
    func saveRoster(_ roster: NonASNRoster, actor: String) async throws { try await store.saveRoster(roster, actor: actor) }
    func appendBulk(_ chunk: RegistryBulkChunk) async throws { try await store.appendBulk(chunk) }
    func addUser(_ user: UserRecord) async throws { try await store.addUser(user) }
    func user(username: String) async throws -> UserRecord? { try await store.user(username: username) }
    func addAPIClient(_ client: APIClientRecord) async throws { try await store.addAPIClient(client) }
    func apiClient(tokenHash: String) async throws -> APIClientRecord? { try await store.apiClient(tokenHash: tokenHash) }
    func accountCounts() async throws -> (users: Int, apiClients: Int) { try await store.accountCounts() }
    func recordLoginAttempt(_ attempt: LoginAttempt) async throws { try await store.recordLoginAttempt(attempt) }
    func recentFailedAttempts(username: String, since: Date) async throws -> Int { try await store.recentFailedAttempts(username: username, since: since) }
    func recentFailedAttempts(address: String, since: Date) async throws -> Int { try await store.recentFailedAttempts(address: address, since: since) }
    func addSession(_ session: SessionRecord) async throws { try await store.addSession(session) }
    func session(idHash: String, now: Date) async throws -> SessionRecord? { try await store.session(idHash: idHash, now: now) }
    func removeSession(idHash: String) async throws { try await store.removeSession(idHash: idHash) }
    func logAccess(_ records: [AccessRecord]) async throws { try await store.logAccess(records) }
    func accessLog(entity: String, key: String) async throws -> [AccessLogEntry] { try await store.accessLog(entity: entity, key: key) }
    func person(nik: String) async throws -> PersonDetail? { try await store.person(nik: nik) }
    func searchPersons(name text: String, limit: Int) async throws -> [Person] { try await store.searchPersons(name: text, limit: limit) }
    func employer(npp: String) async throws -> Employer? { try await store.employer(npp: npp) }
    func workers(ofEmployer npp: String, on date: CalendarDate) async throws -> [EmployedWorker] {
        try await store.workers(ofEmployer: npp, on: date)
    }
    func nonASNStatus(agency npp: String, on date: CalendarDate) async throws -> NonASNStatus {
        try await store.nonASNStatus(agency: npp, on: date)
    }
    func auditTrail(entity: AuditEntity, key: String) async throws -> [AuditEntry] { try await store.auditTrail(entity: entity, key: key) }
    func counts() async throws -> RegistryCounts { try await store.counts() }
}
