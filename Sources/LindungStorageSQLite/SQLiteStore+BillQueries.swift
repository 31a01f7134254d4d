import Foundation
import GRDB
public import LindungCore
public import LindungStorage

/// Reading bills back: headers with their lines and what is paid, the worker detail recomputed from the
/// snapshot and tariff stored with the bill, month totals.
extension SQLiteStore {
    static let billSelect = """
        SELECT b.*, e.npp, e.name AS employer_name,
          (SELECT COALESCE(SUM(a.amount), 0) FROM allocation a WHERE a.bill_id = b.id)
            + (SELECT COALESCE(SUM(a.amount), 0) FROM allocation a WHERE a.credit_bill_id = b.id) AS paid
        FROM bill b JOIN employer e ON e.id = b.employer_id
        """

    public func bill(id: Int64) async throws -> Bill? {
        try await mapped {
            try await writer.read { db in try Self.bills(db, sql: Self.billSelect + " WHERE b.id = ?", arguments: [id]).first }
        }
    }

    public func bills(month: YearMonth, employerNPP: String?) async throws -> [Bill] {
        try await mapped {
            try await writer.read { db in
                try Self.bills(
                    db, sql: Self.billSelect + " WHERE b.month = ? AND (? IS NULL OR e.npp = ?) ORDER BY b.id",
                    arguments: [month.description, employerNPP, employerNPP])
            }
        }
    }

    static func bills(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Bill] {
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        return try rows.map { row in
            let id: Int64 = row["id"]
            let lines = try Row.fetchAll(db, sql: "SELECT payer, program, amount FROM bill_line WHERE bill_id = ?", arguments: [id]).compactMap {
                row -> BillLine? in
                guard let payer = Payer(rawValue: row["payer"]), let program = Program(rawValue: row["program"]) else { return nil }
                return BillLine(program: program, payer: payer, amount: row["amount"])
            }.sorted { (Payer.allCases.firstIndex(of: $0.payer)!, Program.allCases.firstIndex(of: $0.program)!) < (Payer.allCases.firstIndex(of: $1.payer)!, Program.allCases.firstIndex(of: $1.program)!) }
            guard let month = YearMonth(iso: row["month"] as String), let debtor = Debtor(kind: row["debtor_kind"], key: row["debtor_key"]),
                let kind = BillKind(rawValue: row["kind"])
            else { throw StoreError.backend("bill \(id) has an unreadable month, debtor or kind") }
            let total: Rupiah = row["total"]
            let paid: Rupiah = row["paid"]
            return Bill(
                id: id, number: row["number"], employerNPP: row["npp"], employerName: row["employer_name"], month: month, debtor: debtor, kind: kind,
                adjustsBillID: row["adjusts_bill_id"], issuedOn: try SQLiteRows.date(row["issued_on"]), dueDate: try SQLiteRows.date(row["due_date"]),
                workers: row["workers"], lines: lines, jkpFromJKK: row["jkp_from_jkk"], jkpFromJKM: row["jkp_from_jkm"],
                contribution: row["contribution"], fine: row["fine"], total: total, paid: total < 0 ? -paid : paid)
        }
    }

    public func billWorkers(id: Int64) async throws -> [BillWorkerLine] {
        try await mapped {
            try await writer.read { db in
                guard let bill = try Self.bills(db, sql: Self.billSelect + " WHERE b.id = ?", arguments: [id]).first else {
                    throw StoreError.notFound("bill \(id)")
                }
                guard let snapshotID = try Int64.fetchOne(db, sql: "SELECT snapshot_id FROM bill WHERE id = ?", arguments: [id]) else { return [] }
                let current = try Self.snapshot(db, id: snapshotID)
                // An adjustment shows what changed since the bill before it for the same employer, month and debtor.
                var previous: [Int64: WorkerCharge] = [:]
                if bill.kind == .adjustment,
                    let earlier = try Int64.fetchOne(
                        db,
                        sql: """
                            SELECT snapshot_id FROM bill WHERE employer_id = (SELECT employer_id FROM bill WHERE id = :id)
                              AND month = :month AND debtor_kind = :kind AND debtor_key = :key AND id < :id AND snapshot_id IS NOT NULL
                            ORDER BY id DESC LIMIT 1
                            """,
                        arguments: ["id": id, "month": bill.month.description, "kind": bill.debtor.kind, "key": bill.debtor.key])
                {
                    previous = try Self.snapshot(db, id: earlier).charges
                }
                let people = try Dictionary(
                    Row.fetchAll(
                        db,
                        sql: """
                            SELECT s.id, p.nik, p.kpj, p.name FROM spell s JOIN person p ON p.id = s.person_id
                            WHERE s.employer_id = (SELECT employer_id FROM bill WHERE id = ?)
                            """, arguments: [id]
                    ).map { row in (row["id"] as Int64, (nik: row["nik"] as String, kpj: row["kpj"] as String, name: row["name"] as String)) },
                    uniquingKeysWith: { first, _ in first })
                return BillWorkerDetail.lines(bill: bill, current: current, previous: previous, people: people)
            }
        }
    }

    /// A stored snapshot decoded and priced with its own tariff.
    static func snapshot(_ db: Database, id: Int64) throws -> PricedSnapshot {
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT s.data, s.risk_class, s.region_programs, t.tariff FROM bill_snapshot s JOIN billing_tariff t ON t.id = s.tariff_id WHERE s.id = ?",
                arguments: [id])
        else { throw StoreError.notFound("bill snapshot \(id)") }
        let data: Data = row["data"]
        return try PricedSnapshot(data: data, riskClass: row["risk_class"], regionProgramBits: row["region_programs"], tariffJSON: row["tariff"])
    }

    public func monthTotals(_ month: YearMonth) async throws -> [Payer: Rupiah] {
        try await mapped {
            try await writer.read { db in
                var totals: [Payer: Rupiah] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT l.payer, SUM(l.amount) AS amount FROM bill b JOIN bill_line l ON l.bill_id = b.id WHERE b.month = ? GROUP BY l.payer",
                    arguments: [month.description])
                {
                    if let payer = Payer(rawValue: row["payer"]) { totals[payer] = row["amount"] }
                }
                return totals
            }
        }
    }
}
