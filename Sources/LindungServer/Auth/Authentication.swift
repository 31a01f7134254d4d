import Foundation
import HTTPTypes
import Hummingbird
import LindungStorage

/// Checks `Authorization: Bearer <token>` for a route: 401 without a known token, 403 when the role may
/// not call it (a write by a reading role, a route not granted to a system client).
enum Authentication {
    static func reader(for route: Route, request: Request, environment: ServerEnvironment) async throws -> ScopedReader? {
        guard route.access != .open else { return nil }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError(.unauthorized, "send Authorization: Bearer <token>")
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, let account = try await environment.accounts.account(token: token) else {
            throw APIError(.unauthorized, "the token is not valid")
        }
        let viewer = Viewer(account: account)
        if account.role == .systemClient && !account.grants.contains(route.operationID) {
            throw APIError(.forbidden, "this client is not granted \(route.operationID)")
        }
        if route.access == .write && !viewer.writes {
            throw APIError(.forbidden, "a \(account.role.rawValue) may not \(route.operationID)")
        }
        return ScopedReader(viewer, environment.store)
    }
}
