import Foundation
public import LindungCore
public import LindungStorage
import PostgresNIO

/// BPU months paid ahead on PostgreSQL, as on SQLite: one prepaid bill per month, priced with that month's
/// tariff, and the payment allocated to them at once; the billing run then leaves those months out.
///
/// The months are checked and priced in Swift from two reads (months already prepaid, the income in force
/// in each month), then written in one `unnest` batch per table. The transaction takes the billing run's
/// advisory lock shared (a run reads the prepaid months once, before it streams the spells) and the
/// debtor's lock, as `postPayment` does.
extension PostgresStore {
    public func prepayBPU(_ request: PrepaymentRequest, rules: RuleSet, holidays: HolidayCalendar) async throws -> PaymentReceipt {
        guard PrepaymentRequest.allowedMonths.contains(request.months) else {
            throw StoreError.invalid("months: \(request.months) is not one of 1, 3, 6 or 12")
        }
        // Prices and due dates come from the rules before the transaction opens.
        let months = (0..<request.months).map { request.from.adding(months: $0) }
        var tariffs: [YearMonth: BillingTariff] = [:]
        var dueDates: [YearMonth: CalendarDate] = [:]
        let due = DueDateCalculator(rules: rules, holidays: holidays)
        for month in months {
            tariffs[month] = try BillingTariff(rules: rules, month: month)
            dueDates[month] = try due.dueDate(segment: .bpu, month: month).dueDate
        }
        let (monthTariffs, monthDueDates) = (tariffs, dueDates)
        let recordedAt = now()
        do {
            return try await transaction { db in
                try await db.execute("SELECT pg_advisory_xact_lock_shared(\(Self.billingLockKey))")
                if let receipt = try await Self.existingReceipt(db, reference: request.reference, billID: nil, amount: nil) { return receipt }
                guard
                    let spell = try await db.rows(
                        """
                        SELECT s.id, s.programs, s.employer_id, e.npp, e.risk_class, e.parent_region_code,
                          (SELECT a.programs FROM agreement a WHERE a.region_code = e.parent_region_code AND a.payer_group = 'vulnerable'
                             AND a.effective_from <= d.day AND (a.effective_to IS NULL OR a.effective_to >= d.day)
                           ORDER BY a.effective_from DESC LIMIT 1) AS agreement_programs
                        FROM (SELECT \(request.from.firstDay.iso)::date AS day) d,
                             spell s JOIN person p ON p.id = s.person_id JOIN employer e ON e.id = s.employer_id
                        WHERE p.nik = \(request.nik) AND s.segment = 'bpu' AND s.start_date <= d.day AND (s.end_date IS NULL OR s.end_date >= d.day)
                        ORDER BY s.id DESC LIMIT 1
                        """
                    ).first
                else { throw StoreError.notFound("a BPU spell of NIK \(request.nik) active on \(request.from.firstDay.iso)") }
                let (spellID, programList, employerID, npp, riskClass, parentRegion, agreementPrograms) = try spell.decode(
                    (Int64, String, Int64, String, Int, String?, String?).self)
                let programs = ProgramSet(list: programList)
                let regionPrograms = agreementPrograms.map { ProgramSet(list: $0) }
                let regionCode: String? = regionPrograms == nil ? nil : parentRegion
                let debtor: Debtor = regionCode.map { .region(code: $0) } ?? .participant(nik: request.nik)
                try await Self.lock(db, debtor: debtor)
                // A concurrent posting of the same reference for this debtor has committed while we waited.
                if let receipt = try await Self.existingReceipt(db, reference: request.reference, billID: nil, amount: nil) { return receipt }

                let monthNames = months.map(\.description)
                let prepaid = Set(
                    try await db.rows("SELECT month FROM bpu_prepaid WHERE spell_id = \(spellID) AND month = ANY(\(monthNames)::text[])").map {
                        try $0.decode(String.self)
                    })
                var incomes: [String: Rupiah] = [:]
                for row in try await db.rows(
                    """
                    SELECT m.month, (SELECT w.amount FROM wage w WHERE w.spell_id = \(spellID) AND w.effective_from <= m.last
                                     ORDER BY w.effective_from DESC LIMIT 1)
                    FROM unnest(\(monthNames)::text[], \(months.map(\.lastDay.iso))::date[]) AS m(month, last)
                    """)
                {
                    let (month, income) = try row.decode((String, Int64?).self)
                    if let income { incomes[month] = income }
                }
                // Checked and priced month by month, in order, as SQLite does: the first month at fault decides the error.
                var priced: [(month: YearMonth, basis: WorkerBasis, lines: [BillLine], amount: Rupiah)] = []
                for month in months {
                    if prepaid.contains(month.description) {
                        throw StoreError.conflict("BPU month \(month) of NIK \(request.nik) is already paid ahead")
                    }
                    guard let income = incomes[month.description] else { throw StoreError.invalid("NIK \(request.nik) has no declared income for \(month)") }
                    let tariff = monthTariffs[month]!
                    let basis = WorkerBasis(
                        spellID: spellID, segment: .bpu, programs: programs, base: try tariff.bpuBase(income: income), regionPays: regionCode != nil)
                    let charge = BillingPass.part(of: tariff.charge(basis, riskClass: riskClass, regionPrograms: regionPrograms ?? []), for: debtor)
                    let lines = BillDrafter.lines(of: charge)
                    priced.append((month, basis, lines, lines.reduce(0) { $0 + $1.amount }))
                }

                let tariffIDs = try await Self.storeTariffs(db, months.map { ($0, monthTariffs[$0]!) })
                let snapshotIDs = try await Self.nextIDs(db, table: "bill_snapshot", count: priced.count)
                let billIDs = try await Self.nextIDs(db, table: "bill", count: priced.count)
                try await db.execute(
                    """
                    INSERT INTO bill_snapshot (id, employer_id, month, tariff_id, risk_class, region_programs, workers, data)
                    SELECT u.id, \(employerID), u.month, u.tariff_id, \(Int64(riskClass)), \(Int64(regionPrograms?.rawValue ?? 0)), 1, u.data
                    FROM unnest(\(snapshotIDs)::bigint[], \(monthNames)::text[], \(try months.map { try Self.tariffID(tariffIDs, $0) })::bigint[],
                                \(priced.map { ByteBuffer(bytes: WorkerSnapshotCodec.encode([$0.basis])) })::bytea[]) AS u(id, month, tariff_id, data)
                    """)
                try await db.execute(
                    """
                    INSERT INTO bill (id, number, employer_id, month, debtor_kind, debtor_key, kind, snapshot_id, issued_on, due_date, workers,
                                      contribution, fine, total, issued_by)
                    SELECT u.id, u.number, \(employerID), u.month, \(debtor.kind), \(debtor.key), 'prepaid', u.snapshot_id, \(request.paidOn.iso)::date,
                           u.due_date, 1, u.amount, 0, u.amount, \(request.actor)
                    FROM unnest(\(billIDs)::bigint[], \(months.map { "\($0.description.replacingOccurrences(of: "-", with: ""))-\(npp)-S\(spellID)" })::text[],
                                \(monthNames)::text[], \(snapshotIDs)::bigint[], \(months.map { monthDueDates[$0]!.iso })::date[],
                                \(priced.map(\.amount))::bigint[]) AS u(id, number, month, snapshot_id, due_date, amount)
                    ORDER BY u.id
                    """)
                try await Self.insertLines(db, zip(billIDs, priced).flatMap { id, month in month.lines.map { (billID: id, line: $0) } })
                try await db.execute(
                    """
                    INSERT INTO bpu_prepaid (spell_id, month, bill_id)
                    SELECT \(spellID), u.month, u.bill_id FROM unnest(\(monthNames)::text[], \(billIDs)::bigint[]) AS u(month, bill_id)
                    """)
                guard
                    let paymentID = try await db.value(
                        """
                        INSERT INTO payment (reference, bill_id, debtor_kind, debtor_key, amount, paid_on, recorded_at, recorded_by)
                        VALUES (\(request.reference), \(billIDs[0]), \(debtor.kind), \(debtor.key), \(priced.reduce(0) { $0 + $1.amount }),
                                \(request.paidOn.iso)::date, \(recordedAt), \(request.actor))
                        ON CONFLICT (reference) DO NOTHING
                        RETURNING id
                        """, as: Int64.self)
                else {
                    // Another debtor's posting took the reference meanwhile: undo these bills, return its receipt.
                    throw ReferenceTaken()
                }
                try await Self.allocateFunds(db, debtor: debtor, rules: rules)
                return try await Self.receipt(db, paymentID: paymentID, newlyPosted: true)
            }
        } catch is ReferenceTaken {
            return try await transaction(readOnly: true) { db in
                guard let receipt = try await Self.existingReceipt(db, reference: request.reference, billID: nil, amount: nil) else {
                    throw StoreError.backend("payment reference \(request.reference) conflicts but cannot be read")
                }
                return receipt
            }
        }
    }

    static func tariffID(_ ids: [YearMonth: Int64], _ month: YearMonth) throws -> Int64 {
        guard let id = ids[month] else { throw StoreError.backend("the tariff of \(month) was not stored") }
        return id
    }
}

/// Thrown inside a prepayment's transaction to roll it back when its reference was posted concurrently.
struct ReferenceTaken: Error {}
