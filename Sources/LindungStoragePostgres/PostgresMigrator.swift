import LindungStorage
import PostgresNIO

/// Our small migrator, modelled on hummingbird-project/postgres-migrations (not on our machines): the names
/// in `MigrationList`, applied in order, each in its own transaction together with its row in
/// `schema_migrations`. Every transaction first takes a transaction-level advisory lock, so two processes
/// migrating the same database at once apply each migration exactly once: the second waits, then sees it
/// applied.
struct PostgresMigrator {
    let store: PostgresStore

    /// An arbitrary constant that names "the Lindung schema" among advisory locks (the ASCII of "LINDUNG").
    static let lockKey: Int64 = 0x4C49_4E44_554E_47

    func migrate() async throws -> [String] {
        var applied: [String] = []
        for name in MigrationList.names {
            guard let statements = PostgresMigrations.sql[name] else { preconditionFailure("no PostgreSQL migration for \(name)") }
            let ran = try await store.transaction { session in
                try await lock(session)
                if try await session.value("SELECT 1 FROM schema_migrations WHERE name = \(name)", as: Int.self) != nil {
                    return false
                }
                for statement in statements {
                    try await session.execute(PostgresQuery(unsafeSQL: statement))
                }
                try await session.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (\(name), now())")
                return true
            }
            if ran { applied.append(name) }
        }
        return applied
    }

    /// The names applied so far, in the order they were applied; none when the database is new.
    func appliedMigrations() async throws -> [String] {
        try await store.transaction(readOnly: true) { session in
            guard try await session.value("SELECT to_regclass('schema_migrations')::text", as: String.self) != nil else { return [] }
            return try await session.rows("SELECT name FROM schema_migrations ORDER BY applied_at, name").map { try $0.decode(String.self) }
        }
    }

    /// Waits for any other migrating process, then makes sure the bookkeeping table exists (both inside the
    /// caller's transaction, so the lock is released at its commit or rollback).
    private func lock(_ session: PostgresSession) async throws {
        try await session.execute("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
        try await session.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
    }
}
