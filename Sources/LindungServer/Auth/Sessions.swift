public import Foundation
public import LindungStorage

/// Logged-in browsers, by session id (the `lindung_session` cookie), kept in the store (migration 0012): a
/// restart logs nobody out, and several server processes on one database share them. The store keeps only
/// the SHA-256 of the id, as it does for API tokens.
public final class SessionStore: Sendable {
    public struct Session: Sendable {
        public let id: String
        /// Sent back on every unsafe request that authenticates with the cookie (`X-CSRF-Token`, or the
        /// `csrf_token` form field of `/logout`).
        public let csrfToken: String
        public let account: Account
        public let expires: Date
    }

    /// How long a session lasts after login (a working day), whatever happens in it.
    public let lifetime: TimeInterval
    let store: any AccountStore

    public init(store: any AccountStore, lifetime: TimeInterval = 12 * 3600) {
        self.store = store
        self.lifetime = lifetime
    }

    public func create(for account: Account, now: Date) async throws -> Session {
        let session = Session(id: TokenHash.randomText(), csrfToken: TokenHash.randomText(), account: account, expires: now + lifetime)
        try await store.addSession(
            SessionRecord(
                idHash: TokenHash.sha256(session.id), csrfToken: session.csrfToken, username: account.name, role: account.role.rawValue,
                scope: account.scope, createdAt: now, expiresAt: session.expires))
        return session
    }

    /// The session of a cookie value, nil when unknown or expired.
    public func session(id: String, now: Date) async throws -> Session? {
        guard let record = try await store.session(idHash: TokenHash.sha256(id), now: now), let role = Account.Role(rawValue: record.role) else {
            return nil
        }
        return Session(
            id: id, csrfToken: record.csrfToken, account: Account(name: record.username, role: role, scope: record.scope, kind: .user),
            expires: record.expiresAt)
    }

    public func remove(id: String) async throws {
        try await store.removeSession(idHash: TokenHash.sha256(id))
    }
}

/// Login throttling: at most `failures` failed logins per username, and `addressFailures` per remote
/// address, within `window`; past that the login answers 429 with `Retry-After` (docs/server.md).
public struct LoginLimits: Sendable {
    public let failures: Int
    public let addressFailures: Int
    public let window: TimeInterval

    public init(failures: Int = 5, addressFailures: Int = 20, window: TimeInterval = 15 * 60) {
        self.failures = failures
        self.addressFailures = addressFailures
        self.window = window
    }
}
