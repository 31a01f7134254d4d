import HTTPTypes
import Hummingbird
import LindungCore
import LindungStorage

/// Posting a payment against a bill's debtor. The store is idempotent by reference; an `Idempotency-Key`
/// header stands in for the reference when the body has none. A first posting answers 201, the same
/// reference again answers 200 with the first receipt (`"newly_posted": false`).
enum PaymentHandlers {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    static func post(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let reader = try call.scoped()
        let bill = try await reader.bill(try context.pathID("id"))
        let input = try await JSONBody.decode(PaymentInput.self, from: request)
        let key = request.headers[idempotencyKey]
        if key?.isEmpty == true { throw APIError.invalid("the Idempotency-Key header is empty") }
        guard let reference = (input.reference ?? key).flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw APIError.invalid("give a payment reference in the body or an Idempotency-Key header")
        }
        guard input.amount > 0 else { throw APIError.invalid("invalid amount '\(input.amount)': must be more than 0") }
        guard let paidOn = CalendarDate(iso: input.paid_on) else { throw APIError.invalid("invalid paid_on '\(input.paid_on)': expected YYYY-MM-DD") }
        let receipt = try await call.store.postPayment(
            PaymentRequest(billID: bill.id, amount: input.amount, paidOn: paidOn, reference: reference, actor: call.actor(reader)),
            rules: call.environment.rules)
        return try JSONBody.response(try await call.disclose(ReceiptDTO(receipt)), status: receipt.newlyPosted ? .created : .ok)
    }
}
