/// Migration 0009 on SQLite: the JHT ledger, the yearly return rates, claims, their documents and every
/// step of their history (docs/claims.md).
enum SQLiteClaimsSchema {
    static let sql = """
        CREATE TABLE jht_return_rate (
            year INTEGER PRIMARY KEY CHECK (year BETWEEN 2015 AND 2100),
            micropercent INTEGER NOT NULL CHECK (micropercent >= 0),
            entered_by TEXT NOT NULL CHECK (entered_by <> ''),
            entered_at TEXT NOT NULL
        );
        -- One ledger per person, whatever the employer. (person, kind, reference) is unique: a bill's
        -- credit, a year's return ('return:2025') and a claim's withdrawal are each posted once.
        -- Keyed by person first, so the year-end GROUP BY reads it in order without sorting.
        CREATE TABLE jht_ledger (
            person_id INTEGER NOT NULL REFERENCES person(id),
            kind TEXT NOT NULL CHECK (kind IN ('contribution', 'return', 'withdrawal')),
            reference TEXT NOT NULL CHECK (reference <> ''),
            entry_date TEXT NOT NULL CHECK (date(entry_date) IS entry_date),
            amount INTEGER NOT NULL CHECK (amount <> 0),
            employer_npp TEXT,
            CHECK ((kind = 'withdrawal') = (amount < 0)),
            PRIMARY KEY (person_id, kind, reference)
        ) WITHOUT ROWID;
        CREATE TABLE claim (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL CHECK (type IN ('jkm', 'jkk', 'jht', 'jkp', 'jp')),
            detail TEXT NOT NULL,
            person_id INTEGER NOT NULL REFERENCES person(id),
            event_date TEXT NOT NULL CHECK (date(event_date) IS event_date),
            submitted_by TEXT NOT NULL CHECK (submitted_by <> ''),
            submitter_role TEXT NOT NULL CHECK (submitter_role IN ('worker', 'heir', 'employer', 'officer')),
            status TEXT NOT NULL CHECK (status IN ('submitted', 'verified', 'approved', 'paid', 'rejected')),
            verified_by TEXT,
            approved_by TEXT,
            amount INTEGER NOT NULL CHECK (amount >= 0),
            payer TEXT NOT NULL CHECK (payer IN ('bpjs', 'employer')),
            rejection_reason TEXT,
            payment_reference TEXT UNIQUE,
            round INTEGER NOT NULL CHECK (round >= 1),
            submitted_at TEXT NOT NULL,
            -- Maker-checker in the schema too: the approver is never the verifier.
            CHECK (approved_by IS NULL OR verified_by IS NULL OR approved_by <> verified_by),
            CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL))
        );
        CREATE INDEX claim_queue ON claim(status, submitted_at);
        CREATE INDEX claim_person ON claim(person_id);
        CREATE TABLE claim_document (
            id INTEGER PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claim(id),
            kind TEXT NOT NULL,
            file_name TEXT NOT NULL,
            content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
            size INTEGER NOT NULL CHECK (size > 0),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            path TEXT,
            content BLOB,
            CHECK ((path IS NULL) <> (content IS NULL))
        );
        CREATE INDEX claim_document_claim ON claim_document(claim_id);
        CREATE TABLE claim_event (
            id INTEGER PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claim(id),
            action TEXT NOT NULL CHECK (action IN ('submit', 'verify', 'approve', 'pay', 'reject', 'resubmit')),
            actor TEXT NOT NULL CHECK (actor <> ''),
            status_after TEXT NOT NULL,
            note TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX claim_event_claim ON claim_event(claim_id);
        CREATE TRIGGER claim_event_no_update BEFORE UPDATE ON claim_event BEGIN SELECT RAISE(ABORT, 'claim_event is append-only'); END;
        CREATE TRIGGER claim_event_no_delete BEFORE DELETE ON claim_event BEGIN SELECT RAISE(ABORT, 'claim_event is append-only'); END;
        CREATE TRIGGER jht_ledger_no_update BEFORE UPDATE ON jht_ledger BEGIN SELECT RAISE(ABORT, 'jht_ledger is append-only'); END;
        CREATE TRIGGER jht_ledger_no_delete BEFORE DELETE ON jht_ledger BEGIN SELECT RAISE(ABORT, 'jht_ledger is append-only'); END;
        """
}
