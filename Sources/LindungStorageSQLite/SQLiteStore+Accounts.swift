public import Foundation
import GRDB
public import LindungStorage

/// Users, API clients, login attempts and the access log (migration 0006). Times are GRDB's `Date` text
/// (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), which sorts as it reads, so `at >= ?` compares correctly.
extension SQLiteStore {
    public func addUser(_ user: UserRecord) async throws {
        try await mapped {
            try await writer.write { db in
                try db.execute(
                    sql: "INSERT INTO app_user (username, password_hash, role, scope, created_at, disabled) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [user.username, user.passwordHash, user.role, user.scope, user.createdAt, user.disabled])
            }
        }
    }

    public func user(username: String) async throws -> UserRecord? {
        try await mapped {
            try await writer.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM app_user WHERE username = ?", arguments: [username]).map { row in
                    UserRecord(
                        username: row["username"], passwordHash: row["password_hash"], role: row["role"], scope: row["scope"],
                        createdAt: row["created_at"], disabled: row["disabled"])
                }
            }
        }
    }

    public func addAPIClient(_ client: APIClientRecord) async throws {
        let grants = String(decoding: try JSONEncoder().encode(client.grants), as: UTF8.self)
        try await mapped {
            try await writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO api_client (name, token_sha256, role, scope, grants, created_at, disabled) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [client.name, client.tokenHash, client.role, client.scope, grants, client.createdAt, client.disabled])
            }
        }
    }

    public func apiClient(tokenHash: String) async throws -> APIClientRecord? {
        if let reads { return try reads.read { try Self.fastAPIClient($0, tokenHash: tokenHash) } }
        return try await apiClientThroughPool(tokenHash: tokenHash)
    }

    func apiClientThroughPool(tokenHash: String) async throws -> APIClientRecord? {
        let row = try await mapped {
            try await writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM api_client WHERE token_sha256 = ?", arguments: [tokenHash]) }
        }
        guard let row else { return nil }
        let grantsText: String = row["grants"]
        let grants = try JSONDecoder().decode([String].self, from: Data(grantsText.utf8))
        return APIClientRecord(
            name: row["name"], tokenHash: row["token_sha256"], role: row["role"], scope: row["scope"], grants: grants, createdAt: row["created_at"],
            disabled: row["disabled"])
    }

    public func accountCounts() async throws -> (users: Int, apiClients: Int) {
        try await mapped {
            try await writer.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM api_client") ?? 0)
            }
        }
    }

    public func recordLoginAttempt(_ attempt: LoginAttempt) async throws {
        try await mapped {
            try await writer.write { db in
                try db.execute(
                    sql: "INSERT INTO login_attempt (username, at, succeeded, remote_address) VALUES (?, ?, ?, ?)",
                    arguments: [attempt.username, attempt.at, attempt.succeeded, attempt.remoteAddress])
            }
        }
    }

    public func recentFailedAttempts(username: String, since: Date) async throws -> Int {
        try await mapped {
            try await writer.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM login_attempt WHERE username = ? AND at >= ? AND NOT succeeded", arguments: [username, since]) ?? 0
            }
        }
    }

    public func recentFailedAttempts(address: String, since: Date) async throws -> Int {
        try await mapped {
            try await writer.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM login_attempt WHERE remote_address = ? AND at >= ? AND NOT succeeded", arguments: [address, since])
                    ?? 0
            }
        }
    }

    public func logAccess(_ records: [AccessRecord]) async throws {
        guard !records.isEmpty else { return }
        try await mapped {
            try await writer.write { db in
                let statement = try db.makeStatement(sql: "INSERT INTO access_log (at, actor, entity, entity_key, reason) VALUES (?, ?, ?, ?, ?)")
                for record in records {
                    try statement.execute(arguments: [record.at, record.actor, record.entity, record.entityKey, record.reason])
                }
            }
        }
    }

    public func accessLog(entity: String, key: String) async throws -> [AccessLogEntry] {
        try await mapped {
            try await writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM access_log WHERE entity = ? AND entity_key = ? ORDER BY id", arguments: [entity, key]).map {
                    row in
                    AccessLogEntry(
                        id: row["id"],
                        record: AccessRecord(
                            at: row["at"], actor: row["actor"], entity: row["entity"], entityKey: row["entity_key"], reason: row["reason"]))
                }
            }
        }
    }
}
