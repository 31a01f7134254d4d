import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import Testing

/// The calculator page: the form, a PU result in rupiah as LindungCore computes it, and a refusal shown on the form.
@Suite struct CalculatorPageTests {
    @Test func thePUResultIsLindungCoresInRupiah() async throws {
        try await withServer { client in
            let expected = try ContributionCalculator(rules: ServerFixtures.rules).pu(
                PUContributionInput(wage: 5_000_000, riskClass: 2, month: YearMonth(year: 2025, month: 4), birthDate: nil))
            let cookie = try await PageRouteTests.pageLogin(client, "maju-user")
            try await client.execute(uri: "/calculator", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("Kalkulator iuran") && page.contains("name=\"wage\""))
            }
            try await client.execute(
                uri: "/calculator?segment=pu&month=2025-04&wage=5000000&risk_class=2", method: .get, headers: [.cookie: cookie]
            ) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("April 2025"))
                #expect(page.contains("<strong>\(PageRouteTests.rupiah(expected.total))</strong>"))
                #expect(page.contains("Rp5.000.000"))
            }
            try await client.execute(uri: "/calculator?segment=pu&month=2025-04&risk_class=2", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("class=\"alert\""))
            }
        }
    }
}
