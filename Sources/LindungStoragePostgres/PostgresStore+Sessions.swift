public import Foundation
public import LindungStorage
import PostgresNIO

/// Login sessions (migration 0012): the same behaviour as `SQLiteStore+Sessions`.
extension PostgresStore {
    public func addSession(_ session: SessionRecord) async throws {
        try await transaction { db in
            // Expired sessions go as new ones come, so the table never outgrows the logins of a day.
            try await db.execute("DELETE FROM app_session WHERE expires_at <= \(session.createdAt)")
            try await db.execute(
                """
                INSERT INTO app_session (id_sha256, csrf_token, username, role, scope, created_at, expires_at)
                VALUES (\(session.idHash), \(session.csrfToken), \(session.username), \(session.role), \(session.scope),
                        \(session.createdAt), \(session.expiresAt))
                """)
        }
    }

    public func session(idHash: String, now: Date) async throws -> SessionRecord? {
        try await read { db in
            try await db.rows(
                """
                SELECT id_sha256, csrf_token, username, role, scope, created_at, expires_at FROM app_session
                WHERE id_sha256 = \(idHash) AND expires_at > \(now)
                """
            ).first.map { row in
                let (hash, csrf, username, role, scope, created, expires) = try row.decode((String, String, String, String, String?, Date, Date).self)
                return SessionRecord(idHash: hash, csrfToken: csrf, username: username, role: role, scope: scope, createdAt: created, expiresAt: expires)
            }
        }
    }

    public func removeSession(idHash: String) async throws {
        try await read { db in try await db.execute("DELETE FROM app_session WHERE id_sha256 = \(idHash)") }
    }
}
