public import Foundation
import GRDB
import LindungCore
public import LindungStorage

/// The embedded registry: one SQLite file in WAL mode (`lindung.sqlite` by default), or memory for tests.
///
/// Shaped like GRDB's `AppDatabase`: it wraps a `DatabaseWriter`, keeps the migrator private, and
/// exposes only intent methods, each one transaction.
public final class SQLiteStore: LindungStore {
    let writer: any DatabaseWriter
    /// The clock for audit timestamps; a parameter so tests can fix it.
    let now: @Sendable () -> Date
    /// Read-only connections for the hot point reads (SQLite+FastReads.swift); nil in memory.
    let reads: SQLiteReadConnections?

    /// Opens (creating if needed) the database file at `path` in WAL mode.
    public convenience init(path: String, now: @escaping @Sendable () -> Date = Date.init) throws {
        try self.init(path: path, now: now, snapshotLifetime: .milliseconds(10))
    }

    /// `snapshotLifetime`: how long the fast reads may reuse one snapshot (SQLiteReadConnections); tests vary it.
    convenience init(path: String, now: @escaping @Sendable () -> Date, snapshotLifetime: Duration) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A 64 MiB page cache and memory temp store speed up bulk imports and billing passes while
            // keeping a million-row import's memory bounded.
            try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")
        }
        do {
            self.init(writer: try DatabasePool(path: path, configuration: configuration), now: now, reads: SQLiteReadConnections(path: path, snapshotLifetime: snapshotLifetime))
        } catch {
            throw StoreError.backend("cannot open SQLite database at \(path): \(error)")
        }
    }

    /// A private in-memory database, for tests.
    public static func inMemory(now: @escaping @Sendable () -> Date = Date.init) throws -> SQLiteStore {
        SQLiteStore(writer: try DatabaseQueue(), now: now)
    }

    init(writer: any DatabaseWriter, now: @escaping @Sendable () -> Date, reads: SQLiteReadConnections? = nil) {
        self.writer = writer
        self.now = now
        self.reads = reads
        // The fast reads reuse snapshots; every commit here must end them (SQLiteReadConnections says why).
        if let reads { writer.add(transactionObserver: WriterCommitSignal(reads: reads), extent: .databaseLifetime) }
    }

    public func migrate() async throws -> [String] {
        try await mapped {
            let before = try await writer.read { db in try SQLiteMigrations.migrator().namesApplied(db) }
            try SQLiteMigrations.migrator().migrate(writer)
            let after = try await writer.read { db in try SQLiteMigrations.migrator().appliedMigrations(db) }
            return after.filter { !before.contains($0) }
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await mapped { try await writer.read { db in try SQLiteMigrations.migrator().appliedMigrations(db) } }
    }

    public func close() async {
        reads?.closeAll()
    }

    /// UTC timestamp for audit rows.
    func timestamp() -> String {
        ISO8601DateFormatter().string(from: now())
    }

    /// Runs `body`, turning SQLite's constraint failures into `StoreError`s (unique → conflict, foreign
    /// key → notFound, check → invalid) so callers never see the driver's errors.
    func mapped<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    static func storeError(_ error: DatabaseError) -> StoreError {
        let message = error.message ?? "\(error)"
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: return .conflict(message)
        case .SQLITE_CONSTRAINT_FOREIGNKEY: return .notFound(message)
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL, .SQLITE_CONSTRAINT_TRIGGER: return .invalid(message)
        default: return .backend(message)
        }
    }
}

extension DatabaseMigrator {
    /// Applied migration names, or none when the database is new (the migrations table does not exist yet).
    func namesApplied(_ db: Database) throws -> [String] {
        try db.tableExists("grdb_migrations") ? appliedMigrations(db) : []
    }
}

/// Tells the read connections that this process's writer committed, so no read after it reuses an older
/// snapshot. It observes no row events: GRDB then installs no update hook, and bulk writes pay nothing.
private final class WriterCommitSignal: TransactionObserver {
    let reads: SQLiteReadConnections

    init(reads: SQLiteReadConnections) { self.reads = reads }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { reads.writerCommitted() }
    func databaseDidRollback(_ db: Database) {}
}
