public import Foundation
public import LindungStorage

/// Adding users and API clients (`lindung user add`, `lindung token add`, `serve --demo`), with the checks
/// both need: a scope exactly for the scoped roles, grants only for a system client and only known ones.
public enum AccountCreation {
    /// bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused.
    public static let passwordBytes = 8...72

    /// Adds a user with a bcrypt hash of `password`.
    public static func addUser(
        username: String, password: String, role roleName: String, scope: String?, to store: any AccountStore,
        cost: UInt8 = PasswordHash.defaultCost, now: Date = Date()
    ) async throws {
        let role = try Self.role(roleName)
        guard role != .systemClient else { throw AccountError("a system_client calls the API with a token: use `lindung token add`") }
        guard !username.isEmpty, username.allSatisfy({ !$0.isWhitespace }) else { throw AccountError("invalid username '\(username)'") }
        try checkScope(role, scope)
        guard passwordBytes.contains(password.utf8.count) else {
            throw AccountError("the password must be \(passwordBytes.lowerBound) to \(passwordBytes.upperBound) bytes long")
        }
        let hash = await PasswordHash.hash(password, cost: cost)
        do {
            try await store.addUser(UserRecord(username: username, passwordHash: hash, role: role.rawValue, scope: scope, createdAt: now))
        } catch StoreError.conflict {
            throw AccountError("a user named '\(username)' exists")
        }
    }

    /// Adds an API client and returns its token (shown once: only its SHA-256 is stored).
    public static func addAPIClient(
        name: String, role roleName: String, scope: String?, grants: [String], to store: any AccountStore, now: Date = Date()
    ) async throws -> String {
        let role = try Self.role(roleName)
        guard !name.isEmpty else { throw AccountError("invalid client name ''") }
        try checkScope(role, scope)
        if role != .systemClient && !grants.isEmpty { throw AccountError("--grant is for a system_client only") }
        if role == .systemClient && grants.isEmpty { throw AccountError("a system_client needs at least one --grant") }
        let known = Set(ServerRoutes.all.map(\.operationID))
        for operation in grants where !known.contains(operation) {
            throw AccountError("invalid --grant '\(operation)': one of \(known.sorted().joined(separator: ", "))")
        }
        let token = TokenHash.newToken()
        do {
            try await store.addAPIClient(
                APIClientRecord(name: name, tokenHash: TokenHash.sha256(token), role: role.rawValue, scope: scope, grants: grants, createdAt: now))
        } catch StoreError.conflict {
            throw AccountError("an API client named '\(name)' exists")
        }
        return token
    }

    static func role(_ name: String) throws -> Account.Role {
        guard let role = Account.Role(rawValue: name) else {
            throw AccountError("invalid --role '\(name)': one of \(Account.Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }

    static func checkScope(_ role: Account.Role, _ scope: String?) throws {
        if role.isScoped && (scope ?? "").isEmpty { throw AccountError("a \(role.rawValue) needs --scope") }
        if !role.isScoped && scope != nil { throw AccountError("a \(role.rawValue) sees everything: leave out --scope") }
    }
}

public struct AccountError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
