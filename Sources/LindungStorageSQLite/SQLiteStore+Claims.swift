import Foundation
import GRDB
public import LindungCore
public import LindungStorage

/// Claims and the JHT ledger on SQLite (migration 0009). The bulk paths (credits from paid bills, the
/// year-end return) are one INSERT … SELECT each; the same SQL, in PostgreSQL's dialect, in the other store.
extension SQLiteStore: ClaimStore {
    public func submitClaim(_ claim: ClaimRecord, documents: [ClaimDocumentRecord], actor: String) async throws {
        let at = timestamp()
        try await mapped {
            try await writer.write { db in
                let personID = try Self.personID(db, nik: claim.nik)
                try db.execute(
                    sql: """
                        INSERT INTO claim (id, type, detail, person_id, event_date, submitted_by, submitter_role, status, verified_by,
                          approved_by, amount, payer, rejection_reason, payment_reference, round, submitted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        claim.id, claim.type, claim.detail, personID, claim.eventDate.iso, claim.submittedBy, claim.submitterRole,
                        claim.status, claim.verifiedBy, claim.approvedBy, claim.amount, claim.payer, claim.rejectionReason,
                        claim.paymentReference, claim.round, at,
                    ])
                try Self.insertDocuments(db, claimID: claim.id, documents)
                try Self.insertEvent(db, claimID: claim.id, ClaimEventRecord(action: "submit", actor: actor, statusAfter: claim.status, note: nil), at: at)
            }
        }
    }

    public func claim(id: String) async throws -> ClaimRecord? {
        try await mapped {
            try await writer.read { db in
                try Row.fetchOne(db, sql: Self.claimSelect + " WHERE c.id = ?", arguments: [id]).map(Self.claimRecord)
            }
        }
    }

    public func claims(status: String?, limit: Int) async throws -> [ClaimRecord] {
        try await mapped {
            try await writer.read { db in
                let filter = status == nil ? "" : " WHERE c.status = :status"
                return try Row.fetchAll(
                    db, sql: Self.claimSelect + filter + " ORDER BY c.submitted_at, c.id LIMIT :limit",
                    arguments: ["status": status, "limit": limit]
                ).map(Self.claimRecord)
            }
        }
    }

    public func claimDocuments(id: String) async throws -> [ClaimDocumentRecord] {
        try await mapped {
            try await writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT kind, file_name, content_type, size, sha256, path, content FROM claim_document WHERE claim_id = ? ORDER BY id",
                    arguments: [id]
                ).map { row in
                    ClaimDocumentRecord(
                        kind: row["kind"], fileName: row["file_name"], contentType: row["content_type"], size: row["size"],
                        sha256: row["sha256"], path: row["path"], content: row["content"])
                }
            }
        }
    }

    public func claimEvents(id: String) async throws -> [ClaimEventRecord] {
        try await mapped {
            try await writer.read { db in
                try Row.fetchAll(db, sql: "SELECT action, actor, status_after, note, at FROM claim_event WHERE claim_id = ? ORDER BY id", arguments: [id])
                    .map { ClaimEventRecord(action: $0["action"], actor: $0["actor"], statusAfter: $0["status_after"], note: $0["note"], at: $0["at"]) }
            }
        }
    }

    public func applyClaimStep(_ updated: ClaimRecord, expectedStatus: String, event: ClaimEventRecord, documents: [ClaimDocumentRecord])
        async throws
    {
        let at = timestamp()
        try await mapped {
            try await writer.write { db in
                try db.execute(
                    sql: """
                        UPDATE claim SET status = ?, verified_by = ?, approved_by = ?, amount = ?, payer = ?, rejection_reason = ?,
                          payment_reference = ?, round = ?, detail = ?, event_date = ?
                        WHERE id = ? AND status = ?
                        """,
                    arguments: [
                        updated.status, updated.verifiedBy, updated.approvedBy, updated.amount, updated.payer, updated.rejectionReason,
                        updated.paymentReference, updated.round, updated.detail, updated.eventDate.iso, updated.id, expectedStatus,
                    ])
                guard db.changesCount == 1 else {
                    throw StoreError.conflict("claim \(updated.id) is no longer \(expectedStatus)")
                }
                try Self.insertDocuments(db, claimID: updated.id, documents)
                try Self.insertEvent(db, claimID: updated.id, event, at: at)
            }
        }
    }

    public func setJHTReturnRate(year: Int, micropercent: Int64, actor: String) async throws {
        let at = timestamp()
        try await mapped {
            try await writer.write { db in
                let posted = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM jht_ledger WHERE kind = 'return' AND entry_date = ?)",
                    arguments: ["\(year)-12-31"]) ?? false
                if posted { throw StoreError.conflict("the \(year) return is already posted; its rate cannot change") }
                try db.execute(
                    sql: """
                        INSERT INTO jht_return_rate (year, micropercent, entered_by, entered_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (year) DO UPDATE SET micropercent = excluded.micropercent, entered_by = excluded.entered_by,
                          entered_at = excluded.entered_at
                        """, arguments: [year, micropercent, actor, at])
            }
        }
    }

    public func jhtReturnRate(year: Int) async throws -> Int64? {
        try await mapped {
            try await writer.read { db in try Int64.fetchOne(db, sql: "SELECT micropercent FROM jht_return_rate WHERE year = ?", arguments: [year]) }
        }
    }

    @discardableResult
    public func recordJHTEntries(nik: String, _ entries: [JHTEntryRecord]) async throws -> Int {
        try await mapped {
            try await writer.write { db in
                let personID = try Self.personID(db, nik: nik)
                var added = 0
                for entry in entries {
                    try db.execute(
                        sql: """
                            INSERT INTO jht_ledger (person_id, kind, reference, entry_date, amount, employer_npp) VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT DO NOTHING
                            """, arguments: [personID, entry.kind, entry.reference, entry.date.iso, entry.amount, entry.employer])
                    added += db.changesCount
                }
                return added
            }
        }
    }

    public func creditJHTFromPaidBills(month: YearMonth, employerMicropercent: Int64, workerMicropercent: Int64) async throws -> Int {
        try await mapped {
            try await writer.write { db in
                try db.execute(sql: Self.creditSQL, arguments: [
                    "month": month.description, "first": month.firstDay.iso, "last": month.lastDay.iso,
                    "employer": employerMicropercent, "worker": workerMicropercent,
                ])
                return db.changesCount
            }
        }
    }

    public func postJHTReturn(year: Int) async throws -> Int {
        try await mapped {
            try await writer.write { db in
                guard let micropercent = try Int64.fetchOne(db, sql: "SELECT micropercent FROM jht_return_rate WHERE year = ?", arguments: [year]) else {
                    throw StoreError.notFound("a JHT return rate for \(year) (lindung jht rate set --year \(year) --percent …)")
                }
                try db.execute(sql: Self.returnSQL, arguments: [
                    "reference": "return:\(year)", "start": "\(year)-01-01", "end": "\(year)-12-31", "micro": micropercent,
                ])
                return db.changesCount
            }
        }
    }

    public func jhtEntries(nik: String) async throws -> [JHTEntryRecord] {
        try await mapped {
            try await writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT l.entry_date, l.kind, l.amount, l.employer_npp, l.reference FROM jht_ledger l JOIN person p ON p.id = l.person_id
                        WHERE p.nik = ? ORDER BY l.entry_date, l.reference
                        """, arguments: [nik]
                ).map { row in
                    JHTEntryRecord(
                        date: CalendarDate(iso: row["entry_date"] as String)!, kind: row["kind"], amount: row["amount"],
                        employer: row["employer_npp"], reference: row["reference"])
                }
            }
        }
    }

    /// The year's return for every ledger (JHTLedger.yearReturn in SQL): Σ amount × months held in the year
    /// (12 for a balance brought in, 12 − m for month m), × rate / 12, rounded half-up:
    /// (w × micro × 2 + 12·10⁸) / (2 · 12·10⁸). The year's own return is left out of w, so a second run
    /// computes the same rows and the primary key ignores them.
    static let returnSQL = """
        INSERT OR IGNORE INTO jht_ledger (person_id, kind, reference, entry_date, amount, employer_npp)
        SELECT person_id, 'return', :reference, :end, (w * :micro * 2 + 1200000000) / 2400000000, NULL
        FROM (
          SELECT person_id,
                 SUM(amount * CASE WHEN entry_date < :start THEN 12 ELSE 12 - CAST(substr(entry_date, 6, 2) AS INTEGER) END) AS w
          FROM jht_ledger
          WHERE entry_date <= :end AND NOT (kind = 'return' AND entry_date >= :end)
          GROUP BY person_id
        )
        WHERE (w * :micro * 2 + 1200000000) / 2400000000 > 0
        """

    /// JHT shares of PU workers on the month's regular employer bills whose contribution is paid in full,
    /// credited on the date of the last payment toward it, each share rounded half-up as on the bill (ruling 1).
    static let creditSQL = """
        INSERT OR IGNORE INTO jht_ledger (person_id, kind, reference, entry_date, amount, employer_npp)
        SELECT s.person_id, 'contribution', b.number || ':' || s.id, paid.paid_on,
               (w.amount * :employer * 2 + 100000000) / 200000000 + (w.amount * :worker * 2 + 100000000) / 200000000, e.npp
        FROM bill b
        JOIN (SELECT a.bill_id, MAX(p.paid_on) AS paid_on, SUM(a.toward_contribution) AS paid
              FROM allocation a JOIN payment p ON p.id = a.payment_id GROUP BY a.bill_id) paid ON paid.bill_id = b.id
        JOIN employer e ON e.id = b.employer_id
        JOIN spell s ON s.employer_id = b.employer_id AND s.segment = 'pu' AND instr(s.programs, 'JHT') > 0
             AND s.start_date <= :last AND (s.end_date IS NULL OR s.end_date >= :first)
        JOIN wage w ON w.spell_id = s.id
             AND w.effective_from = (SELECT MAX(effective_from) FROM wage WHERE spell_id = s.id AND effective_from <= :last)
        WHERE b.month = :month AND b.kind = 'regular' AND b.debtor_kind = 'employer' AND paid.paid >= b.contribution AND w.amount > 0
        """

    static let claimSelect = """
        SELECT c.*, p.nik FROM claim c JOIN person p ON p.id = c.person_id
        """

    static func claimRecord(_ row: Row) -> ClaimRecord {
        ClaimRecord(
            id: row["id"], type: row["type"], detail: row["detail"], nik: row["nik"], eventDate: CalendarDate(iso: row["event_date"] as String)!,
            submittedBy: row["submitted_by"], submitterRole: row["submitter_role"], status: row["status"], verifiedBy: row["verified_by"],
            approvedBy: row["approved_by"], amount: row["amount"], payer: row["payer"], rejectionReason: row["rejection_reason"],
            paymentReference: row["payment_reference"], round: row["round"], submittedAt: row["submitted_at"])
    }

    static func personID(_ db: Database, nik: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE nik = ?", arguments: [nik]) else {
            throw StoreError.notFound("person with NIK \(nik)")
        }
        return id
    }

    static func insertDocuments(_ db: Database, claimID: String, _ documents: [ClaimDocumentRecord]) throws {
        for document in documents {
            try db.execute(
                sql: """
                    INSERT INTO claim_document (claim_id, kind, file_name, content_type, size, sha256, path, content)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    claimID, document.kind, document.fileName, document.contentType, document.size, document.sha256, document.path,
                    document.content,
                ])
        }
    }

    static func insertEvent(_ db: Database, claimID: String, _ event: ClaimEventRecord, at: String) throws {
        try db.execute(
            sql: "INSERT INTO claim_event (claim_id, action, actor, status_after, note, at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [claimID, event.action, event.actor, event.statusAfter, event.note, at])
    }
}
