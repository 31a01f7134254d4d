import Foundation
public import LindungCore
public import LindungStorage
import PostgresNIO

/// Claims and the JHT ledger on PostgreSQL (migration 0009): the same behaviour as `SQLiteStore+Claims`,
/// held to the same contract tests; documents are kept as bytea.
extension PostgresStore: ClaimStore {
    public func submitClaim(_ claim: ClaimRecord, documents: [ClaimDocumentRecord], actor: String) async throws {
        let at = Self.timestamp(now())
        _ = try await transaction { db in
            let personID = try await Self.personID(db, nik: claim.nik)
            try await db.execute(
                """
                INSERT INTO claim (id, type, detail, person_id, event_date, submitted_by, submitter_role, status, verified_by,
                  approved_by, amount, payer, rejection_reason, payment_reference, round, submitted_at)
                VALUES (\(claim.id), \(claim.type), \(claim.detail), \(personID), \(claim.eventDate.iso)::date, \(claim.submittedBy),
                  \(claim.submitterRole), \(claim.status), \(claim.verifiedBy), \(claim.approvedBy), \(claim.amount), \(claim.payer),
                  \(claim.rejectionReason), \(claim.paymentReference), \(claim.round), \(at))
                """)
            try await Self.insertDocuments(db, claimID: claim.id, documents)
            try await Self.insertEvent(db, claimID: claim.id, ClaimEventRecord(action: "submit", actor: actor, statusAfter: claim.status, note: nil), at: at)
            return true
        }
    }

    public func claim(id: String) async throws -> ClaimRecord? {
        try await read { db in
            try await db.rows(PostgresQuery(unsafeSQL: Self.claimSelect + " WHERE c.id = $1", binds: try Self.binds([id]))).first.map(Self.claimRecord)
        }
    }

    public func claims(status: String?, limit: Int) async throws -> [ClaimRecord] {
        try await read { db in
            let query: PostgresQuery =
                if let status {
                    PostgresQuery(unsafeSQL: Self.claimSelect + " WHERE c.status = $1 ORDER BY c.submitted_at, c.id LIMIT $2", binds: try Self.binds([status, limit]))
                } else {
                    PostgresQuery(unsafeSQL: Self.claimSelect + " ORDER BY c.submitted_at, c.id LIMIT $1", binds: try Self.binds([limit]))
                }
            return try await db.rows(query).map(Self.claimRecord)
        }
    }

    public func claimDocuments(id: String) async throws -> [ClaimDocumentRecord] {
        try await read { db in
            try await db.rows("SELECT kind, file_name, content_type, size, sha256, path, content FROM claim_document WHERE claim_id = \(id) ORDER BY id")
                .map { row in
                    let (kind, name, type, size, sha, path, content) = try row.decode((String, String, String, Int, String, String?, ByteBuffer?).self)
                    return ClaimDocumentRecord(
                        kind: kind, fileName: name, contentType: type, size: size, sha256: sha, path: path,
                        content: content.map { Data($0.readableBytesView) })
                }
        }
    }

    public func claimEvents(id: String) async throws -> [ClaimEventRecord] {
        try await read { db in
            try await db.rows("SELECT action, actor, status_after, note, at FROM claim_event WHERE claim_id = \(id) ORDER BY id").map { row in
                let (action, actor, status, note, at) = try row.decode((String, String, String, String?, String).self)
                return ClaimEventRecord(action: action, actor: actor, statusAfter: status, note: note, at: at)
            }
        }
    }

    public func applyClaimStep(_ updated: ClaimRecord, expectedStatus: String, event: ClaimEventRecord, documents: [ClaimDocumentRecord])
        async throws
    {
        let at = Self.timestamp(now())
        _ = try await transaction { db in
            let changed = try await db.changes(
                """
                UPDATE claim SET status = \(updated.status), verified_by = \(updated.verifiedBy), approved_by = \(updated.approvedBy),
                  amount = \(updated.amount), payer = \(updated.payer), rejection_reason = \(updated.rejectionReason),
                  payment_reference = \(updated.paymentReference), round = \(updated.round), detail = \(updated.detail),
                  event_date = \(updated.eventDate.iso)::date
                WHERE id = \(updated.id) AND status = \(expectedStatus) RETURNING 1
                """)
            guard changed == 1 else { throw StoreError.conflict("claim \(updated.id) is no longer \(expectedStatus)") }
            try await Self.insertDocuments(db, claimID: updated.id, documents)
            try await Self.insertEvent(db, claimID: updated.id, event, at: at)
            return true
        }
    }

