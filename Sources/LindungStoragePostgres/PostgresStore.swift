public import Foundation
import LindungCore
public import LindungStorage
public import PostgresNIO

/// The registry on PostgreSQL, through PostgresNIO's `PostgresClient` (a connection pool).
///
/// Shaped like `SQLiteStore`: the migrator is private and every intent method that writes, or reads with
/// more than one query, is one transaction on one leased connection. Ids of employers, persons and spells
/// are assigned by the store (`max(id) + n` under a table lock), as on SQLite, so a person's participant
/// number (KPJ) is computed in the same statement.
public final class PostgresStore: LindungStore {
    let client: PostgresClient
    /// The clock for audit timestamps; a parameter so tests can fix it.
    let now: @Sendable () -> Date
    let logger: Logger
    /// The task running `client.run()` when this store started the client itself (`connect(url:)`).
    private let runner: Task<Void, Never>?

    /// Wraps a client that somebody else runs, e.g. a `ServiceGroup` in the server: the store never starts
    /// or stops it.
    public convenience init(client: PostgresClient, now: @escaping @Sendable () -> Date = Date.init) {
        self.init(client: client, now: now, runner: nil)
    }

    private init(client: PostgresClient, now: @escaping @Sendable () -> Date, runner: Task<Void, Never>?) {
        self.client = client
        self.now = now
        self.runner = runner
        self.logger = Self.quietLogger
    }

    /// Errors only: PostgresNIO logs every query at debug level and connection chatter at info.
    static let quietLogger: Logger = {
        var logger = Logger(label: "lindung.postgres")
        logger.logLevel = .error
        return logger
    }()

    /// Connects to `postgres://user[:password]@host[:port]/database[?sslmode=…]`, runs the client in a task
    /// this store owns (stopped by `close()`). One connection is opened first, outside the pool: the pool
    /// retries quietly, and an operator should read "database does not exist" or "connection refused" at once.
    public static func connect(url: String, now: @escaping @Sendable () -> Date = Date.init) async throws -> PostgresStore {
        let parsed = try PostgresURL(url)
        let server = "\(parsed.user)@\(parsed.host):\(parsed.port)/\(parsed.database)"
        do {
            let first = try await PostgresConnection.connect(configuration: try parsed.connectionConfiguration(), id: 0, logger: quietLogger)
            try? await first.close()
        } catch let error as PSQLError {
            throw StoreError.backend("cannot connect to PostgreSQL at \(server): \(connectionFailure(error))")
        }
        let client = PostgresClient(configuration: try parsed.clientConfiguration())
        return PostgresStore(client: client, now: now, runner: Task { await client.run() })
    }

    public func close() async {
        runner?.cancel()
        await runner?.value
    }

    /// A store dropped without `close()` still stops the client it started.
    deinit {
        runner?.cancel()
    }

    public func migrate() async throws -> [String] {
        try await PostgresMigrator(store: self).migrate()
    }

    public func appliedMigrations() async throws -> [String] {
        try await PostgresMigrator(store: self).appliedMigrations()
    }

    /// Runs `body` on one leased connection outside a transaction: for reads that are a single statement,
    /// which then cost one round trip instead of three.
    func read<T: Sendable>(_ body: (PostgresSession) async throws -> T) async throws -> T {
        let logger = logger
        return try await mapped {
            try await client.withConnection { connection in try await body(PostgresSession(connection: connection, logger: logger)) }
        }
    }

    /// Runs `body` in one transaction on one leased connection: committed when it returns, rolled back when
    /// it throws. Driver errors become `StoreError`s; other errors (a refusal) pass through unchanged.
    func transaction<T: Sendable>(readOnly: Bool = false, _ body: (PostgresSession) async throws -> T) async throws -> T {
        let logger = logger
        return try await mapped {
            try await client.withConnection { connection in
                let session = PostgresSession(connection: connection, logger: logger)
                try await session.execute(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
                do {
                    let value = try await body(session)
                    try await session.execute("COMMIT")
                    return value
                } catch {
                    do {
                        try await session.execute("ROLLBACK")
                    } catch {
                        // A connection that cannot roll back must not go back to the pool mid-transaction.
                        try? await connection.close()
                    }
                    throw error
                }
            }
        }
    }
}
