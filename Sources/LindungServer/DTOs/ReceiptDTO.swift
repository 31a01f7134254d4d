import LindungCore
public import LindungStorage

/// A payment receipt as `lindung pay --json` prints it (docs/cli.md).
public struct ReceiptDTO: Encodable, Sendable {
    struct Allocation: Encodable, Sendable {
        let bill_id: Int64
        let bill_number: String
        let month: String
        let amount: Int64
        let months_late: Int
        let fine: Int64
    }

    let payment_id: Int64
    let reference: String
    let debtor: String
    var debtor_key: String
    let amount: Int64
    let paid_on: String
    let newly_posted: Bool
    let allocations: [Allocation]
    let credit: Int64

    public init(_ receipt: PaymentReceipt) {
        payment_id = receipt.paymentID
        reference = receipt.reference
        debtor = receipt.debtor.kind
        debtor_key = receipt.debtor.key
        amount = receipt.amount
        paid_on = receipt.paidOn.iso
        newly_posted = receipt.newlyPosted
        allocations = receipt.allocations.map {
            Allocation(bill_id: $0.billID, bill_number: $0.billNumber, month: $0.month.description, amount: $0.amount, months_late: $0.monthsLate, fine: $0.fine)
        }
        credit = receipt.credit
    }
}

/// `POST /api/v1/bills/{id}/payments`: `reference` may be left out when an `Idempotency-Key` header is sent.
struct PaymentInput: Decodable, Sendable {
    let amount: Int64
    let paid_on: String
    let reference: String?
}
