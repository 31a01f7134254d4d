import Foundation
public import LindungCore
public import LindungStorage
import PostgresNIO

/// Reading bills back, as on SQLite: headers with their lines and what is paid, the worker detail
/// recomputed from the snapshot and tariff stored with the bill, month totals. The lines of a set of bills
/// come in one query (`bill_id = ANY(…)`), not one per bill.
extension PostgresStore {
    static let billSelect = """
        SELECT b.id, b.number, e.npp, e.name AS employer_name, b.month, b.debtor_kind, b.debtor_key, b.kind, b.adjusts_bill_id,
          to_char(b.issued_on, 'YYYY-MM-DD') AS issued_on, to_char(b.due_date, 'YYYY-MM-DD') AS due_date, b.workers,
          b.jkp_from_jkk, b.jkp_from_jkm, b.contribution, b.fine, b.total, b.snapshot_id,
          ((SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.bill_id = b.id)
            + (SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.credit_bill_id = b.id))::bigint AS paid
        FROM bill b JOIN employer e ON e.id = b.employer_id
        """

    public func bill(id: Int64) async throws -> Bill? {
        try await transaction(readOnly: true) { db in
            try await Self.bills(db, "\(unescaped: Self.billSelect) WHERE b.id = \(id)").first?.bill
        }
    }

    public func bills(month: YearMonth, employerNPP: String?) async throws -> [Bill] {
        try await transaction(readOnly: true) { db in
            try await Self.bills(
                db, "\(unescaped: Self.billSelect) WHERE b.month = \(month.description) AND (\(employerNPP)::text IS NULL OR e.npp = \(employerNPP)) ORDER BY b.id"
            ).map(\.bill)
        }
    }

    /// The bills `query` (a `billSelect`) finds, with their lines, and each bill's snapshot id.
    static func bills(_ db: PostgresSession, _ query: PostgresQuery) async throws -> [(bill: Bill, snapshotID: Int64?)] {
        let rows = try await db.rows(query)
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.makeRandomAccess()["id"].decode(Int64.self) }
        var lines: [Int64: [BillLine]] = [:]
        for row in try await db.rows("SELECT bill_id, payer, program, amount FROM bill_line WHERE bill_id = ANY(\(ids)::bigint[])") {
            let (billID, payerName, programName, amount) = try row.decode((Int64, String, String, Int64).self)
            guard let payer = Payer(rawValue: payerName), let program = Program(rawValue: programName) else { continue }
            lines[billID, default: []].append(BillLine(program: program, payer: payer, amount: amount))
        }
        func order(_ line: BillLine) -> (Int, Int) {
            (Payer.allCases.firstIndex(of: line.payer)!, Program.allCases.firstIndex(of: line.program)!)
        }
        return try rows.map { row in
            let row = row.makeRandomAccess()
            let id = try row["id"].decode(Int64.self)
            guard let month = YearMonth(iso: try row["month"].decode(String.self)),
                let debtor = Debtor(kind: try row["debtor_kind"].decode(String.self), key: try row["debtor_key"].decode(String.self)),
                let kind = BillKind(rawValue: try row["kind"].decode(String.self))
            else { throw StoreError.backend("bill \(id) has an unreadable month, debtor or kind") }
            let total = try row["total"].decode(Int64.self)
            let paid = try row["paid"].decode(Int64.self)
            let bill = Bill(
                id: id, number: try row["number"].decode(String.self), employerNPP: try row["npp"].decode(String.self),
                employerName: try row["employer_name"].decode(String.self), month: month, debtor: debtor, kind: kind,
                adjustsBillID: try row["adjusts_bill_id"].decode(Int64?.self), issuedOn: try PostgresRows.date(row["issued_on"].decode(String.self)),
                dueDate: try PostgresRows.date(row["due_date"].decode(String.self)), workers: try row["workers"].decode(Int.self),
                lines: (lines[id] ?? []).sorted { order($0) < order($1) }, jkpFromJKK: try row["jkp_from_jkk"].decode(Int64.self),
                jkpFromJKM: try row["jkp_from_jkm"].decode(Int64.self), contribution: try row["contribution"].decode(Int64.self),
                fine: try row["fine"].decode(Int64.self), total: total, paid: total < 0 ? -paid : paid)
            return (bill, try row["snapshot_id"].decode(Int64?.self))
        }
    }

    public func billWorkers(id: Int64) async throws -> [BillWorkerLine] {
        try await transaction(readOnly: true) { db in
            guard let found = try await Self.bills(db, "\(unescaped: Self.billSelect) WHERE b.id = \(id)").first else {
                throw StoreError.notFound("bill \(id)")
            }
            let (bill, snapshotID) = found
            guard let snapshotID else { return [] }
            let current = try await Self.snapshot(db, id: snapshotID)
            // An adjustment shows what changed since the bill before it for the same employer, month and debtor.
            var previous: [Int64: WorkerCharge] = [:]
            if bill.kind == .adjustment,
                let earlier = try await db.value(
                    """
                    SELECT snapshot_id FROM bill WHERE employer_id = (SELECT employer_id FROM bill WHERE id = \(id))
                      AND month = \(bill.month.description) AND debtor_kind = \(bill.debtor.kind) AND debtor_key = \(bill.debtor.key)
                      AND id < \(id) AND snapshot_id IS NOT NULL
                    ORDER BY id DESC LIMIT 1
                    """, as: Int64.self)
            {
                previous = try await Self.snapshot(db, id: earlier).charges
            }
            var people: [Int64: (nik: String, kpj: String, name: String)] = [:]
            for row in try await db.rows(
                """
                SELECT s.id, p.nik, p.kpj, p.name FROM spell s JOIN person p ON p.id = s.person_id
                WHERE s.employer_id = (SELECT employer_id FROM bill WHERE id = \(id))
                """)
            {
                let (spellID, nik, kpj, name) = try row.decode((Int64, String, String, String).self)
                if people[spellID] == nil { people[spellID] = (nik, kpj, name) }
            }
            return BillWorkerDetail.lines(bill: bill, current: current, previous: previous, people: people)
        }
    }

    /// A stored snapshot decoded and priced with its own tariff.
    static func snapshot(_ db: PostgresSession, id: Int64) async throws -> PricedSnapshot {
        guard
            let row = try await db.rows(
                """
                SELECT s.data, s.risk_class, s.region_programs, t.tariff FROM bill_snapshot s JOIN billing_tariff t ON t.id = s.tariff_id
                WHERE s.id = \(id)
                """
            ).first
        else { throw StoreError.notFound("bill snapshot \(id)") }
        let (data, riskClass, regionBits, tariffJSON) = try row.decode((ByteBuffer, Int, Int64, String).self)
        return try PricedSnapshot(data: data.readableBytesView, riskClass: riskClass, regionProgramBits: regionBits, tariffJSON: tariffJSON)
    }

    public func monthTotals(_ month: YearMonth) async throws -> [Payer: Rupiah] {
        try await read { db in
            var totals: [Payer: Rupiah] = [:]
            for row in try await db.rows(
                """
                SELECT l.payer, sum(l.amount)::bigint FROM bill b JOIN bill_line l ON l.bill_id = b.id
                WHERE b.month = \(month.description) GROUP BY l.payer
                """)
            {
                let (payerName, amount) = try row.decode((String, Int64).self)
                if let payer = Payer(rawValue: payerName) { totals[payer] = amount }
            }
            return totals
        }
    }
}
