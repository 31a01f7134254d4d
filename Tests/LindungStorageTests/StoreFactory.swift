import Foundation
import LindungCore
import LindungStorage
import LindungStorageSQLite
import Testing

/// The backends the contract suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL names a
/// server (`.ci/run` starts one).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var available: [Backend] {
        ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }
}

/// A fixed clock, so audit timestamps are predictable.
let fixedNow: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_745_000_000) }

/// A new, migrated, empty store on the backend; `body` runs with it and the store is closed after.
func withStore<T>(_ backend: Backend, _ body: (any LindungStore) async throws -> T) async throws -> T {
    let store: any LindungStore
    switch backend {
    case .sqlite: store = try SQLiteStore.inMemory(now: fixedNow)
    case .postgres: store = try await PostgresTestDatabase.freshStore(now: fixedNow)
    }
    do {
        _ = try await store.migrate()
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}
