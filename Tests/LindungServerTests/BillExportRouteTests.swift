import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// Bill downloads (API and page): CSV and XLSX as `lindung bill show` writes them, attachments, scoped, NIKs
/// masked per role.
@Suite struct BillExportRouteTests {
    @Test func aBillDownloadsAsCSVAndXLSXWithinTheScope() async throws {
        try await withServer(billApril: true) { client, store in
            let bill = try #require(try await store.bills(month: YearMonth(year: 2025, month: 4), employerNPP: "12345678").first)
            let workers = try await store.billWorkers(id: bill.id)
            try await client.execute(uri: "/api/v1/bills/\(bill.id)/export?format=csv", method: .get, headers: auth()) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"tagihan-") == true)
                let csv = String(buffer: response.body)
                let lines = csv.split(separator: "\n")
                #expect(lines.first?.hasPrefix("bill_number,month,npp,nik,kpj,name,segment,base,jp_stopped,employer_jkk,") == true, "the CLI's columns")
                #expect(lines.count == workers.count + 1)
                #expect(csv.contains(ServerFixtures.budi.nik) && csv.contains("Budi Santoso"))
            }
            // The employer sees its own bill with masked NIKs; Tangerang's employer gets a 404
            try await client.execute(uri: "/api/v1/bills/\(bill.id)/export", method: .get, headers: auth("employer-a")) { response in
                #expect(response.status == .ok)
                let csv = String(buffer: response.body)
                #expect(csv.contains("3604••••••••0001") && !csv.contains(ServerFixtures.budi.nik))
            }
            try await client.execute(uri: "/api/v1/bills/\(bill.id)/export", method: .get, headers: auth("employer-b")) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/bills/\(bill.id)/export?format=pdf", method: .get, headers: auth()) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/bills/\(bill.id)/export?format=xlsx", method: .get, headers: auth()) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(Array(response.body.readableBytesView.prefix(2)) == [0x50, 0x4B], "a ZIP archive")
            }
            // The page links both and answers with the same file for the session's user
            let maju = try await PageRouteTests.pageLogin(client, "maju-user")
            let page = try await client.execute(uri: "/bills/\(bill.id)", method: .get, headers: [.cookie: maju]) { String(buffer: $0.body) }
            #expect(page.contains("href=\"/bills/\(bill.id)/export?format=csv\"") && page.contains("href=\"/bills/\(bill.id)/export?format=xlsx\""))
            try await client.execute(uri: "/bills/\(bill.id)/export?format=csv", method: .get, headers: [.cookie: maju]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("3604••••••••0001"))
            }
        }
    }
}
