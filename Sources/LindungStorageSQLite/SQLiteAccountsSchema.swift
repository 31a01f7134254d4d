/// Migration 0006 on SQLite: who logs in (`app_user`, bcrypt hashes), who calls the API with a token
/// (`api_client`, SHA-256 of the token), login attempts for throttling, and the append-only `access_log` of
/// full-NIK views (docs/server.md). `audit_log` stays as shipped: its CHECKs admit changes only.
enum SQLiteAccountsSchema {
    static let sql = """
        CREATE TABLE app_user (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE CHECK (username <> ''),
            password_hash TEXT NOT NULL CHECK (password_hash LIKE '$2%'),
            role TEXT NOT NULL CHECK (role IN ('administrator', 'regional_officer', 'agency_operator', 'branch_officer', 'employer', 'auditor')),
            scope TEXT CHECK (scope IS NULL OR scope <> ''),
            created_at TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            CHECK ((role IN ('regional_officer', 'agency_operator', 'branch_officer', 'employer')) = (scope IS NOT NULL))
        );
        CREATE TABLE api_client (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
            role TEXT NOT NULL CHECK (role IN ('administrator', 'regional_officer', 'agency_operator', 'branch_officer', 'employer', 'auditor',
                                             'system_client')),
            scope TEXT CHECK (scope IS NULL OR scope <> ''),
            grants TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(grants) AND json_type(grants) = 'array'),
            created_at TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            CHECK ((role IN ('regional_officer', 'agency_operator', 'branch_officer', 'employer')) = (scope IS NOT NULL)),
            CHECK (role = 'system_client' OR grants = '[]')
        );
        CREATE TABLE login_attempt (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL,
            at TEXT NOT NULL,
            succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
            remote_address TEXT
        );
        CREATE INDEX login_attempt_username ON login_attempt(username, at);
        CREATE INDEX login_attempt_address ON login_attempt(remote_address, at);
        CREATE TABLE access_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL CHECK (actor <> ''),
            entity TEXT NOT NULL CHECK (entity IN ('person')),
            entity_key TEXT NOT NULL CHECK (entity_key <> ''),
            reason TEXT NOT NULL CHECK (reason <> '')
        );
        CREATE INDEX access_log_entity ON access_log(entity, entity_key);
        -- Append-only, like audit_log.
        CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
        BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
        CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
        BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
        """
}
