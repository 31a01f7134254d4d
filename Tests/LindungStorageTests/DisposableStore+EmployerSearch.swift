import LindungCore
import LindungStorage
import LindungStoragePostgres

/// `EmployerSearchStore` forwarded to the test database's store.
extension DisposableStore {
    func searchEmployers(name text: String, in scope: EmployerSearchScope, limit: Int, offset: Int) async throws -> [Employer] {
        try await store.searchEmployers(name: text, in: scope, limit: limit, offset: offset)
    }
}
