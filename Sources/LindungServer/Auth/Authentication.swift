import Foundation
import HTTPTypes
import Hummingbird
import LindungStorage

/// Who is calling: `Authorization: Bearer <token>` (API clients), else the `lindung_session` cookie of a
/// login (users). 401 without either, 403 when the role may not call the route (a write by a reading
/// role, a route not granted to a system client) and when a cookie-authenticated unsafe request lacks
/// the session's CSRF token. Bearer requests need no CSRF token: a browser never adds that header itself.
enum Authentication {
    static let cookieName = "lindung_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    static func reader(for route: Route, request: Request, environment: ServerEnvironment) async throws -> ScopedReader? {
        guard route.access != .open else { return nil }
        let account = try await caller(request, environment)
        let viewer = Viewer(account: account)
        if account.role == .systemClient && !account.grants.contains(route.operationID) {
            throw APIError(.forbidden, "this client is not granted \(route.operationID)")
        }
        if route.access == .write && !viewer.writes {
            throw APIError(.forbidden, "a \(account.role.rawValue) may not \(route.operationID)")
        }
        return ScopedReader(viewer, environment.store)
    }

    static func caller(_ request: Request, _ environment: ServerEnvironment) async throws -> Account {
        if let header = request.headers[.authorization] {
            // The scheme compared in place and only a padded token trimmed: this runs on every API request.
            guard hasBearerScheme(header) else { throw APIError(.unauthorized, "send Authorization: Bearer <token>") }
            var token = String(header.dropFirst(7))
            if token.first?.isWhitespace == true || token.last?.isWhitespace == true { token = token.trimmingCharacters(in: .whitespaces) }
            guard !token.isEmpty, let account = try await environment.accounts.account(token: token) else {
                throw APIError(.unauthorized, "the token is not valid")
            }
            return account
        }
        guard let session = try await session(request, environment) else {
            throw APIError(.unauthorized, "send Authorization: Bearer <token>, or log in (POST /login)")
        }
        try checkCSRF(request, session)
        return session.account
    }

    /// Whether the header starts with `Bearer ` in any letter case, compared byte by byte (no lowercased copy).
    static func hasBearerScheme(_ header: String) -> Bool {
        let scheme = "bearer ".utf8
        var bytes = header.utf8.makeIterator()
        for expected in scheme {
            guard let byte = bytes.next() else { return false }
            // An ASCII letter differs from its capital only in bit 0x20; the space must be a space.
            guard byte == expected || (expected != UInt8(ascii: " ") && byte | 0x20 == expected) else { return false }
        }
        return true
    }

    /// The live session the request's cookie names, if any.
    static func session(_ request: Request, _ environment: ServerEnvironment) async throws -> SessionStore.Session? {
        guard let id = request.cookies[cookieName]?.value, !id.isEmpty else { return nil }
        return try await environment.sessions.session(id: id, now: environment.now())
    }

    /// Unsafe methods must echo the session's CSRF token (`X-CSRF-Token`, or a form's `csrf_token` field).
    static func checkCSRF(_ request: Request, _ session: SessionStore.Session, formToken: String? = nil) throws {
        guard ![.get, .head, .options].contains(request.method) else { return }
        guard let sent = request.headers[csrfHeader] ?? formToken, constantTimeEqual(sent, session.csrfToken) else {
            throw APIError(.forbidden, "missing or wrong CSRF token: send X-CSRF-Token with the csrf_token POST /login returned")
        }
    }

    /// Compares without stopping at the first difference, so timing does not reveal a prefix.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
