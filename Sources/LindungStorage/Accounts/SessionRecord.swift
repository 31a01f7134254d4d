public import Foundation

/// A browser's login as the store keeps it (migration 0012), so a restart or a second server process
/// behind a load balancer knows it. The cookie's session id is kept only as its SHA-256 (lowercase hex),
/// like API tokens: a copy of the table logs nobody in. The CSRF token is kept as it is, since every page
/// with a form sends it back to the browser.
public struct SessionRecord: Sendable, Equatable {
    public let idHash: String
    public let csrfToken: String
    public let username: String
    public let role: String
    public let scope: String?
    public let createdAt: Date
    public let expiresAt: Date

    public init(idHash: String, csrfToken: String, username: String, role: String, scope: String?, createdAt: Date, expiresAt: Date) {
        self.idHash = idHash
        self.csrfToken = csrfToken
        self.username = username
        self.role = role
        self.scope = scope
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
