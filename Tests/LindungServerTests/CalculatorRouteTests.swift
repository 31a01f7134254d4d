import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungStorage
import Testing

@Suite struct CalculatorRouteTests {
    @Test func puContributionAsTheCLIPrintsIt() async throws {
        try await withServer { client in
            // The worked example of docs/cli.md: 5,000,000 at risk class 2 in April 2025
            let body = try await client.execute(
                uri: "/api/v1/calculator/contribution?segment=pu&wage=5000000&risk_class=2&month=2025-04", method: .get, headers: auth()
            ) { response in
                #expect(response.status == .ok)
                return try object(response)
            }
            #expect(body["segment"] as? String == "pu")
            #expect(body["total"] as? Int == 488_000)
            #expect((body["totals"] as? [String: Int])?["employer"] == 327_000)
            let jkk = try #require((body["lines"] as? [[String: Any]])?.first { $0["program"] as? String == "JKK" })
            #expect(jkk["rate"] as? Double == 0.54)
            #expect(jkk["flat_amount"] is NSNull)
        }
    }

    @Test func calculatorRefusals() async throws {
        try await withServer { client in
            for uri in [
                "/api/v1/calculator/contribution?segment=pu&wage=5000000&risk_class=7&month=2025-04",
                "/api/v1/calculator/contribution?segment=pu&risk_class=2&month=2025-04",
                "/api/v1/calculator/contribution?segment=xyz&month=2025-04", "/api/v1/calculator/contribution?segment=pu&wage=5000000&risk_class=2",
            ] {
                try await client.execute(uri: uri, method: .get, headers: auth()) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(errorCode(response) == "invalid_input", "\(uri)")
                }
            }
        }
    }
}
