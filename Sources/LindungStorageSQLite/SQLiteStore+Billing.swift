import Foundation
import GRDB
import GRDBSQLite
public import LindungCore
public import LindungStorage

/// The billing run on SQLite: one read of the employers and agreements, one streaming query over the
/// month's active spells into `BillingPass`, then the new bills written with prepared statements; all in one
/// write transaction, so a run is all-or-nothing and runs do not interleave.
extension SQLiteStore: BillingStore {
    public func issueBills(_ request: BillingRequest) async throws -> BillingRunSummary {
        try await mapped {
            try await writer.write { db in
                let employers = try Self.billingEmployers(db, request)
                if let npp = request.employerNPP, employers.isEmpty { throw StoreError.notFound("employer \(npp)") }
                let prepaid = Set(try Int64.fetchAll(db, sql: "SELECT spell_id FROM bpu_prepaid WHERE month = ?", arguments: [request.month.description]))
                var pass = BillingPass(request: request, employers: employers, prepaidSpells: prepaid)
                try Self.streamWorkers(db, request, employerID: request.employerNPP == nil ? nil : employers.first?.id, into: &pass)
                let billed = try Self.billedSoFar(db, month: request.month, employerID: request.employerNPP == nil ? nil : employers.first?.id)
                let fines = try Self.unchargedFines(db)
                let drafts = BillDrafter.drafts(
                    pass: pass, billed: billed, unchargedFines: fines,
                    employerNPPs: Dictionary(uniqueKeysWithValues: employers.map { ($0.id, $0.npp) }))
                return try Self.write(drafts, pass: pass, billedKeys: Set(billed.keys), db: db)
            }
        }
    }

