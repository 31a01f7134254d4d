/// Migration 0005 on SQLite: bills and what pays them (docs/billing.md). Everything here is append-only
/// (triggers refuse UPDATE and DELETE): an issued bill never changes, a correction is a new bill.
enum SQLiteBillingSchema {
    static let immutableTables = ["billing_tariff", "bill_snapshot", "bill", "bill_line", "payment", "allocation", "late_fine", "fine_charge", "bpu_prepaid"]

    static let sql = """
        -- The billing pass asks for the few persons at or past the pension age (JP stops, ruling 12).
        CREATE INDEX person_birth_date ON person(birth_date);
        CREATE TABLE billing_tariff (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL CHECK (length(month) = 7),
            tariff TEXT NOT NULL CHECK (json_valid(tariff)),
            UNIQUE (month, tariff)
        );
        -- One employer's workers for one month as billed: packed WorkerBasis entries (WorkerSnapshotCodec).
        CREATE TABLE bill_snapshot (
            id INTEGER PRIMARY KEY,
            employer_id INTEGER NOT NULL REFERENCES employer(id),
            month TEXT NOT NULL,
            tariff_id INTEGER NOT NULL REFERENCES billing_tariff(id),
            risk_class INTEGER NOT NULL CHECK (risk_class BETWEEN 1 AND 5),
            region_programs INTEGER NOT NULL,
            workers INTEGER NOT NULL CHECK (workers >= 0),
            data BLOB NOT NULL
        );
        CREATE TABLE bill (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            employer_id INTEGER NOT NULL REFERENCES employer(id),
            month TEXT NOT NULL CHECK (length(month) = 7),
            debtor_kind TEXT NOT NULL CHECK (debtor_kind IN ('employer', 'region', 'government', 'participant')),
            debtor_key TEXT NOT NULL CHECK (debtor_key <> ''),
            kind TEXT NOT NULL CHECK (kind IN ('regular', 'adjustment', 'prepaid')),
            adjusts_bill_id INTEGER REFERENCES bill(id),
            snapshot_id INTEGER REFERENCES bill_snapshot(id),
            issued_on TEXT NOT NULL CHECK (date(issued_on) IS issued_on),
            due_date TEXT NOT NULL CHECK (date(due_date) IS due_date),
            workers INTEGER NOT NULL CHECK (workers >= 0),
            jkp_from_jkk INTEGER NOT NULL DEFAULT 0,
            jkp_from_jkm INTEGER NOT NULL DEFAULT 0,
            contribution INTEGER NOT NULL,
            fine INTEGER NOT NULL DEFAULT 0 CHECK (fine >= 0),
            total INTEGER NOT NULL,
            issued_by TEXT NOT NULL CHECK (issued_by <> ''),
            CHECK (total = contribution + fine),
            CHECK ((kind = 'adjustment') = (adjusts_bill_id IS NOT NULL)),
            CHECK (kind = 'adjustment' OR contribution >= 0)
        );
        CREATE UNIQUE INDEX bill_one_regular ON bill(month, employer_id, debtor_kind, debtor_key) WHERE kind = 'regular';
        CREATE INDEX bill_month ON bill(month, employer_id);
        CREATE INDEX bill_debtor ON bill(debtor_kind, debtor_key, month);
        CREATE TABLE bill_line (
            bill_id INTEGER NOT NULL REFERENCES bill(id),
            payer TEXT NOT NULL CHECK (payer IN ('employer', 'worker', 'government', 'participant', 'region')),
            program TEXT NOT NULL CHECK (program IN ('JKK', 'JKM', 'JHT', 'JP', 'JKP', 'JKK+JKM')),
            amount INTEGER NOT NULL CHECK (amount <> 0),
            PRIMARY KEY (bill_id, payer, program)
        ) WITHOUT ROWID;
        CREATE TABLE payment (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE CHECK (reference <> ''),
            bill_id INTEGER NOT NULL REFERENCES bill(id),
            debtor_kind TEXT NOT NULL,
            debtor_key TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            paid_on TEXT NOT NULL CHECK (date(paid_on) IS paid_on),
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL CHECK (recorded_by <> '')
        );
        CREATE INDEX payment_debtor ON payment(debtor_kind, debtor_key);
        -- Money moved from a payment (or a credit note: a negative adjustment bill) onto a bill.
        CREATE TABLE allocation (
            id INTEGER PRIMARY KEY,
            payment_id INTEGER REFERENCES payment(id),
            credit_bill_id INTEGER REFERENCES bill(id),
            bill_id INTEGER NOT NULL REFERENCES bill(id),
            amount INTEGER NOT NULL CHECK (amount > 0),
            toward_contribution INTEGER NOT NULL CHECK (toward_contribution BETWEEN 0 AND amount),
            months_late INTEGER NOT NULL CHECK (months_late >= 0),
            CHECK ((payment_id IS NULL) <> (credit_bill_id IS NULL))
        );
        CREATE INDEX allocation_bill ON allocation(bill_id);
        CREATE INDEX allocation_payment ON allocation(payment_id);
        CREATE INDEX allocation_credit ON allocation(credit_bill_id);
        -- A late allocation's fine (ruling 5), waiting to be charged on the debtor's next bill.
        CREATE TABLE late_fine (
            id INTEGER PRIMARY KEY,
            allocation_id INTEGER NOT NULL UNIQUE REFERENCES allocation(id),
            bill_id INTEGER NOT NULL REFERENCES bill(id),
            debtor_kind TEXT NOT NULL,
            debtor_key TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            months_late INTEGER NOT NULL CHECK (months_late > 0)
        );
        CREATE INDEX late_fine_debtor ON late_fine(debtor_kind, debtor_key);
        CREATE TABLE fine_charge (
            fine_id INTEGER PRIMARY KEY REFERENCES late_fine(id),
            bill_id INTEGER NOT NULL REFERENCES bill(id)
        );
        -- A BPU month paid ahead: the billing run leaves that spell out of that month.
        CREATE TABLE bpu_prepaid (
            spell_id INTEGER NOT NULL REFERENCES spell(id),
            month TEXT NOT NULL,
            bill_id INTEGER NOT NULL REFERENCES bill(id),
            PRIMARY KEY (spell_id, month)
        ) WITHOUT ROWID;
        """ + immutableTables.map { table in
            """

            CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
            CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
            """
        }.joined()
}
