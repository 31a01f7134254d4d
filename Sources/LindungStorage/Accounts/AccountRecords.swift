public import Foundation

/// A person who logs in with a password. `role` is one of the server's role names (`administrator`,
/// `regional_officer`, …; never `system_client`); `scope` names what a scoped role sees.
public struct UserRecord: Sendable, Equatable {
    public let username: String
    /// bcrypt (`$2b$…`), never the password.
    public let passwordHash: String
    public let role: String
    public let scope: String?
    public let createdAt: Date
    public let disabled: Bool

    public init(username: String, passwordHash: String, role: String, scope: String?, createdAt: Date, disabled: Bool = false) {
        self.username = username
        self.passwordHash = passwordHash
        self.role = role
        self.scope = scope
        self.createdAt = createdAt
        self.disabled = disabled
    }
}

/// Another system (or a script) calling the API with a bearer token; only the token's SHA-256 is kept.
public struct APIClientRecord: Sendable, Equatable {
    public let name: String
    /// Lowercase hex SHA-256 of the token.
    public let tokenHash: String
    public let role: String
    public let scope: String?
    /// For a system client: the operation ids it may call.
    public let grants: [String]
    public let createdAt: Date
    public let disabled: Bool

    public init(name: String, tokenHash: String, role: String, scope: String?, grants: [String], createdAt: Date, disabled: Bool = false) {
        self.name = name
        self.tokenHash = tokenHash
        self.role = role
        self.scope = scope
        self.grants = grants
        self.createdAt = createdAt
        self.disabled = disabled
    }
}

/// One login attempt, kept for throttling.
public struct LoginAttempt: Sendable, Equatable {
    public let username: String
    public let at: Date
    public let succeeded: Bool
    public let remoteAddress: String?

    public init(username: String, at: Date, succeeded: Bool, remoteAddress: String?) {
        self.username = username
        self.at = at
        self.succeeded = succeeded
        self.remoteAddress = remoteAddress
    }
}

/// A view of something sensitive (a full NIK) to append to the access log.
public struct AccessRecord: Sendable, Equatable {
    public let at: Date
    /// Who: `user:<name>` or `client:<name>`.
    public let actor: String
    /// What: `person`.
    public let entity: String
    public let entityKey: String
    /// Why: the operation that showed it (`getPerson`, `listEmployerWorkers`, …).
    public let reason: String

    public init(at: Date, actor: String, entity: String, entityKey: String, reason: String) {
        self.at = at
        self.actor = actor
        self.entity = entity
        self.entityKey = entityKey
        self.reason = reason
    }
}

/// An access-log row as stored.
public struct AccessLogEntry: Sendable, Equatable {
    public let id: Int64
    public let record: AccessRecord

    public init(id: Int64, record: AccessRecord) {
        self.id = id
        self.record = record
    }
}
