public import Foundation

/// Logged-in browsers, by session id (the `lindung_session` cookie). Kept in memory in this slice: a
/// restart logs everybody out, and one server process holds them all (several processes behind a load
/// balancer would need a shared store, e.g. a `session` table; docs/server.md).
public actor SessionStore {
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
    private var sessions: [String: Session] = [:]

    public init(lifetime: TimeInterval = 12 * 3600) { self.lifetime = lifetime }

    public func create(for account: Account, now: Date) -> Session {
        let session = Session(id: TokenHash.randomText(), csrfToken: TokenHash.randomText(), account: account, expires: now + lifetime)
        sessions[session.id] = session
        // Expired sessions go as new ones come, so the dictionary never outgrows the logins of a day.
        if sessions.count % 256 == 0 { sessions = sessions.filter { $0.value.expires > now } }
        return session
    }

    /// The session of a cookie value, nil when unknown or expired.
    public func session(id: String, now: Date) -> Session? {
        guard let session = sessions[id] else { return nil }
        guard session.expires > now else {
            sessions[id] = nil
            return nil
        }
        return session
    }

    public func remove(id: String) {
        sessions[id] = nil
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