    public func setJHTReturnRate(year: Int, micropercent: Int64, actor: String) async throws {
        let at = Self.timestamp(now())
        _ = try await transaction { db in
            let end = "\(year)-12-31"
            if try await db.value("SELECT EXISTS (SELECT 1 FROM jht_ledger WHERE kind = 'return' AND entry_date = \(end)::date)", as: Bool.self) ?? false {
                throw StoreError.conflict("the \(year) return is already posted; its rate cannot change")
            }
            try await db.execute(
                """
                INSERT INTO jht_return_rate (year, micropercent, entered_by, entered_at) VALUES (\(year), \(micropercent), \(actor), \(at))
                ON CONFLICT (year) DO UPDATE SET micropercent = excluded.micropercent, entered_by = excluded.entered_by,
                  entered_at = excluded.entered_at
                """)
            return true
        }
    }

    public func jhtReturnRate(year: Int) async throws -> Int64? {
        try await read { db in try await db.value("SELECT micropercent FROM jht_return_rate WHERE year = \(year)", as: Int64.self) }
    }

    @discardableResult
    public func recordJHTEntries(nik: String, _ entries: [JHTEntryRecord]) async throws -> Int {
        try await transaction { db in
            let personID = try await Self.personID(db, nik: nik)
            return try await db.changes(
                """
                INSERT INTO jht_ledger (person_id, kind, reference, entry_date, amount, employer_npp)
                SELECT \(personID), e.kind, e.reference, e.day, e.amount, e.npp
                FROM unnest(\(entries.map(\.kind))::text[], \(entries.map(\.reference))::text[], \(entries.map(\.date.iso))::date[],
                            \(entries.map(\.amount))::int8[], \(NullableArray(entries.map(\.employer)))::text[]) AS e(kind, reference, day, amount, npp)
                ON CONFLICT DO NOTHING RETURNING 1
                """)
        }
    }

    public func creditJHTFromPaidBills(month: YearMonth, employerMicropercent: Int64, workerMicropercent: Int64) async throws -> Int {
        try await transaction { db in
            try await db.changes(
                """
                INSERT INTO jht_ledger (person_id, kind, reference, entry_date, amount, employer_npp)
                SELECT s.person_id, 'contribution', b.number || ':' || s.id, paid.paid_on,
                       (w.amount * \(employerMicropercent) * 2 + 100000000) / 200000000
                       + (w.amount * \(workerMicropercent) * 2 + 100000000) / 200000000, e.npp
                FROM bill b
                JOIN (SELECT a.bill_id, MAX(p.paid_on) AS paid_on, SUM(a.toward_contribution) AS paid
                      FROM allocation a JOIN payment p ON p.id = a.payment_id GROUP BY a.bill_id) paid ON paid.bill_id = b.id
                JOIN employer e ON e.id = b.employer_id
                JOIN spell s ON s.employer_id = b.employer_id AND s.segment = 'pu' AND strpos(s.programs, 'JHT') > 0
                     AND s.start_date <= \(month.lastDay.iso)::date AND (s.end_date IS NULL OR s.end_date >= \(month.firstDay.iso)::date)
                JOIN LATERAL (SELECT amount FROM wage WHERE spell_id = s.id AND effective_from <= \(month.lastDay.iso)::date
                              ORDER BY effective_from DESC LIMIT 1) w ON true
                WHERE b.month = \(month.description) AND b.kind = 'regular' AND b.debtor_kind = 'employer'
                  AND paid.paid >= b.contribution AND w.amount > 0
                ON CONFLICT DO NOTHING RETURNING 1
                """)
        }
    }

