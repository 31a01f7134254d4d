import Foundation
import GRDB
public import LindungCore
public import LindungStorage

/// Payments on SQLite: posted idempotently by reference and allocated, in the same transaction, oldest
/// open bill first with `PaymentAllocator`. SQLite runs one writer at a time, so two postings for the same
/// debtor never see the same open amounts.
extension SQLiteStore {
    public func postPayment(_ request: PaymentRequest, rules: RuleSet) async throws -> PaymentReceipt {
        guard request.amount > 0 else { throw StoreError.invalid("amount: \(request.amount) must be more than 0") }
        guard !request.reference.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.invalid("reference: must not be empty") }
        let recordedAt = timestamp()
        return try await mapped {
            try await writer.write { db in
                if let receipt = try Self.existingReceipt(db, reference: request.reference, billID: request.billID, amount: request.amount) {
                    return receipt
                }
                guard let row = try Row.fetchOne(db, sql: "SELECT debtor_kind, debtor_key FROM bill WHERE id = ?", arguments: [request.billID]),
                    let debtor = Debtor(kind: row["debtor_kind"], key: row["debtor_key"])
                else { throw StoreError.notFound("bill \(request.billID)") }
                try db.execute(
                    sql: """
                        INSERT INTO payment (reference, bill_id, debtor_kind, debtor_key, amount, paid_on, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [request.reference, request.billID, debtor.kind, debtor.key, request.amount, request.paidOn.iso, recordedAt, request.actor])
                let paymentID = db.lastInsertedRowID
                try Self.allocateFunds(db, debtor: debtor, rules: rules)
                return try Self.receipt(db, paymentID: paymentID, newlyPosted: true)
            }
        }
    }

    /// The receipt of a reference already posted, or nil; the same reference for another bill or amount is
    /// a conflict, not a second payment.
    static func existingReceipt(_ db: Database, reference: String, billID: Int64?, amount: Rupiah?) throws -> PaymentReceipt? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, bill_id, amount FROM payment WHERE reference = ?", arguments: [reference]) else { return nil }
        let postedBill: Int64 = row["bill_id"]
        let postedAmount: Rupiah = row["amount"]
        if let billID, let amount, postedBill != billID || postedAmount != amount {
            throw StoreError.conflict("payment reference \(reference) was already posted: \(postedAmount) on bill \(postedBill)")
        }
        return try receipt(db, paymentID: row["id"], newlyPosted: false)
    }

    /// Spends the debtor's unallocated money (payments, credit notes) on its open bills, oldest first, and
    /// records the late fines the late parts incur.
    static func allocateFunds(_ db: Database, debtor: Debtor, rules: RuleSet) throws {
        let arguments: StatementArguments = [debtor.kind, debtor.key]
        var funds: [(fund: PaymentAllocator.Fund, order: (String, Int64))] = []
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, p.paid_on, p.amount - COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.payment_id = p.id), 0) AS left
                FROM payment p WHERE p.debtor_kind = ? AND p.debtor_key = ?
                """, arguments: arguments)
        where (row["left"] as Rupiah) > 0 {
            let date = try SQLiteRows.date(row["paid_on"])
            funds.append((PaymentAllocator.Fund(source: .payment(row["id"]), date: date, available: row["left"]), (date.iso, row["id"])))
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT b.id, b.issued_on, -b.total - COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.credit_bill_id = b.id), 0) AS left
                FROM bill b WHERE b.debtor_kind = ? AND b.debtor_key = ? AND b.total < 0
                """, arguments: arguments)
        where (row["left"] as Rupiah) > 0 {
            let date = try SQLiteRows.date(row["issued_on"])
            funds.append((PaymentAllocator.Fund(source: .creditNote(row["id"]), date: date, available: row["left"]), (date.iso, row["id"])))
        }
        guard !funds.isEmpty else { return }
        funds.sort { $0.order < $1.order }
        let bills = try Row.fetchAll(
            db,
            sql: """
                SELECT b.id, b.month, b.due_date, b.contribution, b.total,
                  COALESCE(SUM(a.amount), 0) AS paid, COALESCE(SUM(a.toward_contribution), 0) AS paid_contribution
                FROM bill b LEFT JOIN allocation a ON a.bill_id = b.id
                WHERE b.debtor_kind = ? AND b.debtor_key = ? AND b.total > 0
                GROUP BY b.id HAVING paid < b.total
                """, arguments: arguments
        ).map { row in
            PaymentAllocator.OpenBill(
                id: row["id"], month: YearMonth(iso: row["month"] as String)!, dueDate: try SQLiteRows.date(row["due_date"]),
                contribution: row["contribution"], total: row["total"], paid: row["paid"], paidContribution: row["paid_contribution"])
        }
        let allocations = try PaymentAllocator(rules: rules).allocate(bills: bills, funds: funds.map(\.fund))
        for allocation in allocations {
            var paymentID: Int64?
            var creditBillID: Int64?
            switch allocation.source {
            case .payment(let id): paymentID = id
            case .creditNote(let id): creditBillID = id
            }
            try db.execute(
                sql: """
                    INSERT INTO allocation (payment_id, credit_bill_id, bill_id, amount, toward_contribution, months_late)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [paymentID, creditBillID, allocation.billID, allocation.amount, allocation.towardContribution, allocation.monthsLate])
            if allocation.fine > 0 {
                try db.execute(
                    sql: "INSERT INTO late_fine (allocation_id, bill_id, debtor_kind, debtor_key, amount, months_late) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [db.lastInsertedRowID, allocation.billID, debtor.kind, debtor.key, allocation.fine, allocation.monthsLate])
            }
        }
    }

    static func receipt(_ db: Database, paymentID: Int64, newlyPosted: Bool) throws -> PaymentReceipt {
        guard let payment = try Row.fetchOne(db, sql: "SELECT * FROM payment WHERE id = ?", arguments: [paymentID]),
            let debtor = Debtor(kind: payment["debtor_kind"], key: payment["debtor_key"])
        else { throw StoreError.notFound("payment \(paymentID)") }
        let allocations = try Row.fetchAll(
            db,
            sql: """
                SELECT a.bill_id, b.number, b.month, a.amount, a.months_late, COALESCE(f.amount, 0) AS fine
                FROM allocation a JOIN bill b ON b.id = a.bill_id LEFT JOIN late_fine f ON f.allocation_id = a.id
                WHERE a.payment_id = ? ORDER BY a.id
                """, arguments: [paymentID]
        ).map { row in
            PaymentReceipt.Allocation(
                billID: row["bill_id"], billNumber: row["number"], month: YearMonth(iso: row["month"] as String)!, amount: row["amount"],
                monthsLate: row["months_late"], fine: row["fine"])
        }
        let credit =
            try Rupiah.fetchOne(
                db,
                sql: """
                    SELECT COALESCE((SELECT SUM(amount) FROM payment WHERE debtor_kind = :kind AND debtor_key = :key), 0)
                      + COALESCE((SELECT -SUM(total) FROM bill WHERE debtor_kind = :kind AND debtor_key = :key AND total < 0), 0)
                      - COALESCE((SELECT SUM(a.amount) FROM allocation a JOIN bill b ON b.id = a.bill_id
                                  WHERE b.debtor_kind = :kind AND b.debtor_key = :key), 0)
                    """, arguments: ["kind": debtor.kind, "key": debtor.key]) ?? 0
        return PaymentReceipt(
            paymentID: paymentID, reference: payment["reference"], debtor: debtor, amount: payment["amount"],
            paidOn: try SQLiteRows.date(payment["paid_on"]), newlyPosted: newlyPosted, allocations: allocations, credit: credit)
    }
}
