import Foundation
import Hummingbird
import LindungCore
import LindungStorage

/// `POST /bills/{id}/payments` (form: `amount`, `paid_on`, `reference`, the hidden `csrf_token` and
/// `idempotency_key`): the API's payment posting (`PaymentHandlers`: the store posts a reference once) for
/// the roles that change things, then a 303 back to the bill page, which shows the receipt once. Without a
/// reference the form's hidden `idempotency_key` (new on every rendering of the bill page) is the
/// reference, so a form sent twice posts once.
enum PaymentPages {
    static func post(_ request: Request, _ context: ServerRequestContext, _ page: PageCall, _ fields: FormFields) async throws -> Response {
        let reader = page.reader
        guard reader.viewer.writes else { throw APIError(.forbidden, "a \(page.account.role.rawValue) may not post payments") }
        let bill = try await reader.bill(try context.pathID("id"))
        let amountText = (fields.text("amount") ?? "").filter { $0 != "." && $0 != " " }
        guard let amount = Int64(amountText), amount > 0 else { throw APIError.invalid(page.language.strings["payment_bad_amount"]!) }
        guard let paidOn = CalendarDate(iso: fields.text("paid_on") ?? "") else { throw APIError.invalid(page.language.strings["payment_bad_date"]!) }
        let typed = (fields.text("reference") ?? "").trimmingCharacters(in: .whitespaces)
        guard let reference = typed.isEmpty ? fields.text("idempotency_key").flatMap({ $0.isEmpty ? nil : $0 }) : typed else {
            throw APIError.invalid(page.language.strings["payment_no_reference"]!)
        }
        let receipt = try await page.store.postPayment(
            PaymentRequest(billID: bill.id, amount: amount, paidOn: paidOn, reference: reference, actor: page.call.actor(reader)),
            rules: page.call.environment.rules)
        await ReceiptFlash.shared.put(receipt, session: page.session.id, bill: bill.id)
        return Response(status: .seeOther, headers: [.location: "/bills/\(bill.id)"])
    }

    /// What the bill page shows of a receipt just posted.
    static func receiptValues(_ receipt: PaymentReceipt, _ page: PageCall) -> [String: Any] {
        [
            "reference": receipt.reference, "amount": page.money(receipt.amount), "paid_on": PageFormat.date(receipt.paidOn, page.language),
            "newly_posted": receipt.newlyPosted, "credit": page.money(receipt.credit), "has_credit": receipt.credit > 0,
            "allocations": receipt.allocations.map {
                ["number": $0.billNumber, "month": PageFormat.month($0.month, page.language), "amount": page.money($0.amount), "fine": page.money($0.fine)]
                    as [String: Any]
            },
        ]
    }
}

/// A receipt waiting for the bill page the payment form redirects to, per session and bill, shown once.
actor ReceiptFlash {
    static let shared = ReceiptFlash()
    private var receipts: [String: PaymentReceipt] = [:]

    func put(_ receipt: PaymentReceipt, session: String, bill: Int64) {
        if receipts.count > 10_000 { receipts.removeAll() }
        receipts["\(session)/\(bill)"] = receipt
    }

    func take(session: String, bill: Int64) -> PaymentReceipt? {
        receipts.removeValue(forKey: "\(session)/\(bill)")
    }
}
