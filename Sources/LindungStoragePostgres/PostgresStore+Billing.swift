import Foundation
import LindungCore
public import LindungStorage
import PostgresNIO

/// The billing run on PostgreSQL, as `SQLiteStore` does it: one read of the employers and agreements, one
/// streaming query over the month's active spells into `BillingPass`, then the new bills written in
/// `unnest` batches (snapshots, bills, lines, fine charges), all in one transaction.
///
/// Runs take turns through a transaction-level advisory lock (SQLite has one writer anyway); a BPU
/// prepayment takes the same lock shared, so a run never bills a month that is paid ahead while it reads.
/// The lock is taken first, in READ COMMITTED, so every later statement sees what the run before committed.
extension PostgresStore {
    /// Names "the billing run" among advisory locks (the ASCII of "BILLING"; the migrator's is "LINDUNG").
    static let billingLockKey: Int64 = 0x42_494C_4C49_4E47

    public func issueBills(_ request: BillingRequest) async throws -> BillingRunSummary {
        try await transaction { db in
            try await db.execute("SELECT pg_advisory_xact_lock(\(Self.billingLockKey))")
            // As for imports: compiling the plan of the streaming query costs more than it saves, and its sort
            // by spell id stays in memory (a province's month: millions of rows of a few integers).
            try await db.execute("SET LOCAL jit = off")
            try await db.execute("SET LOCAL work_mem = '64MB'")
            let employers = try await Self.billingEmployers(db, request)
            if let npp = request.employerNPP, employers.isEmpty { throw StoreError.notFound("employer \(npp)") }
            let employerID = request.employerNPP == nil ? nil : employers.first?.id
            let prepaid = Set(
                try await db.rows("SELECT spell_id FROM bpu_prepaid WHERE month = \(request.month.description)").map { try $0.decode(Int64.self) })
            var pass = BillingPass(request: request, employers: employers, prepaidSpells: prepaid)
            try await Self.streamWorkers(db, request, employerID: employerID, into: &pass)
            let billed = try await Self.billedSoFar(db, month: request.month, employerID: employerID)
            let fines = try await Self.unchargedFines(db)
            let drafts = BillDrafter.drafts(
                pass: pass, billed: billed, unchargedFines: fines,
                employerNPPs: Dictionary(uniqueKeysWithValues: employers.map { ($0.id, $0.npp) }))
            return try await Self.write(drafts, pass: pass, billedKeys: Set(billed.keys), db: db)
        }
    }

    /// Every employer (or the one asked for) with its risk class and the region paying for its covered
    /// workers: an agency's non-ASN under the region's non-ASN agreement, a sponsored collective's members
    /// under its vulnerable-workers agreement, each in force in the month.
    static func billingEmployers(_ db: PostgresSession, _ request: BillingRequest) async throws -> [BillingEmployer] {
        try await db.rows(
            """
            SELECT e.id, e.npp, e.kind, e.risk_class, e.parent_region_code,
              (SELECT a.programs FROM agreement a
               WHERE a.region_code = e.parent_region_code
                 AND a.payer_group = CASE e.kind WHEN 'agency' THEN 'non_asn' ELSE 'vulnerable' END
                 AND a.effective_from <= d.last AND (a.effective_to IS NULL OR a.effective_to >= d.first)
               ORDER BY a.effective_from DESC LIMIT 1) AS agreement_programs
            FROM (SELECT \(request.month.firstDay.iso)::date AS first, \(request.month.lastDay.iso)::date AS last) d, employer e
            WHERE \(request.employerNPP)::text IS NULL OR e.npp = \(request.employerNPP)
            ORDER BY e.id
            """
        ).map { row in
            let (id, npp, kind, riskClass, regionCode, programs) = try row.decode((Int64, String, String, Int, String?, String?).self)
            var paying: BillingEmployer.PayingRegion?
            if let regionCode, let programs {
                paying = .init(code: regionCode, programs: ProgramSet(list: programs), group: kind == "agency" ? .nonASN : .vulnerable)
            }
            return BillingEmployer(id: id, npp: npp, riskClass: riskClass, payingRegion: paying)
        }
    }