    /// Every employer (or the one asked for) with its risk class and the region paying for its covered
    /// workers: an agency's non-ASN under the region's non-ASN agreement, a sponsored collective's members
    /// under its vulnerable-workers agreement, each in force in the month.
    static func billingEmployers(_ db: Database, _ request: BillingRequest) throws -> [BillingEmployer] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.npp, e.kind, e.risk_class, e.parent_region_code,
                  (SELECT a.programs FROM agreement a
                   WHERE a.region_code = e.parent_region_code
                     AND a.payer_group = CASE e.kind WHEN 'agency' THEN 'non_asn' ELSE 'vulnerable' END
                     AND a.effective_from <= :last AND (a.effective_to IS NULL OR a.effective_to >= :first)
                   ORDER BY a.effective_from DESC LIMIT 1) AS agreement_programs
                FROM employer e
                \(request.employerNPP == nil ? "" : "WHERE e.npp = :npp")
                ORDER BY e.id
                """,
            arguments: ["first": request.month.firstDay.iso, "last": request.month.lastDay.iso, "npp": request.employerNPP])
        return rows.map { row in
            var paying: BillingEmployer.PayingRegion?
            if let code: String = row["parent_region_code"], let programs: String = row["agreement_programs"] {
                let kind: String = row["kind"]
                paying = .init(code: code, programs: ProgramSet(list: programs), group: kind == "agency" ? .nonASN : .vulnerable)
            }
            return BillingEmployer(id: row["id"], npp: row["npp"], riskClass: row["risk_class"], payingRegion: paying)
        }
    }

    /// The month's active spells, ascending by id, reduced in SQL to numbers (segment code, program bits,
    /// the wage in force at the end of the month, the pension-age test) so the Swift side reads integers.
    /// Migrant workers' placements are billed once, in the month they start.
    static func streamWorkers(_ db: Database, _ request: BillingRequest, employerID: Int64?, into pass: inout BillingPass) throws {
        let statement = try db.makeStatement(
            sql: """
                SELECT s.id, s.employer_id,
                  CASE s.segment WHEN 'pu' THEN 0 WHEN 'bpu' THEN 1 WHEN 'jakon' THEN 2 ELSE 3 END,
                  (instr(s.programs, 'JKK') > 0) | ((instr(s.programs, 'JKM') > 0) << 1) | ((instr(s.programs, 'JHT') > 0) << 2)
                    | ((instr(s.programs, 'JP') > 0) << 3) | ((instr(s.programs, 'JKP') > 0) << 4),
                  s.non_asn_category IS NOT NULL,
                  (SELECT w.amount FROM wage w WHERE w.spell_id = s.id AND w.effective_from <= ?2
                   ORDER BY w.effective_from DESC LIMIT 1),
                  p.birth_date <= ?3,
                  s.start_date, s.end_date
                FROM spell s JOIN person p ON p.id = s.person_id
                WHERE s.start_date <= ?2 AND (s.end_date IS NULL OR s.end_date >= ?1)
                  AND (s.segment <> 'pmi' OR s.start_date >= ?1)
                  \(employerID == nil ? "" : "AND s.employer_id = ?4")
                ORDER BY s.id
                """)
        let handle = statement.sqliteStatement
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_bind_text(handle, 1, request.month.firstDay.iso, -1, transient)
        sqlite3_bind_text(handle, 2, request.month.lastDay.iso, -1, transient)
        sqlite3_bind_text(handle, 3, request.tariff.jpLastBirthDate, -1, transient)
        if let employerID { sqlite3_bind_int64(handle, 4, employerID) }
        defer { sqlite3_reset(handle) }
        let segments: [Segment] = [.pu, .bpu, .jakon, .pmi]
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let segment = segments[Int(sqlite3_column_int64(handle, 2))]
            var row = BillingWorkerRow(
                spellID: sqlite3_column_int64(handle, 0), employerID: sqlite3_column_int64(handle, 1), segment: segment,
                programs: ProgramSet(rawValue: UInt8(truncatingIfNeeded: sqlite3_column_int64(handle, 3))),
                isNonASN: sqlite3_column_int64(handle, 4) != 0,
                wage: sqlite3_column_type(handle, 5) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 5),
                pastPensionAge: sqlite3_column_int64(handle, 6) != 0)
            if segment == .pmi {
                let start = try SQLiteRows.date(String(cString: sqlite3_column_text(handle, 7)))
                let end = sqlite3_column_type(handle, 8) == SQLITE_NULL ? nil : try SQLiteRows.date(String(cString: sqlite3_column_text(handle, 8)))
                row.placement = (start, end)
            }
            try pass.add(row)
        }
    }

    /// What earlier runs billed for the month: per employer and debtor, the regular bill and the sum of
    /// its lines with every adjustment's.
    static func billedSoFar(_ db: Database, month: YearMonth, employerID: Int64?) throws -> [BillDrafter.Key: BilledSoFar] {
        var result: [BillDrafter.Key: BilledSoFar] = [:]
        let bills = try Row.fetchAll(
            db,
            sql: """
                SELECT employer_id, debtor_kind, debtor_key,
                  MAX(CASE WHEN kind = 'regular' THEN id END) AS regular_id, SUM(kind = 'adjustment') AS adjustments
                FROM bill WHERE month = ? AND kind <> 'prepaid' \(employerID == nil ? "" : "AND employer_id = ?")
                GROUP BY employer_id, debtor_kind, debtor_key
                """, arguments: employerID == nil ? [month.description] : [month.description, employerID])
        guard !bills.isEmpty else { return [:] }
        for row in bills {
            guard let debtor = Debtor(kind: row["debtor_kind"], key: row["debtor_key"]), let regular: Int64 = row["regular_id"] else { continue }
            let key = BillDrafter.Key(employerID: row["employer_id"], debtor: debtor)
            result[key] = BilledSoFar(employerID: key.employerID, debtor: debtor, regularBillID: regular, adjustments: row["adjustments"], lines: [])
        }
        let lines = try Row.fetchAll(
            db,
            sql: """
                SELECT b.employer_id, b.debtor_kind, b.debtor_key, l.payer, l.program, SUM(l.amount) AS amount
                FROM bill b JOIN bill_line l ON l.bill_id = b.id
                WHERE b.month = ? AND b.kind <> 'prepaid' \(employerID == nil ? "" : "AND b.employer_id = ?")
                GROUP BY b.employer_id, b.debtor_kind, b.debtor_key, l.payer, l.program
                """, arguments: employerID == nil ? [month.description] : [month.description, employerID])
        for row in lines {
            guard let debtor = Debtor(kind: row["debtor_kind"], key: row["debtor_key"]),
                let payer = Payer(rawValue: row["payer"]), let program = Program(rawValue: row["program"])
            else { continue }
            result[BillDrafter.Key(employerID: row["employer_id"], debtor: debtor)]?.lines.append(
                BillLine(program: program, payer: payer, amount: row["amount"]))
        }
        return result
    }

    static func unchargedFines(_ db: Database) throws -> [Debtor: [(id: Int64, amount: Rupiah)]] {
        var fines: [Debtor: [(id: Int64, amount: Rupiah)]] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT f.id, f.debtor_kind, f.debtor_key, f.amount FROM late_fine f
                WHERE NOT EXISTS (SELECT 1 FROM fine_charge c WHERE c.fine_id = f.id) ORDER BY f.id
                """)
        for row in rows {
            guard let debtor = Debtor(kind: row["debtor_kind"], key: row["debtor_key"]) else { continue }
            fines[debtor, default: []].append((row["id"], row["amount"]))
        }
        return fines
    }

    static func write(_ drafts: [BillDraft], pass: BillingPass, billedKeys: Set<BillDrafter.Key>, db: Database) throws -> BillingRunSummary {
        let request = pass.request
        var summary = BillingRunSummary(month: request.month)
        summary.employers = pass.months.count
        summary.workers = pass.months.values.reduce(0) { $0 + $1.workers }
        let issuedKeys = Set(drafts.map { BillDrafter.Key(employerID: $0.employerID, debtor: $0.debtor) })
        summary.unchangedBills = billedKeys.subtracting(issuedKeys).count
        guard !drafts.isEmpty else { return summary }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let tariffJSON = String(decoding: try encoder.encode(request.tariff), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO billing_tariff (month, tariff) VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [request.month.description, tariffJSON])
        let tariffID = try Int64.fetchOne(
            db, sql: "SELECT id FROM billing_tariff WHERE month = ? AND tariff = ?", arguments: [request.month.description, tariffJSON])!

        var snapshotInsert = try RawInsert(
            db, sql: "INSERT INTO bill_snapshot (employer_id, month, tariff_id, risk_class, region_programs, workers, data) VALUES (?, ?, ?, ?, ?, ?, ?)")
        var snapshotIDs: [Int64: Int64] = [:]
        for employerID in Set(drafts.map(\.employerID)).sorted() {
            guard let month = pass.months[employerID] else { continue }
            snapshotInsert.bind(employerID)
            snapshotInsert.bind(request.month.description)
            snapshotInsert.bind(tariffID)
            snapshotInsert.bind(Int64(month.employer.riskClass))
            snapshotInsert.bind(Int64(month.employer.payingRegion?.programs.rawValue ?? 0))
            snapshotInsert.bind(Int64(month.workers))
            snapshotInsert.bind(bytes: month.snapshot.bytes)
            try snapshotInsert.step(db)
            snapshotIDs[employerID] = db.lastInsertedRowID
        }

        var billInsert = try RawInsert(
            db,
            sql: """
                INSERT INTO bill (number, employer_id, month, debtor_kind, debtor_key, kind, adjusts_bill_id, snapshot_id, issued_on,
                  due_date, workers, jkp_from_jkk, jkp_from_jkm, contribution, fine, total, issued_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var lineInsert = try RawInsert(db, sql: "INSERT INTO bill_line (bill_id, payer, program, amount) VALUES (?, ?, ?, ?)")
        var chargeInsert = try RawInsert(db, sql: "INSERT INTO fine_charge (fine_id, bill_id) VALUES (?, ?)")
        for draft in drafts {
            billInsert.bind(draft.number)
            billInsert.bind(draft.employerID)
            billInsert.bind(request.month.description)
            billInsert.bind(draft.debtor.kind)
            billInsert.bind(draft.debtor.key)
            billInsert.bind(draft.kind.rawValue)
            billInsert.bind(draft.adjustsBillID)
            billInsert.bind(snapshotIDs[draft.employerID])
            billInsert.bind(request.issuedOn.iso)
            billInsert.bind(draft.dueDate.iso)
            billInsert.bind(Int64(draft.workers))
            billInsert.bind(draft.jkpFromJKK)
            billInsert.bind(draft.jkpFromJKM)
            billInsert.bind(draft.contribution)
            billInsert.bind(draft.fine)
            billInsert.bind(draft.total)
            billInsert.bind(request.actor)
            try billInsert.step(db)
            let billID = db.lastInsertedRowID
            for line in draft.lines {
                lineInsert.bind(billID)
                lineInsert.bind(line.payer.rawValue)
                lineInsert.bind(line.program.rawValue)
                lineInsert.bind(line.amount)
                try lineInsert.step(db)
                summary.byPayer[line.payer, default: 0] += line.amount
            }
            for fineID in draft.fineIDs {
                chargeInsert.bind(fineID)
                chargeInsert.bind(billID)
                try chargeInsert.step(db)
            }
            if draft.kind == .regular { summary.regularBills += 1 } else { summary.adjustmentBills += 1 }
            summary.contribution += draft.contribution
            summary.fines += draft.fine
        }
        return summary
    }
}
