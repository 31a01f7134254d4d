import Foundation
import GRDB
public import LindungCore
public import LindungStorage

/// BPU months paid ahead on SQLite: one prepaid bill per month, priced with that month's tariff, and the
/// payment allocated to them at once; the billing run then leaves those months out.
extension SQLiteStore {
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
        let recordedAt = timestamp()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try await mapped {
            try await writer.write { db in
                if let receipt = try Self.existingReceipt(db, reference: request.reference, billID: nil, amount: nil) { return receipt }
                guard
                    let spell = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT s.id, s.programs, s.employer_id, e.npp, e.risk_class, e.parent_region_code,
                              (SELECT a.programs FROM agreement a WHERE a.region_code = e.parent_region_code AND a.payer_group = 'vulnerable'
                                 AND a.effective_from <= :day AND (a.effective_to IS NULL OR a.effective_to >= :day)
                               ORDER BY a.effective_from DESC LIMIT 1) AS agreement_programs
                            FROM spell s JOIN person p ON p.id = s.person_id JOIN employer e ON e.id = s.employer_id
                            WHERE p.nik = :nik AND s.segment = 'bpu' AND s.start_date <= :day AND (s.end_date IS NULL OR s.end_date >= :day)
                            ORDER BY s.id DESC LIMIT 1
                            """, arguments: ["nik": request.nik, "day": request.from.firstDay.iso])
                else { throw StoreError.notFound("a BPU spell of NIK \(request.nik) active on \(request.from.firstDay.iso)") }
                let spellID: Int64 = spell["id"]
                let employerID: Int64 = spell["employer_id"]
                let npp: String = spell["npp"]
                let programs = ProgramSet(list: spell["programs"] as String)
                let regionPrograms = (spell["agreement_programs"] as String?).map { ProgramSet(list: $0) }
                let regionCode: String? = regionPrograms == nil ? nil : spell["parent_region_code"]
                let debtor: Debtor = regionCode.map { .region(code: $0) } ?? .participant(nik: request.nik)
                var billIDs: [Int64] = []
                var total: Rupiah = 0
                for month in months {
                    if try Bool.fetchOne(db, sql: "SELECT 1 FROM bpu_prepaid WHERE spell_id = ? AND month = ?", arguments: [spellID, month.description]) ?? false {
                        throw StoreError.conflict("BPU month \(month) of NIK \(request.nik) is already paid ahead")
                    }
                    guard
                        let income = try Rupiah.fetchOne(
                            db, sql: "SELECT amount FROM wage WHERE spell_id = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
                            arguments: [spellID, month.lastDay.iso])
                    else { throw StoreError.invalid("NIK \(request.nik) has no declared income for \(month)") }
                    let tariff = monthTariffs[month]!
                    let basis = WorkerBasis(
                        spellID: spellID, segment: .bpu, programs: programs, base: try tariff.bpuBase(income: income), regionPays: regionCode != nil)
                    let charge = BillingPass.part(
                        of: tariff.charge(basis, riskClass: spell["risk_class"], regionPrograms: regionPrograms ?? []), for: debtor)
                    let lines = BillDrafter.lines(of: charge)
                    let amount = lines.reduce(0) { $0 + $1.amount }
                    let tariffJSON = String(decoding: try encoder.encode(tariff), as: UTF8.self)
                    try db.execute(
                        sql: "INSERT INTO billing_tariff (month, tariff) VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [month.description, tariffJSON])
                    try db.execute(
                        sql: """
                            INSERT INTO bill_snapshot (employer_id, month, tariff_id, risk_class, region_programs, workers, data)
                            VALUES (?, ?, (SELECT id FROM billing_tariff WHERE month = ? AND tariff = ?), ?, ?, 1, ?)
                            """,
                        arguments: [
                            employerID, month.description, month.description, tariffJSON, spell["risk_class"] as Int64,
                            Int64(regionPrograms?.rawValue ?? 0), Data(WorkerSnapshotCodec.encode([basis])),
                        ])
                    let snapshotID = db.lastInsertedRowID
                    try db.execute(
                        sql: """
                            INSERT INTO bill (number, employer_id, month, debtor_kind, debtor_key, kind, snapshot_id, issued_on, due_date, workers,
                              contribution, fine, total, issued_by)
                            VALUES (?, ?, ?, ?, ?, 'prepaid', ?, ?, ?, 1, ?, 0, ?, ?)
                            """,
                        arguments: [
                            "\(month.description.replacingOccurrences(of: "-", with: ""))-\(npp)-S\(spellID)", employerID, month.description,
                            debtor.kind, debtor.key, snapshotID, request.paidOn.iso, monthDueDates[month]!.iso, amount, amount, request.actor,
                        ])
                    let billID = db.lastInsertedRowID
                    for line in lines {
                        try db.execute(
                            sql: "INSERT INTO bill_line (bill_id, payer, program, amount) VALUES (?, ?, ?, ?)",
                            arguments: [billID, line.payer.rawValue, line.program.rawValue, line.amount])
                    }
                    try db.execute(
                        sql: "INSERT INTO bpu_prepaid (spell_id, month, bill_id) VALUES (?, ?, ?)", arguments: [spellID, month.description, billID])
                    billIDs.append(billID)
                    total += amount
                }
                try db.execute(
                    sql: """
                        INSERT INTO payment (reference, bill_id, debtor_kind, debtor_key, amount, paid_on, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [request.reference, billIDs[0], debtor.kind, debtor.key, total, request.paidOn.iso, recordedAt, request.actor])
                let paymentID = db.lastInsertedRowID
                try Self.allocateFunds(db, debtor: debtor, rules: rules)
                return try Self.receipt(db, paymentID: paymentID, newlyPosted: true)
            }
        }
    }
}