    /// The month's active spells, ascending by id, reduced in SQL to numbers so the Swift side reads
    /// integers: one flags column (segment code in bits 0-1, the `ProgramSet` bits in 2-6, non-ASN in 7,
    /// at or past the pension age in 8; the same tests as SQLite's), the wage in force at the end of the
    /// month, and a placement's first and last day as day numbers (PMI only). Fewer columns, because
    /// decoding them is most of the client's time per row.
    /// Migrant workers' placements are billed once, in the month they start. The rows are streamed: the
    /// driver reads from the socket only as fast as the pass consumes them.
    static func streamWorkers(_ db: PostgresSession, _ request: BillingRequest, employerID: Int64?, into pass: inout BillingPass) async throws {
        let first = request.month.firstDay.iso
        let last = request.month.lastDay.iso
        let jpLast = request.tariff.jpLastBirthDate
        // The whole province: the wage in force as one join over the wage table (DISTINCT ON, 2 s faster than
        // a lookup per spell at 5.2 M, docs/BENCHMARKS.md). One employer: a lookup per spell, which reads a
        // few index pages instead of every wage.
        let rows =
            employerID == nil
            ? try await db.connection.query(
                """
                SELECT s.id, s.employer_id,
                  (CASE s.segment WHEN 'pu' THEN 0 WHEN 'bpu' THEN 1 WHEN 'jakon' THEN 2 ELSE 3 END)
                    | ((strpos(s.programs, 'JKK') > 0)::int << 2) | ((strpos(s.programs, 'JKM') > 0)::int << 3)
                    | ((strpos(s.programs, 'JHT') > 0)::int << 4) | ((strpos(s.programs, 'JP') > 0)::int << 5)
                    | ((strpos(s.programs, 'JKP') > 0)::int << 6)
                    | ((s.non_asn_category IS NOT NULL)::int << 7) | ((p.birth_date <= \(jpLast)::date)::int << 8),
                  w.amount,
                  CASE WHEN s.segment = 'pmi' THEN s.start_date - DATE '1970-01-01' END,
                  CASE WHEN s.segment = 'pmi' THEN s.end_date - DATE '1970-01-01' END
                FROM spell s JOIN person p ON p.id = s.person_id
                  LEFT JOIN (SELECT DISTINCT ON (spell_id) spell_id, amount FROM wage WHERE effective_from <= \(last)::date
                             ORDER BY spell_id, effective_from DESC) w ON w.spell_id = s.id
                WHERE s.start_date <= \(last)::date AND (s.end_date IS NULL OR s.end_date >= \(first)::date)
                  AND (s.segment <> 'pmi' OR s.start_date >= \(first)::date)
                ORDER BY s.id
                """, logger: db.logger)
            : try await db.connection.query(
                """
                SELECT s.id, s.employer_id,
                  (CASE s.segment WHEN 'pu' THEN 0 WHEN 'bpu' THEN 1 WHEN 'jakon' THEN 2 ELSE 3 END)
                    | ((strpos(s.programs, 'JKK') > 0)::int << 2) | ((strpos(s.programs, 'JKM') > 0)::int << 3)
                    | ((strpos(s.programs, 'JHT') > 0)::int << 4) | ((strpos(s.programs, 'JP') > 0)::int << 5)
                    | ((strpos(s.programs, 'JKP') > 0)::int << 6)
                    | ((s.non_asn_category IS NOT NULL)::int << 7) | ((p.birth_date <= \(jpLast)::date)::int << 8),
                  (SELECT w.amount FROM wage w WHERE w.spell_id = s.id AND w.effective_from <= \(last)::date
                   ORDER BY w.effective_from DESC LIMIT 1),
                  CASE WHEN s.segment = 'pmi' THEN s.start_date - DATE '1970-01-01' END,
                  CASE WHEN s.segment = 'pmi' THEN s.end_date - DATE '1970-01-01' END
                FROM spell s JOIN person p ON p.id = s.person_id
                WHERE s.start_date <= \(last)::date AND (s.end_date IS NULL OR s.end_date >= \(first)::date)
                  AND (s.segment <> 'pmi' OR s.start_date >= \(first)::date)
                  AND s.employer_id = \(employerID)
                ORDER BY s.id
                """, logger: db.logger)
        let segments: [Segment] = [.pu, .bpu, .jakon, .pmi]
        // Pricing on its own thread while PostgresNIO decodes rows (about a fifth of the client's time each).
        let concurrent = ConcurrentBillingPass(pass)
        var failure: (any Error)?
        do {
            for try await row in rows {
                let (spellID, employerID, flags, wage, start, end) = try row.decode((Int64, Int64, Int, Int64?, Int?, Int?).self)
                let segment = segments[flags & 0b11]
                var worker = BillingWorkerRow(
                    spellID: spellID, employerID: employerID, segment: segment,
                    programs: ProgramSet(rawValue: UInt8(truncatingIfNeeded: (flags >> 2) & 0x1F)),
                    isNonASN: flags & (1 << 7) != 0, wage: wage, pastPensionAge: flags & (1 << 8) != 0)
                if segment == .pmi, let start {
                    worker.placement = (CalendarDate(dayNumber: start), end.map(CalendarDate.init(dayNumber:)))
                }
                concurrent.add(worker)
            }
        } catch {
            failure = error
        }
        let priced = try concurrent.finish()
        if let failure { throw failure }
        pass = priced
    }

