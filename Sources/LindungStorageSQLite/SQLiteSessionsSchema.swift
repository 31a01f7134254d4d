/// Migration 0012 on SQLite: login sessions (docs/server.md, "Logging in"), by the SHA-256 of the cookie's
/// id. Times are GRDB's `Date` text, which sorts as it reads.
enum SQLiteSessionsSchema {
    static let sql = """
        CREATE TABLE app_session (
            id_sha256 TEXT PRIMARY KEY CHECK (length(id_sha256) = 64),
            csrf_token TEXT NOT NULL CHECK (csrf_token <> ''),
            username TEXT NOT NULL CHECK (username <> ''),
            role TEXT NOT NULL CHECK (role IN ('administrator', 'regional_officer', 'agency_operator', 'branch_officer', 'employer', 'auditor')),
            scope TEXT CHECK (scope IS NULL OR scope <> ''),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL CHECK (expires_at > created_at)
        );
        CREATE INDEX app_session_expiry ON app_session(expires_at);
        """
}