    public func postJHTReturn(year: Int) async throws -> Int {
        try await transaction { db in
            guard let micro = try await db.value("SELECT micropercent FROM jht_return_rate WHERE year = \(year)", as: Int64.self) else {
                throw StoreError.notFound("a JHT return rate for \(year) (lindung jht rate set --year \(year) --percent …)")
            }
            let (start, end, reference) = ("\(year)-01-01", "\(year)-12-31", "return:\(year)")
            // JHTLedger.yearReturn in SQL, as on SQLite; SUM over bigint is numeric, cast back before dividing.
            return try await db.changes(
                """
                INSERT INTO jht_ledger (person_id, kind, reference, entry_date, amount, employer_npp)
                SELECT person_id, 'return', \(reference), \(end)::date, (w * \(micro) * 2 + 1200000000) / 2400000000, NULL
                FROM (
                  SELECT person_id,
                         SUM(amount * CASE WHEN entry_date < \(start)::date THEN 12 ELSE 12 - extract(month FROM entry_date)::int END)::int8 AS w
                  FROM jht_ledger
                  WHERE entry_date <= \(end)::date AND NOT (kind = 'return' AND entry_date >= \(end)::date)
                  GROUP BY person_id
                ) weighted
                WHERE (w * \(micro) * 2 + 1200000000) / 2400000000 > 0
                ON CONFLICT DO NOTHING RETURNING 1
                """)
        }
    }

    public func jhtEntries(nik: String) async throws -> [JHTEntryRecord] {
        try await read { db in
            try await db.rows(
                """
                SELECT to_char(l.entry_date, 'YYYY-MM-DD'), l.kind, l.amount, l.employer_npp, l.reference
                FROM jht_ledger l JOIN person p ON p.id = l.person_id WHERE p.nik = \(nik) ORDER BY l.entry_date, l.reference
                """
            ).map { row in
                let (date, kind, amount, employer, reference) = try row.decode((String, String, Int64, String?, String).self)
                return JHTEntryRecord(date: try PostgresRows.date(date), kind: kind, amount: amount, employer: employer, reference: reference)
            }
        }
    }

    static let claimSelect = """
        SELECT c.id, c.type, c.detail, p.nik, to_char(c.event_date, 'YYYY-MM-DD') AS event_date, c.submitted_by, c.submitter_role, c.status,
               c.verified_by, c.approved_by, c.amount, c.payer, c.rejection_reason, c.payment_reference, c.round, c.submitted_at
        FROM claim c JOIN person p ON p.id = c.person_id
        """

    static func claimRecord(_ row: PostgresRow) throws -> ClaimRecord {
        let r = row.makeRandomAccess()
        return ClaimRecord(
            id: try r["id"].decode(String.self), type: try r["type"].decode(String.self), detail: try r["detail"].decode(String.self),
            nik: try r["nik"].decode(String.self), eventDate: try PostgresRows.date(try r["event_date"].decode(String.self)),
            submittedBy: try r["submitted_by"].decode(String.self), submitterRole: try r["submitter_role"].decode(String.self),
            status: try r["status"].decode(String.self), verifiedBy: try r["verified_by"].decode(String?.self),
            approvedBy: try r["approved_by"].decode(String?.self), amount: try r["amount"].decode(Int64.self),
            payer: try r["payer"].decode(String.self), rejectionReason: try r["rejection_reason"].decode(String?.self),
            paymentReference: try r["payment_reference"].decode(String?.self), round: try r["round"].decode(Int.self),
            submittedAt: try r["submitted_at"].decode(String.self))
    }

    static func binds(_ values: [any PostgresEncodable & Sendable]) throws -> PostgresBindings {
        var bindings = PostgresBindings()
        for value in values { try bindings.append(value) }
        return bindings
    }

    static func timestamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    static func personID(_ db: PostgresSession, nik: String) async throws -> Int64 {
        guard let id = try await db.value("SELECT id FROM person WHERE nik = \(nik)", as: Int64.self) else {
            throw StoreError.notFound("person with NIK \(nik)")
        }
        return id
    }

    static func insertDocuments(_ db: PostgresSession, claimID: String, _ documents: [ClaimDocumentRecord]) async throws {
        for document in documents {
            try await db.execute(
                """
                INSERT INTO claim_document (claim_id, kind, file_name, content_type, size, sha256, path, content)
                VALUES (\(claimID), \(document.kind), \(document.fileName), \(document.contentType), \(document.size), \(document.sha256),
                        \(document.path), \(document.content.map { ByteBuffer(bytes: $0) }))
                """)
        }
    }

    static func insertEvent(_ db: PostgresSession, claimID: String, _ event: ClaimEventRecord, at: String) async throws {
        try await db.execute(
            """
            INSERT INTO claim_event (claim_id, action, actor, status_after, note, at)
            VALUES (\(claimID), \(event.action), \(event.actor), \(event.statusAfter), \(event.note), \(at))
            """)
    }
}
