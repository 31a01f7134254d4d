import Foundation
import GRDB
import GRDBSQLite
public import LindungCore
public import LindungStorage

/// The billing run on SQLite: one read of the employers and agreements, one streaming query over the
/// month's active spells into `BillingPass`, then the new bills written with prepared statements; all in one
/// write transaction, so a run is all-or-nothing and runs do not interleave.
extension SQLiteStore {
    public func issueBills(_ request: BillingRequest) async throws -> BillingRunSummary {
        defer { PhaseClock.mark("commit") }
        return try await mapped {
            try await writer.write { db in
                let employers = try Self.billingEmployers(db, request)
                if let npp = request.employerNPP, employers.isEmpty { throw StoreError.notFound("employer \(npp)") }
                let prepaid = Set(try Int64.fetchAll(db, sql: "SELECT spell_id FROM bpu_prepaid WHERE month = ?", arguments: [request.month.description]))
                var pass = BillingPass(request: request, employers: employers, prepaidSpells: prepaid)
                PhaseClock.mark("employers")
                try Self.streamWorkers(db, request, employerID: request.employerNPP == nil ? nil : employers.first?.id, into: &pass)
                PhaseClock.mark("stream")
                let billed = try Self.billedSoFar(db, month: request.month, employerID: request.employerNPP == nil ? nil : employers.first?.id)
                let fines = try Self.unchargedFines(db)
                let drafts = BillDrafter.drafts(
                    pass: pass, billed: billed, unchargedFines: fines,
                    employerNPPs: Dictionary(uniqueKeysWithValues: employers.map { ($0.id, $0.npp) }))
                PhaseClock.mark("draft")
                // The new bills, lines and snapshots are ~150 MB of pages for a province. With the default
                // 64 MiB cache SQLite spills dirty pages to the WAL and re-spills them as indexes change
                // (275 MB of writes measured); a cache as large as the write phase needs writes each once.
                // Raised only now: during the read pass a large cache only costs page allocations.
                try db.execute(sql: "PRAGMA cache_size = -1048576")
                defer { try? db.execute(sql: "PRAGMA cache_size = -65536") }
                defer { PhaseClock.mark("write") }
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

    /// The month's active spells, ascending by id, fed to the pass on its own thread. Three sequential scans
    /// instead of a join: the spells (reduced in SQL to numbers), the wage table in key order merged in by
    /// spell id (the last wage in force at the end of the month), and the few persons at or past the pension
    /// age, read first into a set. Index lookups per spell cost more than the scans (docs/BENCHMARKS.md).
    /// Migrant workers' placements are billed once, in the month they start.
    static func streamWorkers(_ db: Database, _ request: BillingRequest, employerID: Int64?, into pass: inout BillingPass) throws {
        let first = request.month.firstDay.iso
        let last = request.month.lastDay.iso
        let onlyEmployer = employerID == nil ? "" : "AND employer_id = \(employerID!)"
        let pastPensionAge = Set(
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM person WHERE birth_date <= ?
                    \(employerID == nil ? "" : "AND id IN (SELECT person_id FROM spell WHERE 1 \(onlyEmployer))")
                    """, arguments: [request.tariff.jpLastBirthDate]))
        let spells = try db.makeStatement(
            sql: """
                SELECT id, employer_id, person_id, segment, programs, non_asn_category IS NOT NULL, start_date, end_date
                FROM spell
                WHERE start_date <= ?2 AND (end_date IS NULL OR end_date >= ?1) AND (segment <> 'pmi' OR start_date >= ?1)
                  \(onlyEmployer)
                ORDER BY id
                """)
        let wages = try db.makeStatement(
            sql: """
                SELECT spell_id, amount FROM wage WHERE effective_from <= ?1
                \(employerID == nil ? "" : "AND spell_id IN (SELECT id FROM spell WHERE 1 \(onlyEmployer))")
                ORDER BY spell_id, effective_from
                """)
        SQLiteStreaming.bind(spells, first, last)
        SQLiteStreaming.bind(wages, last)
        let spellHandle = spells.sqliteStatement
        defer {
            sqlite3_reset(spellHandle)
            sqlite3_reset(wages.sqliteStatement)
        }
        var wageMerge = try WageMerge(wages, db)
        let concurrent = ConcurrentBillingPass(pass)
        let segments: [Segment] = [.pu, .bpu, .jakon, .pmi]
        // Segment and programs are short texts with a handful of values: decoded once per distinct value
        // from the raw bytes, not per row (turning them into numbers in SQL cost a second per province).
        var segmentCodes = TextCodeCache { text in segments.firstIndex { $0.rawValue == text } ?? 0 }
        var programCodes = TextCodeCache { text in Int(ProgramSet(list: text).rawValue) }
        var failure: (any Error)?
        do {
            while try SQLiteStreaming.step(spellHandle, db) {
                let spellID = sqlite3_column_int64(spellHandle, 0)
                let wage = try wageMerge.wage(for: spellID)
                let segment = segments[segmentCodes.code(spellHandle, column: 3)]
                var row = BillingWorkerRow(
                    spellID: spellID, employerID: sqlite3_column_int64(spellHandle, 1), segment: segment,
                    programs: ProgramSet(rawValue: UInt8(programCodes.code(spellHandle, column: 4))),
                    isNonASN: sqlite3_column_int64(spellHandle, 5) != 0, wage: wage,
                    pastPensionAge: segment == .pu && pastPensionAge.contains(sqlite3_column_int64(spellHandle, 2)))
                if segment == .pmi {
                    let start = try SQLiteRows.date(String(cString: sqlite3_column_text(spellHandle, 6)))
                    let end = sqlite3_column_type(spellHandle, 7) == SQLITE_NULL ? nil : try SQLiteRows.date(String(cString: sqlite3_column_text(spellHandle, 7)))
                    row.placement = (start, end)
                }
                concurrent.add(row)
            }
        } catch {
            failure = error
        }
        // Always wait for the pricing thread, even after a read error, before the statements go away.
        let priced = try concurrent.finish()
        PhaseClock.note("pricing thread busy \(concurrent.busy) s")
        if let failure { throw failure }
        pass = priced
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
        let months = pass.months  // built on each access: take it once
        summary.employers = months.count
        summary.workers = months.values.reduce(0) { $0 + $1.workers }
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

        // Ids are given here, not by SQLite: the run holds the only write transaction, and the bills' lines
        // need their bill's id without a round trip per bill.
        var nextSnapshotID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM bill_snapshot") ?? 0) + 1
        var nextBillID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM bill") ?? 0) + 1
        let month = request.month.description
        let issuedOn = request.issuedOn.iso
        var snapshots = ChunkedInsert(
            db, table: "bill_snapshot", columns: ["id", "employer_id", "month", "tariff_id", "risk_class", "region_programs", "workers", "data"],
            rowsPerStatement: 50)
        var snapshotIDs: [Int64: Int64] = [:]
        for employerID in Set(drafts.map(\.employerID)).sorted() {
            guard let employerMonth = months[employerID] else { continue }
            snapshotIDs[employerID] = nextSnapshotID
            try snapshots.add([
                .integer(nextSnapshotID), .integer(employerID), .text(month), .integer(tariffID), .integer(Int64(employerMonth.employer.riskClass)),
                .integer(Int64(employerMonth.employer.payingRegion?.programs.rawValue ?? 0)), .integer(Int64(employerMonth.workers)),
                .blob(employerMonth.snapshot.bytes),
            ])
            nextSnapshotID += 1
        }
        try snapshots.finish()
        PhaseClock.mark("snapshots")

        var bills = ChunkedInsert(
            db, table: "bill",
            columns: [
                "id", "number", "employer_id", "month", "debtor_kind", "debtor_key", "kind", "adjusts_bill_id", "snapshot_id", "issued_on",
                "due_date", "workers", "jkp_from_jkk", "jkp_from_jkm", "contribution", "fine", "total", "issued_by",
            ])
        var lines = ChunkedInsert(db, table: "bill_line", columns: ["bill_id", "payer", "program", "amount"], rowsPerStatement: 250)
        var charges = ChunkedInsert(db, table: "fine_charge", columns: ["fine_id", "bill_id"])
        var dueDates: [CalendarDate: String] = [:]
        let firstBillID = nextBillID
        for draft in drafts {
            let due = dueDates[draft.dueDate] ?? draft.dueDate.iso
            dueDates[draft.dueDate] = due
            try bills.add([
                .integer(nextBillID), .text(draft.number), .integer(draft.employerID), .text(month), .text(draft.debtor.kind), .text(draft.debtor.key),
                .text(draft.kind.rawValue), .init(draft.adjustsBillID), .init(snapshotIDs[draft.employerID]), .text(issuedOn), .text(due),
                .integer(Int64(draft.workers)), .integer(draft.jkpFromJKK), .integer(draft.jkpFromJKM), .integer(draft.contribution),
                .integer(draft.fine), .integer(draft.total), .text(request.actor),
            ])
            nextBillID += 1
            if draft.kind == .regular { summary.regularBills += 1 } else { summary.adjustmentBills += 1 }
            summary.contribution += draft.contribution
            summary.fines += draft.fine
        }
        // Lines and fine charges reference their bill (checked row by row): all bills go in first.
        try bills.finish()
        for (offset, draft) in drafts.enumerated() {
            let billID = firstBillID + Int64(offset)
            for line in draft.lines {
                try lines.add([.integer(billID), .text(line.payer.rawValue), .text(line.program.rawValue), .integer(line.amount)])
                summary.byPayer[line.payer, default: 0] += line.amount
            }
            for fineID in draft.fineIDs { try charges.add([.integer(fineID), .integer(billID)]) }
        }
        try lines.finish()
        try charges.finish()
        return summary
    }
}

/// Phase timings of a billing run on standard error when LINDUNG_TIMING is set (docs/BENCHMARKS.md).
enum PhaseClock {
    nonisolated(unsafe) static var last = Date()
    static let enabled = ProcessInfo.processInfo.environment["LINDUNG_TIMING"] != nil

    static func note(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("timing:   \(text)\n".utf8))
    }

    static func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "timing:   %@ %.2f s\n", phase, now.timeIntervalSince(last)).utf8))
        last = now
    }
}

/// Maps a text column's raw bytes to a small code, remembering each distinct value it has seen: a
/// comparison of a few bytes per row instead of a Swift string.
struct TextCodeCache {
    private var entries: [(bytes: [UInt8], code: Int)] = []
    private let decode: (String) -> Int

    init(decode: @escaping (String) -> Int) {
        self.decode = decode
    }

    mutating func code(_ statement: OpaquePointer?, column: Int32) -> Int {
        guard let text = sqlite3_column_text(statement, column) else { return decode("") }
        let count = Int(sqlite3_column_bytes(statement, column))
        for entry in entries where entry.bytes.count == count {
            if entry.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, text, count) == 0 }) { return entry.code }
        }
        let bytes = Array(UnsafeBufferPointer(start: text, count: count))
        let code = decode(String(decoding: bytes, as: UTF8.self))
        entries.append((bytes, code))
        return code
    }
}
