public import Foundation
public import LindungStorage
import PostgresNIO

/// Users, API clients, login attempts and the access log (migration 0006), as on SQLite.
extension PostgresStore {
    public func addUser(_ user: UserRecord) async throws {
        try await read { db in
            try await db.execute(
                """
                INSERT INTO app_user (username, password_hash, role, scope, created_at, disabled)
                VALUES (\(user.username), \(user.passwordHash), \(user.role), \(user.scope), \(user.createdAt), \(user.disabled))
                """)
        }
    }

    public func user(username: String) async throws -> UserRecord? {
        try await read { db in
            try await db.rows("SELECT username, password_hash, role, scope, created_at, disabled FROM app_user WHERE username = \(username)").first
                .map {
                    row in
                    let (username, hash, role, scope, createdAt, disabled) = try row.decode((String, String, String, String?, Date, Bool).self)
                    return UserRecord(username: username, passwordHash: hash, role: role, scope: scope, createdAt: createdAt, disabled: disabled)
                }
        }
    }

    public func addAPIClient(_ client: APIClientRecord) async throws {
        try await read { db in
            try await db.execute(
                """
                INSERT INTO api_client (name, token_sha256, role, scope, grants, created_at, disabled)
                VALUES (\(client.name), \(client.tokenHash), \(client.role), \(client.scope), \(client.grants), \(client.createdAt),
                        \(client.disabled))
                """)
        }
    }

    public func apiClient(tokenHash: String) async throws -> APIClientRecord? {
        try await read { db in
            try await db.rows(
                "SELECT name, token_sha256, role, scope, grants, created_at, disabled FROM api_client WHERE token_sha256 = \(tokenHash)"
            ).first.map { row in
                let (name, hash, role, scope, grants, createdAt, disabled) = try row.decode(
                    (String, String, String, String?, [String], Date, Bool).self)
                return APIClientRecord(
                    name: name, tokenHash: hash, role: role, scope: scope, grants: grants, createdAt: createdAt, disabled: disabled)
            }
        }
    }

    public func accountCounts() async throws -> (users: Int, apiClients: Int) {
        try await read { db in
            guard let row = try await db.rows("SELECT (SELECT count(*) FROM app_user), (SELECT count(*) FROM api_client)").first else {
                return (0, 0)
            }
            let (users, clients) = try row.decode((Int, Int).self)
            return (users, clients)
        }
    }

    public func recordLoginAttempt(_ attempt: LoginAttempt) async throws {
        try await read { db in
            try await db.execute(
                """
                INSERT INTO login_attempt (username, at, succeeded, remote_address)
                VALUES (\(attempt.username), \(attempt.at), \(attempt.succeeded), \(attempt.remoteAddress))
                """)
        }
    }

    public func recentFailedAttempts(username: String, since: Date) async throws -> Int {
        try await read { db in
            try await db.value("SELECT count(*) FROM login_attempt WHERE username = \(username) AND at >= \(since) AND NOT succeeded", as: Int.self)
                ?? 0
        }
    }

    public func recentFailedAttempts(address: String, since: Date) async throws -> Int {
        try await read { db in
            try await db.value(
                "SELECT count(*) FROM login_attempt WHERE remote_address = \(address) AND at >= \(since) AND NOT succeeded", as: Int.self)
                ?? 0
        }
    }

    /// One statement for all records (a worker list shows many NIKs at once).
    public func logAccess(_ records: [AccessRecord]) async throws {
        guard !records.isEmpty else { return }
        try await read { db in
            try await db.execute(
                """
                INSERT INTO access_log (at, actor, entity, entity_key, reason)
                SELECT * FROM unnest(\(records.map(\.at))::timestamptz[], \(records.map(\.actor))::text[], \(records.map(\.entity))::text[],
                                     \(records.map(\.entityKey))::text[], \(records.map(\.reason))::text[])
                """)
        }
    }

    public func accessLog(entity: String, key: String) async throws -> [AccessLogEntry] {
        try await read { db in
            try await db.rows(
                "SELECT id, at, actor, entity, entity_key, reason FROM access_log WHERE entity = \(entity) AND entity_key = \(key) ORDER BY id"
            ).map { row in
                let (id, at, actor, entity, entityKey, reason) = try row.decode((Int64, Date, String, String, String, String).self)
                return AccessLogEntry(id: id, record: AccessRecord(at: at, actor: actor, entity: entity, entityKey: entityKey, reason: reason))
            }
        }
    }
}
