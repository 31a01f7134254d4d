import LindungStorage
import LindungStoragePostgres

/// `ClaimQueueStore` forwarded to the test database's store.
extension DisposableStore {
    func claims(_ query: ClaimQuery, limit: Int, offset: Int) async throws -> [ClaimRecord] {
        try await store.claims(query, limit: limit, offset: offset)
    }
}
