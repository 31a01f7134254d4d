import ArgumentParser
import Foundation
import LindungStorage
import LindungStorageSQLite
import LindungStoragePostgres

/// Where the registry lives: `--db PATH` (SQLite, the default `lindung.sqlite`) or `--db postgres://…`,
/// else the LINDUNG_DATABASE_URL environment variable.
struct StoreOptions: ParsableArguments {
    static let variable = "LINDUNG_DATABASE_URL"

    @Option(name: .long, help: "SQLite file (default lindung.sqlite) or postgres://user@host:5432/db (or LINDUNG_DATABASE_URL).")
    var db: String?

    var location: String {
        db ?? ProcessInfo.processInfo.environment[Self.variable] ?? "lindung.sqlite"
    }

    /// Opens the store; with `migrate`, applies pending migrations first (every writing command does).
    func open(migrate: Bool = true) async throws -> any LindungStore {
        let store: any LindungStore
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            store = try await PostgresStore.connect(url: location)
        } else {
            store = try SQLiteStore(path: location)
        }
        if migrate {
            do { _ = try await store.migrate() } catch {
                await store.close()
                throw error
            }
        }
        return store
    }
}

/// Runs `body` with an open store and closes it afterwards, whatever happens.
func withStore<T>(_ options: StoreOptions, migrate: Bool = true, _ body: (any LindungStore) async throws -> T) async throws -> T {
    let store = try await options.open(migrate: migrate)
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}
