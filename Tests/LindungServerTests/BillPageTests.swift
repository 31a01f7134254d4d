import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// The bill pages: a month's bills in the scope, and one bill with its lines and workers; 404 outside.
@Suite struct BillPageTests {
    func get(_ client: any TestClientProtocol, _ uri: String, _ cookie: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { ($0.status, String(buffer: $0.body)) }
    }

    @Test func anEmployerSeesItsAprilBillAndNotAnotherEmployers() async throws {
        try await withServer(billApril: true) { client, store in
            let april = YearMonth(year: 2025, month: 4)
            let own = try #require(try await store.bills(month: april, employerNPP: "12345678").first)
            let other = try #require(try await store.bills(month: april, employerNPP: "11112222").first)
            let cookie = try await PageRouteTests.pageLogin(client, "maju-user")
            let (status, list) = try await get(client, "/bills?month=2025-04", cookie)
            #expect(status == .ok)
            #expect(list.contains("href=\"/bills/\(own.id)\""))
            #expect(!list.contains("href=\"/bills/\(other.id)\""))
            #expect(list.contains(PageRouteTests.rupiah(own.total)))
            #expect(list.contains("April 2025"))
            let (_, may) = try await get(client, "/bills", cookie)
            #expect(may.contains("Mei 2025") && may.contains("Tidak ada."), "last month by default, nothing billed yet")
            let (detailStatus, detail) = try await get(client, "/bills/\(own.id)", cookie)
            #expect(detailStatus == .ok)
            #expect(detail.contains(own.number))
            #expect(detail.contains("Budi Santoso") && detail.contains("3604••••••••0001"))
            #expect(detail.contains(PageRouteTests.rupiah(own.total)))
            #expect(detail.contains("1 Mei 2025"))
            let (otherStatus, otherPage) = try await get(client, "/bills/\(other.id)", cookie)
            #expect(otherStatus == .notFound)
            #expect(!otherPage.contains("CV Sinar Tangerang"))
            let (badMonth, _) = try await get(client, "/bills?month=April", cookie)
            #expect(badMonth == .badRequest)
        }
    }
}
