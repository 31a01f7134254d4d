import Foundation
public import LindungCore
public import LindungStorage
import PostgresNIO

/// Payments on PostgreSQL: posted idempotently by reference and allocated, in the same transaction, oldest
/// open bill first with `PaymentAllocator`, as on SQLite.
///
/// SQLite runs one writer at a time; here writers run at once, so a posting first takes a transaction-level
/// advisory lock on its debtor (`debtorLock`) and only then reads the debtor's funds and open bills: two
/// postings for the same debtor take turns and never spend the same open amount twice. The payment row goes
/// in with `ON CONFLICT (reference) DO NOTHING`: when another transaction posted the same reference first,
/// this one waits for it and returns its receipt (`newlyPosted` false), as a second posting does on SQLite.
extension PostgresStore {
    /// The first key of the two-key advisory locks on debtors (a key space apart from the one-key locks of
    /// the migrator and the billing run); the second is `hashtext('kind:key')`.
    static let debtorLockClass: Int32 = 0x4C44_4254  // "LDBT"

    public func postPayment(_ request: PaymentRequest, rules: RuleSet) async throws -> PaymentReceipt {
        guard request.amount > 0 else { throw StoreError.invalid("amount: \(request.amount) must be more than 0") }
        guard !request.reference.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.invalid("reference: must not be empty") }
        let recordedAt = now()
        return try await transaction { db in
            if let receipt = try await Self.existingReceipt(db, reference: request.reference, billID: request.billID, amount: request.amount) {
                return receipt
            }
            guard let row = try await db.rows("SELECT debtor_kind, debtor_key FROM bill WHERE id = \(request.billID)").first,
                case let (kind, key) = try row.decode((String, String).self), let debtor = Debtor(kind: kind, key: key)
            else { throw StoreError.notFound("bill \(request.billID)") }
            try await Self.lock(db, debtor: debtor)
            guard
                let paymentID = try await db.value(
                    """
                    INSERT INTO payment (reference, bill_id, debtor_kind, debtor_key, amount, paid_on, recorded_at, recorded_by)
                    VALUES (\(request.reference), \(request.billID), \(debtor.kind), \(debtor.key), \(request.amount), \(request.paidOn.iso)::date,
                            \(recordedAt), \(request.actor))
                    ON CONFLICT (reference) DO NOTHING
                    RETURNING id
                    """, as: Int64.self)
            else {
                // Posted by a concurrent transaction since the check above (it has committed: we waited for it).
                guard let receipt = try await Self.existingReceipt(db, reference: request.reference, billID: request.billID, amount: request.amount)
                else { throw StoreError.backend("payment reference \(request.reference) conflicts but cannot be read") }
                return receipt
            }
            try await Self.allocateFunds(db, debtor: debtor, rules: rules)
            return try await Self.receipt(db, paymentID: paymentID, newlyPosted: true)
        }
    }

    /// Waits for any other transaction posting money of `debtor`, until this transaction ends.
    static func lock(_ db: PostgresSession, debtor: Debtor) async throws {
        try await db.execute("SELECT pg_advisory_xact_lock(\(debtorLockClass), hashtext(\(debtor.kind + ":" + debtor.key)))")
    }

    /// The receipt of a reference already posted, or nil; the same reference for another bill or amount is
    /// a conflict, not a second payment.
    static func existingReceipt(_ db: PostgresSession, reference: String, billID: Int64?, amount: Rupiah?) async throws -> PaymentReceipt? {
        guard let row = try await db.rows("SELECT id, bill_id, amount FROM payment WHERE reference = \(reference)").first else { return nil }
        let (id, postedBill, postedAmount) = try row.decode((Int64, Int64, Int64).self)
        if let billID, let amount, postedBill != billID || postedAmount != amount {
            throw StoreError.conflict("payment reference \(reference) was already posted: \(postedAmount) on bill \(postedBill)")
        }
        return try await receipt(db, paymentID: id, newlyPosted: false)
    }

    /// Spends the debtor's unallocated money (payments, credit notes) on its open bills, oldest first, and
    /// records the late fines the late parts incur. The caller holds the debtor's lock.
    static func allocateFunds(_ db: PostgresSession, debtor: Debtor, rules: RuleSet) async throws {
        var funds: [(fund: PaymentAllocator.Fund, order: (String, Int64))] = []
        for row in try await db.rows(
            """
            SELECT p.id, to_char(p.paid_on, 'YYYY-MM-DD'),
                   (p.amount - coalesce((SELECT sum(a.amount) FROM allocation a WHERE a.payment_id = p.id), 0))::bigint
            FROM payment p WHERE p.debtor_kind = \(debtor.kind) AND p.debtor_key = \(debtor.key)
            """)
        {
            let (id, day, left) = try row.decode((Int64, String, Int64).self)
            guard left > 0 else { continue }
            let date = try PostgresRows.date(day)
            funds.append((PaymentAllocator.Fund(source: .payment(id), date: date, available: left), (day, id)))
        }
        for row in try await db.rows(
            """
            SELECT b.id, to_char(b.issued_on, 'YYYY-MM-DD'),
                   (-b.total - coalesce((SELECT sum(a.amount) FROM allocation a WHERE a.credit_bill_id = b.id), 0))::bigint
            FROM bill b WHERE b.debtor_kind = \(debtor.kind) AND b.debtor_key = \(debtor.key) AND b.total < 0
            """)
        {
            let (id, day, left) = try row.decode((Int64, String, Int64).self)
            guard left > 0 else { continue }
            let date = try PostgresRows.date(day)
            funds.append((PaymentAllocator.Fund(source: .creditNote(id), date: date, available: left), (day, id)))
        }
        guard !funds.isEmpty else { return }
        funds.sort { $0.order < $1.order }
        let bills = try await db.rows(
            """
            SELECT b.id, b.month, to_char(b.due_date, 'YYYY-MM-DD'), b.contribution, b.total,
                   coalesce(sum(a.amount), 0)::bigint, coalesce(sum(a.toward_contribution), 0)::bigint
            FROM bill b LEFT JOIN allocation a ON a.bill_id = b.id
            WHERE b.debtor_kind = \(debtor.kind) AND b.debtor_key = \(debtor.key) AND b.total > 0
            GROUP BY b.id HAVING coalesce(sum(a.amount), 0) < b.total
            """
        ).map { row in
            let (id, month, due, contribution, total, paid, paidContribution) = try row.decode((Int64, String, String, Int64, Int64, Int64, Int64).self)
            guard let month = YearMonth(iso: month) else { throw StoreError.backend("bill \(id) has an unreadable month") }
            return PaymentAllocator.OpenBill(
                id: id, month: month, dueDate: try PostgresRows.date(due), contribution: contribution, total: total, paid: paid,
                paidContribution: paidContribution)
        }
        let allocations = try PaymentAllocator(rules: rules).allocate(bills: bills, funds: funds.map(\.fund))
        guard !allocations.isEmpty else { return }
        // Ids taken ahead, in allocation order (the receipt lists allocations by id), so the fines can name them.
        let ids = try await PostgresStore.nextIDs(db, table: "allocation", count: allocations.count)
        let rows = Array(zip(ids, allocations))
        for batch in batches(rows) {
            let paymentIDs = batch.map { _, allocation -> Int64? in
                if case .payment(let id) = allocation.source { return id }
                return nil
            }
            let creditIDs = batch.map { _, allocation -> Int64? in
                if case .creditNote(let id) = allocation.source { return id }
                return nil
            }
            try await db.execute(
                """
                INSERT INTO allocation (id, payment_id, credit_bill_id, bill_id, amount, toward_contribution, months_late)
                SELECT * FROM unnest(\(batch.map(\.0))::bigint[], \(NullableArray(paymentIDs))::bigint[], \(NullableArray(creditIDs))::bigint[],
                                     \(batch.map(\.1.billID))::bigint[], \(batch.map(\.1.amount))::bigint[],
                                     \(batch.map(\.1.towardContribution))::bigint[], \(batch.map { Int64($0.1.monthsLate) })::bigint[])
                """)
        }
        let fined = rows.filter { $0.1.fine > 0 }
        for batch in batches(fined) {
            try await db.execute(
                """
                INSERT INTO late_fine (allocation_id, bill_id, debtor_kind, debtor_key, amount, months_late)
                SELECT u.allocation_id, u.bill_id, \(debtor.kind), \(debtor.key), u.amount, u.months_late
                FROM unnest(\(batch.map(\.0))::bigint[], \(batch.map(\.1.billID))::bigint[], \(batch.map(\.1.fine))::bigint[],
                            \(batch.map { Int64($0.1.monthsLate) })::bigint[]) WITH ORDINALITY AS u(allocation_id, bill_id, amount, months_late, n)
                ORDER BY u.n
                """)
        }
    }

    static func receipt(_ db: PostgresSession, paymentID: Int64, newlyPosted: Bool) async throws -> PaymentReceipt {
        guard
            let row = try await db.rows(
                "SELECT reference, debtor_kind, debtor_key, amount, to_char(paid_on, 'YYYY-MM-DD') FROM payment WHERE id = \(paymentID)"
            ).first
        else { throw StoreError.notFound("payment \(paymentID)") }
        let (reference, kind, key, amount, paidOn) = try row.decode((String, String, String, Int64, String).self)
        guard let debtor = Debtor(kind: kind, key: key) else { throw StoreError.notFound("payment \(paymentID)") }
        let allocations = try await db.rows(
            """
            SELECT a.bill_id, b.number, b.month, a.amount, a.months_late, coalesce(f.amount, 0)
            FROM allocation a JOIN bill b ON b.id = a.bill_id LEFT JOIN late_fine f ON f.allocation_id = a.id
            WHERE a.payment_id = \(paymentID) ORDER BY a.id
            """
        ).map { row in
            let (billID, number, month, amount, monthsLate, fine) = try row.decode((Int64, String, String, Int64, Int, Int64).self)
            guard let month = YearMonth(iso: month) else { throw StoreError.backend("bill \(billID) has an unreadable month") }
            return PaymentReceipt.Allocation(billID: billID, billNumber: number, month: month, amount: amount, monthsLate: monthsLate, fine: fine)
        }
        let credit =
            try await db.value(
                """
                SELECT (coalesce((SELECT sum(amount) FROM payment WHERE debtor_kind = d.kind AND debtor_key = d.key), 0)
                  + coalesce((SELECT -sum(total) FROM bill WHERE debtor_kind = d.kind AND debtor_key = d.key AND total < 0), 0)
                  - coalesce((SELECT sum(a.amount) FROM allocation a JOIN bill b ON b.id = a.bill_id
                              WHERE b.debtor_kind = d.kind AND b.debtor_key = d.key), 0))::bigint
                FROM (SELECT \(debtor.kind)::text AS kind, \(debtor.key)::text AS key) d
                """, as: Int64.self) ?? 0
        return PaymentReceipt(
            paymentID: paymentID, reference: reference, debtor: debtor, amount: amount, paidOn: try PostgresRows.date(paidOn),
            newlyPosted: newlyPosted, allocations: allocations, credit: credit)
    }
}
