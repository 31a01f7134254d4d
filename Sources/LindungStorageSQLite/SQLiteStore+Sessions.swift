public import Foundation
import GRDB
public import LindungStorage

/// Login sessions (migration 0012).
extension SQLiteStore {
    public func addSession(_ session: SessionRecord) async throws {
        try await mapped {
            try await writer.write { db in
                // Expired sessions go as new ones come, so the table never outgrows the logins of a day.
                try db.execute(sql: "DELETE FROM app_session WHERE expires_at <= ?", arguments: [session.createdAt])
                try db.execute(
                    sql: """
                        INSERT INTO app_session (id_sha256, csrf_token, username, role, scope, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [session.idHash, session.csrfToken, session.username, session.role, session.scope, session.createdAt, session.expiresAt])
            }
        }
    }

    public func session(idHash: String, now: Date) async throws -> SessionRecord? {
        try await mapped {
            try await writer.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM app_session WHERE id_sha256 = ? AND expires_at > ?", arguments: [idHash, now]).map { row in
                    SessionRecord(
                        idHash: row["id_sha256"], csrfToken: row["csrf_token"], username: row["username"], role: row["role"], scope: row["scope"],
                        createdAt: row["created_at"], expiresAt: row["expires_at"])
                }
            }
        }
    }

    public func removeSession(idHash: String) async throws {
        try await mapped {
            try await writer.write { db in try db.execute(sql: "DELETE FROM app_session WHERE id_sha256 = ?", arguments: [idHash]) }
        }
    }
}