    /// What earlier runs billed for the month: per employer and debtor, the regular bill and the sum of
    /// its lines with every adjustment's.
    static func billedSoFar(_ db: PostgresSession, month: YearMonth, employerID: Int64?) async throws -> [BillDrafter.Key: BilledSoFar] {
        var result: [BillDrafter.Key: BilledSoFar] = [:]
        let bills = try await db.rows(
            """
            SELECT employer_id, debtor_kind, debtor_key, max(id) FILTER (WHERE kind = 'regular'), count(*) FILTER (WHERE kind = 'adjustment')
            FROM bill WHERE month = \(month.description) AND kind <> 'prepaid' AND (\(employerID)::bigint IS NULL OR employer_id = \(employerID))
            GROUP BY employer_id, debtor_kind, debtor_key
            """)
        guard !bills.isEmpty else { return [:] }
        for row in bills {
            let (employer, kind, key, regular, adjustments) = try row.decode((Int64, String, String, Int64?, Int).self)
            guard let debtor = Debtor(kind: kind, key: key), let regular else { continue }
            let billKey = BillDrafter.Key(employerID: employer, debtor: debtor)
            result[billKey] = BilledSoFar(employerID: employer, debtor: debtor, regularBillID: regular, adjustments: adjustments, lines: [])
        }
        for row in try await db.rows(
            """
            SELECT b.employer_id, b.debtor_kind, b.debtor_key, l.payer, l.program, sum(l.amount)::bigint
            FROM bill b JOIN bill_line l ON l.bill_id = b.id
            WHERE b.month = \(month.description) AND b.kind <> 'prepaid' AND (\(employerID)::bigint IS NULL OR b.employer_id = \(employerID))
            GROUP BY b.employer_id, b.debtor_kind, b.debtor_key, l.payer, l.program
            """)
        {
            let (employer, kind, key, payerName, programName, amount) = try row.decode((Int64, String, String, String, String, Int64).self)
            guard let debtor = Debtor(kind: kind, key: key), let payer = Payer(rawValue: payerName), let program = Program(rawValue: programName)
            else { continue }
            result[BillDrafter.Key(employerID: employer, debtor: debtor)]?.lines.append(BillLine(program: program, payer: payer, amount: amount))
        }
        return result
    }

    static func unchargedFines(_ db: PostgresSession) async throws -> [Debtor: [(id: Int64, amount: Rupiah)]] {
        var fines: [Debtor: [(id: Int64, amount: Rupiah)]] = [:]
        for row in try await db.rows(
            """
            SELECT f.id, f.debtor_kind, f.debtor_key, f.amount FROM late_fine f
            WHERE NOT EXISTS (SELECT 1 FROM fine_charge c WHERE c.fine_id = f.id) ORDER BY f.id
            """)
        {
            let (id, kind, key, amount) = try row.decode((Int64, String, String, Int64).self)
            guard let debtor = Debtor(kind: kind, key: key) else { continue }
            fines[debtor, default: []].append((id, amount))
        }
        return fines
    }

