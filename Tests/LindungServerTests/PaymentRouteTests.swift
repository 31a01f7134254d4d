import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungStorage
import Testing

@Suite struct PaymentRouteTests {
    static let key = HTTPField.Name("Idempotency-Key")!

    func companyBill(_ client: any TestClientProtocol) async throws -> (id: Int, total: Int) {
        let list = try await client.execute(uri: "/api/v1/bills?month=2025-04&employer=12345678", method: .get, headers: auth()) { try object($0) }
        let bill = try #require((list["items"] as? [[String: Any]])?.first { $0["debtor"] as? String == "employer" })
        return (try #require(bill["id"] as? Int), try #require(bill["total"] as? Int))
    }

    @Test func theSameIdempotencyKeyTwiceReturnsTheFirstReceipt() async throws {
        try await withServer(billApril: true) { client in
            let bill = try await companyBill(client)
            let body = jsonBody(["amount": bill.total, "paid_on": "2025-05-10"])
            // Given a first posting under a key: 201 and a new receipt
            let first = try await client.execute(uri: "/api/v1/bills/\(bill.id)/payments", method: .post, headers: auth(extra: [Self.key: "VA-001"]), body: body) {
                response in
                #expect(response.status == .created)
                return try object(response)
            }
            #expect(first["reference"] as? String == "VA-001")
            #expect(first["newly_posted"] as? Bool == true)
            #expect((first["allocations"] as? [[String: Any]])?.first?["bill_id"] as? Int == bill.id)
            // When the client retries with the same key: 200 and the first receipt, nothing posted twice
            let again = try await client.execute(uri: "/api/v1/bills/\(bill.id)/payments", method: .post, headers: auth(extra: [Self.key: "VA-001"]), body: body) {
                response in
                #expect(response.status == .ok)
                return try object(response)
            }
            #expect(again["payment_id"] as? Int == first["payment_id"] as? Int)
            #expect(again["newly_posted"] as? Bool == false)
            let after = try await client.execute(uri: "/api/v1/bills/\(bill.id)", method: .get, headers: auth()) { try object($0) }
            #expect(after["paid"] as? Int == bill.total)
            #expect(after["open"] as? Int == 0)
        }
    }

    @Test func aReferenceInTheBodyIsUsedAsIs() async throws {
        try await withServer(billApril: true) { client in
            let bill = try await companyBill(client)
            let body = jsonBody(["amount": 1000, "paid_on": "2025-05-10", "reference": "TRF-9"])
            let receipt = try await client.execute(uri: "/api/v1/bills/\(bill.id)/payments", method: .post, headers: auth(), body: body) { response in
                #expect(response.status == .created)
                return try object(response)
            }
            #expect(receipt["reference"] as? String == "TRF-9")
        }
    }

    @Test func paymentRefusals() async throws {
        try await withServer(billApril: true) { client in
            let bill = try await companyBill(client)
            let cases: [(String, ByteBuffer, HTTPFields, String)] = [
                ("/api/v1/bills/\(bill.id)/payments", jsonBody(["amount": 1000, "paid_on": "2025-05-10"]), [:], "invalid_input"),
                ("/api/v1/bills/\(bill.id)/payments", jsonBody(["amount": 0, "paid_on": "2025-05-10", "reference": "X"]), [:], "invalid_input"),
                ("/api/v1/bills/\(bill.id)/payments", jsonBody(["amount": 1000, "paid_on": "10/05/2025", "reference": "X"]), [:], "invalid_input"),
                ("/api/v1/bills/\(bill.id)/payments", jsonBody(["paid_on": "2025-05-10", "reference": "X"]), [:], "invalid_input"),
                ("/api/v1/bills/\(bill.id)/payments", jsonBody(["amount": 1000, "paid_on": "2025-05-10", "reference": "X"]), [Self.key: ""], "invalid_input"),
                ("/api/v1/bills/999999/payments", jsonBody(["amount": 1000, "paid_on": "2025-05-10"]), [Self.key: "K-1"], "not_found"),
            ]
            for (uri, body, headers, code) in cases {
                try await client.execute(uri: uri, method: .post, headers: auth(extra: headers), body: body) { response in
                    #expect(errorCode(response) == code, "\(uri) \(String(buffer: body))")
                }
            }
        }
    }
}
