/// Migration 0007 on SQLite: employer compliance (docs/compliance.md). The licence list, the findings a scan
/// stores (one open finding per kind and subject), the sanction ladder's history and the query log of the
/// licensing offices' API; the last two are append-only. Agencies' non-ASN headcounts stay in
/// `non_asn_roster` (migration 0003).
enum SQLiteComplianceSchema {
    static let sql = """
        CREATE TABLE business_licence (
            nib TEXT PRIMARY KEY CHECK (length(nib) = 13),
            name TEXT NOT NULL CHECK (name <> ''),
            region_code TEXT NOT NULL CHECK (length(region_code) IN (2, 4)),
            sector TEXT NOT NULL,
            headcount INTEGER NOT NULL CHECK (headcount >= 0),
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL CHECK (updated_by <> '')
        ) WITHOUT ROWID;
        CREATE INDEX business_licence_region ON business_licence(region_code);
        CREATE TABLE compliance_finding (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('not_registered', 'pds_tk', 'pds_upah', 'pds_program', 'arrears_over_3_months')),
            subject TEXT NOT NULL CHECK (length(subject) IN (8, 13)),
            employer_id INTEGER REFERENCES employer(id),
            nib TEXT,
            region_code TEXT NOT NULL CHECK (length(region_code) IN (2, 4)),
            evidence TEXT NOT NULL CHECK (json_valid(evidence)),
            rule TEXT NOT NULL CHECK (rule <> ''),
            opened_on TEXT NOT NULL CHECK (date(opened_on) IS opened_on),
            cured_on TEXT CHECK (cured_on IS NULL OR date(cured_on) IS cured_on),
            last_seen_on TEXT NOT NULL CHECK (date(last_seen_on) IS last_seen_on),
            stage TEXT NOT NULL CHECK (stage IN ('warning_1', 'warning_2', 'fine', 'denial_requested', 'resolved')),
            stage_entered_on TEXT NOT NULL CHECK (date(stage_entered_on) IS stage_entered_on),
            stage_due_on TEXT CHECK (stage_due_on IS NULL OR date(stage_due_on) IS stage_due_on),
            CHECK (cured_on IS NULL OR cured_on >= opened_on),
            CHECK ((cured_on IS NULL) = (stage <> 'resolved')),
            CHECK ((kind = 'not_registered') = (employer_id IS NULL))
        );
        CREATE UNIQUE INDEX compliance_finding_open ON compliance_finding(kind, subject) WHERE cured_on IS NULL;
        CREATE INDEX compliance_finding_subject ON compliance_finding(subject);
        CREATE INDEX compliance_finding_region ON compliance_finding(region_code, cured_on);
        CREATE TABLE compliance_sanction (
            id INTEGER PRIMARY KEY,
            finding_id INTEGER NOT NULL REFERENCES compliance_finding(id),
            stage TEXT NOT NULL CHECK (stage IN ('warning_1', 'warning_2', 'fine', 'denial_requested', 'resolved')),
            entered_on TEXT NOT NULL CHECK (date(entered_on) IS entered_on),
            due_on TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
            fine INTEGER CHECK (fine IS NULL OR fine >= 0),
            recorded_at TEXT NOT NULL,
            actor TEXT NOT NULL CHECK (actor <> ''),
            UNIQUE (finding_id, stage)
        );
        CREATE TABLE compliance_query_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            client TEXT NOT NULL CHECK (client <> ''),
            identifier TEXT NOT NULL,
            status TEXT NOT NULL,
            operation TEXT NOT NULL CHECK (operation <> '')
        );
        CREATE INDEX compliance_query_log_identifier ON compliance_query_log(identifier);
        CREATE TRIGGER compliance_sanction_no_update BEFORE UPDATE ON compliance_sanction
        BEGIN SELECT RAISE(ABORT, 'compliance_sanction is append-only'); END;
        CREATE TRIGGER compliance_sanction_no_delete BEFORE DELETE ON compliance_sanction
        BEGIN SELECT RAISE(ABORT, 'compliance_sanction is append-only'); END;
        CREATE TRIGGER compliance_query_log_no_update BEFORE UPDATE ON compliance_query_log
        BEGIN SELECT RAISE(ABORT, 'compliance_query_log is append-only'); END;
        CREATE TRIGGER compliance_query_log_no_delete BEFORE DELETE ON compliance_query_log
        BEGIN SELECT RAISE(ABORT, 'compliance_query_log is append-only'); END;
        """
}