    static func write(_ drafts: [BillDraft], pass: BillingPass, billedKeys: Set<BillDrafter.Key>, db: PostgresSession) async throws -> BillingRunSummary {
        let request = pass.request
        let month = request.month.description
        var summary = BillingRunSummary(month: request.month)
        // Read once: the pass may build this dictionary on every access.
        let employerMonths = pass.months
        summary.employers = employerMonths.count
        summary.workers = employerMonths.values.reduce(0) { $0 + $1.workers }
        let issuedKeys = Set(drafts.map { BillDrafter.Key(employerID: $0.employerID, debtor: $0.debtor) })
        summary.unchangedBills = billedKeys.subtracting(issuedKeys).count
        guard !drafts.isEmpty else { return summary }
        guard let tariffID = try await storeTariffs(db, [(request.month, request.tariff)])[request.month] else {
            throw StoreError.backend("the tariff of \(month) was not stored")
        }

        // Snapshots, one per employer with a bill, ascending by employer id as on SQLite.
        let snapshotEmployers = Set(drafts.map(\.employerID)).sorted().compactMap { employerMonths[$0] }
        let snapshotIDs = try await nextIDs(db, table: "bill_snapshot", count: snapshotEmployers.count)
        var snapshotOf: [Int64: Int64] = [:]
        for (employer, id) in zip(snapshotEmployers, snapshotIDs) { snapshotOf[employer.employer.id] = id }
        let snapshots = Array(zip(snapshotIDs, snapshotEmployers))
        for batch in byteBatches(snapshots, size: { $0.1.snapshot.bytes.count }) {
            try await db.execute(
                """
                INSERT INTO bill_snapshot (id, employer_id, month, tariff_id, risk_class, region_programs, workers, data)
                SELECT u.id, u.employer_id, \(month), \(tariffID), u.risk_class, u.region_programs, u.workers, u.data
                FROM unnest(\(batch.map(\.0))::bigint[], \(batch.map(\.1.employer.id))::bigint[],
                            \(batch.map { Int64($0.1.employer.riskClass) })::bigint[],
                            \(batch.map { Int64($0.1.employer.payingRegion?.programs.rawValue ?? 0) })::bigint[],
                            \(batch.map { Int64($0.1.workers) })::bigint[], \(batch.map { ByteBuffer(bytes: $0.1.snapshot.bytes) })::bytea[])
                     AS u(id, employer_id, risk_class, region_programs, workers, data)
                """)
        }

        // Bills in the drafter's order, their ids taken ahead so lines and fine charges can name them.
        let billIDs = try await nextIDs(db, table: "bill", count: drafts.count)
        let bills = Array(zip(billIDs, drafts))
        for batch in batches(bills) {
            try await db.execute(
                """
                INSERT INTO bill (id, number, employer_id, month, debtor_kind, debtor_key, kind, adjusts_bill_id, snapshot_id, issued_on,
                                  due_date, workers, jkp_from_jkk, jkp_from_jkm, contribution, fine, total, issued_by)
                SELECT u.id, u.number, u.employer_id, \(month), u.debtor_kind, u.debtor_key, u.kind, u.adjusts_bill_id, u.snapshot_id,
                       \(request.issuedOn.iso)::date, u.due_date, u.workers, u.jkp_from_jkk, u.jkp_from_jkm, u.contribution, u.fine, u.total,
                       \(request.actor)
                FROM unnest(\(batch.map(\.0))::bigint[], \(batch.map(\.1.number))::text[], \(batch.map(\.1.employerID))::bigint[],
                            \(batch.map(\.1.debtor.kind))::text[], \(batch.map(\.1.debtor.key))::text[], \(batch.map(\.1.kind.rawValue))::text[],
                            \(NullableArray(batch.map(\.1.adjustsBillID)))::bigint[], \(NullableArray(batch.map { snapshotOf[$0.1.employerID] }))::bigint[],
                            \(batch.map(\.1.dueDate.iso))::date[], \(batch.map { Int64($0.1.workers) })::bigint[],
                            \(batch.map(\.1.jkpFromJKK))::bigint[], \(batch.map(\.1.jkpFromJKM))::bigint[], \(batch.map(\.1.contribution))::bigint[],
                            \(batch.map(\.1.fine))::bigint[], \(batch.map(\.1.total))::bigint[])
                     AS u(id, number, employer_id, debtor_kind, debtor_key, kind, adjusts_bill_id, snapshot_id, due_date, workers,
                          jkp_from_jkk, jkp_from_jkm, contribution, fine, total)
                ORDER BY u.id
                """)
        }
        let lines = bills.flatMap { id, draft in draft.lines.map { (billID: id, line: $0) } }
        try await insertLines(db, lines)
        let charges = bills.flatMap { id, draft in draft.fineIDs.map { (fineID: $0, billID: id) } }
        for batch in batches(charges) {
            try await db.execute(
                "INSERT INTO fine_charge (fine_id, bill_id) SELECT * FROM unnest(\(batch.map(\.fineID))::bigint[], \(batch.map(\.billID))::bigint[])")
        }

        for draft in drafts {
            for line in draft.lines { summary.byPayer[line.payer, default: 0] += line.amount }
            if draft.kind == .regular { summary.regularBills += 1 } else { summary.adjustmentBills += 1 }
            summary.contribution += draft.contribution
            summary.fines += draft.fine
        }
        return summary
    }

