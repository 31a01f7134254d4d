/// Migration 0012 on PostgreSQL: the same login sessions table as `SQLiteSessionsSchema`.
enum PostgresSessionsSchema {
    static let statements: [String] = [
        """
        CREATE TABLE app_session (
            id_sha256 TEXT PRIMARY KEY CHECK (length(id_sha256) = 64),
            csrf_token TEXT NOT NULL CHECK (csrf_token <> ''),
            username TEXT NOT NULL CHECK (username <> ''),
            role TEXT NOT NULL CHECK (role IN ('administrator', 'regional_officer', 'agency_operator', 'branch_officer', 'employer', 'auditor')),
            scope TEXT CHECK (scope IS NULL OR scope <> ''),
            created_at TIMESTAMPTZ NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL CHECK (expires_at > created_at)
        )
        """,
        "CREATE INDEX app_session_expiry ON app_session(expires_at)",
    ]
}
