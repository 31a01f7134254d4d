import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungStorage
import Testing

@Suite struct BillingRouteTests {
    @Test func aBillingRunThenTheSameRunAgain() async throws {
        try await withServer { client in
            let request = jsonBody(["month": "2025-04", "issued_on": "2025-05-01"])
            let first = try await client.execute(uri: "/api/v1/billing-runs", method: .post, headers: auth(), body: request) { response in
                #expect(response.status == .ok)
                return try object(response)
            }
            #expect(first["month"] as? String == "2025-04")
            #expect(first["workers"] as? Int == 4)
            #expect((first["regular_bills"] as? Int ?? 0) >= 2)
            #expect((first["by_payer"] as? [String: Int])?["employer"] ?? 0 > 0)
            let again = try await client.execute(uri: "/api/v1/billing-runs", method: .post, headers: auth(), body: request) { try object($0) }
            #expect(again["regular_bills"] as? Int == 0)
            #expect(again["unchanged_bills"] as? Int == first["regular_bills"] as? Int)
        }
    }

    @Test func billingRunRefusals() async throws {
        try await withServer { client in
            for (body, code) in [
                (jsonBody(["month": "April"]), "invalid_input"), (jsonBody(["employer": "12345678"]), "invalid_input"),
                (jsonBody(["month": "2025-04", "employer": "99999999"]), "not_found"), (ByteBuffer(string: "{not json"), "invalid_input"),
            ] {
                try await client.execute(uri: "/api/v1/billing-runs", method: .post, headers: auth(), body: body) { response in
                    #expect(errorCode(response) == code, "\(String(buffer: body))")
                }
            }
        }
    }

    @Test func billsOfAMonthAndOneBillWithItsWorkers() async throws {
        try await withServer(billApril: true) { client in
            let list = try await client.execute(uri: "/api/v1/bills?month=2025-04&employer=12345678", method: .get, headers: auth()) { try object($0) }
            let bills = try #require(list["items"] as? [[String: Any]])
            let bill = try #require(bills.first { $0["debtor"] as? String == "employer" })
            #expect(bill["npp"] as? String == "12345678")
            #expect(bill["kind"] as? String == "regular")
            #expect(bill["adjusts_bill_id"] is NSNull)
            let id = try #require(bill["id"] as? Int)
            let one = try await client.execute(uri: "/api/v1/bills/\(id)", method: .get, headers: auth()) { try object($0) }
            #expect(one["number"] as? String == bill["number"] as? String)
            #expect(one["total"] as? Int == bill["total"] as? Int)
            let workers = try await client.execute(uri: "/api/v1/bills/\(id)/workers?limit=1", method: .get, headers: auth()) { try object($0) }
            let first = try #require((workers["items"] as? [[String: Any]])?.first)
            #expect((first["amounts"] as? [String: Int])?["employer_jkk"] ?? 0 > 0)
            #expect(workers["next_offset"] as? Int == 1)
            for uri in ["/api/v1/bills/999999", "/api/v1/bills/abc", "/api/v1/bills/999999/workers"] {
                try await client.execute(uri: uri, method: .get, headers: auth()) { response in #expect(errorCode(response) == "not_found", "\(uri)") }
            }
            try await client.execute(uri: "/api/v1/bills", method: .get, headers: auth()) { response in #expect(errorCode(response) == "invalid_input") }
        }
    }

    @Test func arrearsAndStandingWhileAprilIsUnpaid() async throws {
        try await withServer(billApril: true) { client in
            let arrears = try await client.execute(uri: "/api/v1/arrears?on=2025-06-15", method: .get, headers: auth()) { try object($0) }
            let rows = try #require(arrears["items"] as? [[String: Any]])
            let company = try #require(rows.first { $0["debtor_key"] as? String == "12345678" })
            #expect(company["total"] as? Int ?? 0 > 0)
            let standing = try await client.execute(uri: "/api/v1/persons/\(ServerFixtures.budi.nik)/standing?on=2025-06-15", method: .get, headers: auth()) {
                try object($0)
            }
            #expect(standing["nik"] as? String == ServerFixtures.budi.nik)
            #expect(standing["status"] as? String == "in_arrears")
            #expect((standing["spells"] as? [[String: Any]])?.first?["npp"] as? String == "12345678")
            try await client.execute(uri: "/api/v1/persons/3604010101900099/standing", method: .get, headers: auth()) { response in
                #expect(errorCode(response) == "not_found")
            }
        }
    }
}
