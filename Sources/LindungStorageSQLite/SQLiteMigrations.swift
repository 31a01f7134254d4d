import GRDB
import LindungStorage

/// The SQLite schema, one raw-SQL migration per name in `MigrationList`, never edited once shipped.
/// Invariants live here (NOT NULL, foreign keys, CHECKs, triggers), not only in Swift.
enum SQLiteMigrations {
    static let sql: [String: String] = [
        "0001_create_branch_office_and_employer": """
            CREATE TABLE branch_office (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE CHECK (code <> ''),
                name TEXT NOT NULL CHECK (name <> ''),
                kind TEXT NOT NULL CHECK (kind IN ('KC', 'KCP')),
                parent_code TEXT REFERENCES branch_office(code),
                CHECK (kind = 'KC' OR parent_code IS NOT NULL)
            );
            CREATE TABLE branch_region (
                branch_id INTEGER NOT NULL REFERENCES branch_office(id) ON DELETE CASCADE,
                region_code TEXT NOT NULL CHECK (length(region_code) IN (2, 4)),
                PRIMARY KEY (branch_id, region_code)
            );
            CREATE TABLE employer (
                id INTEGER PRIMARY KEY,
                npp TEXT NOT NULL UNIQUE CHECK (length(npp) = 8),
                kind TEXT NOT NULL CHECK (kind IN ('company', 'agency', 'construction_project', 'placement_agency')),
                name TEXT NOT NULL CHECK (name <> ''),
                nib TEXT UNIQUE CHECK (nib IS NULL OR length(nib) = 13),
                npwp TEXT CHECK (npwp IS NULL OR length(npwp) IN (15, 16)),
                region_code TEXT NOT NULL CHECK (length(region_code) IN (2, 4)),
                parent_region_code TEXT CHECK (parent_region_code IS NULL OR length(parent_region_code) IN (2, 4)),
                risk_class INTEGER NOT NULL CHECK (risk_class BETWEEN 1 AND 5),
                size_class TEXT NOT NULL CHECK (size_class IN ('micro', 'small', 'medium', 'large')),
                branch_id INTEGER REFERENCES branch_office(id),
                CHECK (kind <> 'agency' OR parent_region_code IS NOT NULL)
            );
            CREATE INDEX employer_region ON employer(region_code);
            """,
        "0002_create_person_spell_wage": """
            CREATE TABLE person (
                id INTEGER PRIMARY KEY,
                nik TEXT NOT NULL UNIQUE CHECK (length(nik) = 16),
                kpj TEXT NOT NULL UNIQUE CHECK (length(kpj) = 11),
                name TEXT NOT NULL CHECK (name <> ''),
                birth_date TEXT NOT NULL CHECK (date(birth_date) IS birth_date),
                sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
                domicile_region TEXT NOT NULL CHECK (length(domicile_region) IN (2, 4)),
                registered_on TEXT NOT NULL CHECK (date(registered_on) IS registered_on),
                -- The NIK encodes sex (day + 40 for women) and the birth date DDMMYY (digits 7-12).
                CHECK (sex = CASE WHEN CAST(substr(nik, 7, 2) AS INTEGER) > 40 THEN 'female' ELSE 'male' END),
                CHECK (CAST(substr(nik, 7, 2) AS INTEGER) - CASE WHEN sex = 'female' THEN 40 ELSE 0 END
                       = CAST(substr(birth_date, 9, 2) AS INTEGER)),
                CHECK (substr(nik, 9, 2) = substr(birth_date, 6, 2) AND substr(nik, 11, 2) = substr(birth_date, 3, 2))
            );
            CREATE TABLE spell (
                id INTEGER PRIMARY KEY,
                person_id INTEGER NOT NULL REFERENCES person(id),
                employer_id INTEGER NOT NULL REFERENCES employer(id),
                segment TEXT NOT NULL CHECK (segment IN ('pu', 'bpu', 'jakon', 'pmi')),
                programs TEXT NOT NULL CHECK (programs <> ''),
                non_asn_category TEXT CHECK (non_asn_category IN ('honorer', 'thl', 'ptt')),
                start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),
                end_date TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),
                exit_reason TEXT,
                CHECK (end_date IS NULL OR end_date >= start_date),
                CHECK (end_date IS NOT NULL OR exit_reason IS NULL)
            );
            CREATE INDEX spell_person ON spell(person_id);
            CREATE INDEX spell_employer ON spell(employer_id, start_date);
            CREATE UNIQUE INDEX spell_one_open ON spell(person_id, employer_id) WHERE end_date IS NULL;
            -- A non-ASN category belongs to a government agency's staff only.
            CREATE TRIGGER spell_category_needs_agency BEFORE INSERT ON spell
            WHEN NEW.non_asn_category IS NOT NULL
                 AND (SELECT kind FROM employer WHERE id = NEW.employer_id) <> 'agency'
            BEGIN SELECT RAISE(ABORT, 'a non-ASN category needs an agency employer'); END;
            CREATE TRIGGER spell_category_needs_agency_on_update BEFORE UPDATE OF non_asn_category, employer_id ON spell
            WHEN NEW.non_asn_category IS NOT NULL
                 AND (SELECT kind FROM employer WHERE id = NEW.employer_id) <> 'agency'
            BEGIN SELECT RAISE(ABORT, 'a non-ASN category needs an agency employer'); END;
            CREATE TABLE wage (
                spell_id INTEGER NOT NULL REFERENCES spell(id),
                effective_from TEXT NOT NULL CHECK (date(effective_from) IS effective_from),
                amount INTEGER NOT NULL CHECK (amount >= 0),
                PRIMARY KEY (spell_id, effective_from)
            ) WITHOUT ROWID;
            """,
        "0003_create_agreement_and_roster": """
            CREATE TABLE agreement (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE CHECK (number <> ''),
                kind TEXT NOT NULL CHECK (kind IN ('MoU', 'PKS')),
                region_code TEXT NOT NULL CHECK (length(region_code) IN (2, 4)),
                counterpart TEXT NOT NULL CHECK (counterpart <> ''),
                payer_group TEXT NOT NULL CHECK (payer_group IN ('non_asn', 'vulnerable', 'election_workers')),
                programs TEXT NOT NULL CHECK (programs <> ''),
                effective_from TEXT NOT NULL CHECK (date(effective_from) IS effective_from),
                effective_to TEXT CHECK (effective_to IS NULL OR date(effective_to) IS effective_to),
                CHECK (effective_to IS NULL OR effective_to >= effective_from)
            );
            CREATE TABLE non_asn_roster (
                employer_id INTEGER NOT NULL REFERENCES employer(id),
                as_of TEXT NOT NULL CHECK (date(as_of) IS as_of),
                category TEXT NOT NULL CHECK (category IN ('honorer', 'thl', 'ptt')),
                headcount INTEGER NOT NULL CHECK (headcount >= 0),
                PRIMARY KEY (employer_id, as_of, category)
            );
            """,
        "0004_create_audit_log": """
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL CHECK (actor <> ''),
                entity TEXT NOT NULL CHECK (entity IN ('person', 'employer', 'spell', 'wage')),
                entity_key TEXT NOT NULL,
                action TEXT NOT NULL CHECK (action IN ('create', 'update', 'close')),
                before TEXT,
                after TEXT
            );
            CREATE INDEX audit_entity ON audit_log(entity, entity_key);
            -- Append-only: no code path may change or remove what was logged.
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            """,
        "0005_create_billing": SQLiteBillingSchema.sql,
        "0006_create_accounts": SQLiteAccountsSchema.sql,
        "0008_create_coverage": SQLiteCoverageSchema.sql,
        "0007_create_compliance": SQLiteComplianceSchema.sql,
        "0009_create_claims": SQLiteClaimsSchema.sql,
        "0011_employer_name_search": SQLiteEmployerSearchSchema.sql,
        "0012_create_sessions": SQLiteSessionsSchema.sql,
    ]

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for name in MigrationList.names {
            guard let sql = sql[name] else { preconditionFailure("no SQLite migration for \(name)") }
            migrator.registerMigration(name) { db in try db.execute(sql: sql) }
        }
        return migrator
    }
}