    // MARK: - Shared by the billing run and prepayments

    /// Stores each month's tariff once (the JSON text with sorted keys, as on SQLite) and returns the ids.
    /// A tariff written concurrently by another transaction is waited for (ON CONFLICT) and then read.
    static func storeTariffs(_ db: PostgresSession, _ tariffs: [(month: YearMonth, tariff: BillingTariff)]) async throws -> [YearMonth: Int64] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let sorted = tariffs.sorted { $0.month < $1.month }
        let months = sorted.map(\.month.description)
        let texts = try sorted.map { String(decoding: try encoder.encode($0.tariff), as: UTF8.self) }
        try await db.execute(
            """
            INSERT INTO billing_tariff (month, tariff) SELECT * FROM unnest(\(months)::text[], \(texts)::text[])
            ON CONFLICT DO NOTHING
            """)
        var ids: [YearMonth: Int64] = [:]
        for row in try await db.rows(
            """
            SELECT t.month, t.id FROM billing_tariff t JOIN unnest(\(months)::text[], \(texts)::text[]) AS u(month, tariff)
              ON t.month = u.month AND md5(t.tariff) = md5(u.tariff) AND t.tariff = u.tariff
            """)
        {
            let (month, id) = try row.decode((String, Int64).self)
            if let month = YearMonth(iso: month) { ids[month] = id }
        }
        return ids
    }

    /// `count` new ids from `table`'s identity sequence, ascending.
    static func nextIDs(_ db: PostgresSession, table: String, count: Int) async throws -> [Int64] {
        guard count > 0 else { return [] }
        return try await db.rows(
            """
            SELECT nextval(q.sequence) FROM (SELECT pg_get_serial_sequence(\(table), 'id')::regclass AS sequence) q,
                   generate_series(1, \(Int64(count)))
            """
        ).map { try $0.decode(Int64.self) }.sorted()
    }

    static func insertLines(_ db: PostgresSession, _ lines: [(billID: Int64, line: BillLine)]) async throws {
        for batch in batches(lines) {
            try await db.execute(
                """
                INSERT INTO bill_line (bill_id, payer, program, amount)
                SELECT * FROM unnest(\(batch.map(\.billID))::bigint[], \(batch.map(\.line.payer.rawValue))::text[],
                                     \(batch.map(\.line.program.rawValue))::text[], \(batch.map(\.line.amount))::bigint[])
                """)
        }
    }

    /// `items` in slices of at most `batchSize` items and about 16 MB of `size` (snapshots of big employers
    /// run to megabytes each).
    static func byteBatches<Item>(_ items: [Item], size: (Item) -> Int) -> [ArraySlice<Item>] {
        let limit = 16 << 20
        var result: [ArraySlice<Item>] = []
        var start = 0
        var bytes = 0
        for (index, item) in items.enumerated() {
            let itemSize = size(item)
            if index > start && (index - start >= batchSize || bytes + itemSize > limit) {
                result.append(items[start..<index])
                start = index
                bytes = 0
            }
            bytes += itemSize
        }
        if start < items.count { result.append(items[start...]) }
        return result
    }
}
