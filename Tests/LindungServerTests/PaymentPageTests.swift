import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// The payment form on the bill page: posted once per reference (as the API), CSRF required, only for roles
/// that change things.
@Suite struct PaymentPageTests {
    @Test func anAdministratorPaysABillFromItsPageAndSeesTheReceiptOnce() async throws {
        try await withServer(billApril: true) { client, store in
            let bill = try #require(try await store.bills(month: YearMonth(year: 2025, month: 4), employerNPP: "12345678").first)
            let admin = try await PageRouteTests.pageLogin(client, "admin-user")
            let page = try await client.execute(uri: "/bills/\(bill.id)", method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            #expect(page.contains("action=\"/bills/\(bill.id)/payments\"") && page.contains("id=\"payment-submit\""))
            let csrf = try PageRouteTests.csrfToken(page)
            let form: HTTPFields = [.cookie: admin, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"]
            let body = "amount=\(bill.total)&paid_on=2025-05-10&reference=BANK-0001"
            // Without the CSRF token: refused, nothing posted
            try await client.execute(uri: "/bills/\(bill.id)/payments", method: .post, headers: form, body: ByteBuffer(string: body)) {
                #expect($0.status == .forbidden)
            }
            #expect(try await store.bill(id: bill.id)?.paid == 0)
            try await client.execute(uri: "/bills/\(bill.id)/payments", method: .post, headers: form, body: ByteBuffer(string: body + "&csrf_token=\(csrf)")) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location] == "/bills/\(bill.id)")
            }
            #expect(try await store.bill(id: bill.id)?.open == 0)
            try await client.execute(uri: "/bills/\(bill.id)", method: .get, headers: [.cookie: admin]) { response in
                let shown = String(buffer: response.body)
                #expect(shown.contains("id=\"payment-receipt\"") && shown.contains("Pembayaran dicatat.") && shown.contains("BANK-0001"))
                #expect(shown.contains(PageRouteTests.rupiah(bill.total)) && shown.contains("10 Mei 2025"))
                #expect(!shown.contains("id=\"payment-submit\""), "nothing open: no form")
            }
            try await client.execute(uri: "/bills/\(bill.id)", method: .get, headers: [.cookie: admin]) {
                #expect(!String(buffer: $0.body).contains("id=\"payment-receipt\""), "the receipt is shown once")
            }
            // The same reference again: the first receipt, nothing posted twice
            try await client.execute(uri: "/bills/\(bill.id)/payments", method: .post, headers: form, body: ByteBuffer(string: body + "&csrf_token=\(csrf)")) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/bills/\(bill.id)", method: .get, headers: [.cookie: admin]) {
                #expect(String(buffer: $0.body).contains("Referensi ini sudah pernah dicatat"))
            }
            #expect(try await store.bill(id: bill.id)?.paid == bill.total)
            // A bad amount: the 400 page
            try await client.execute(
                uri: "/bills/\(bill.id)/payments", method: .post, headers: form, body: ByteBuffer(string: "amount=-5&paid_on=2025-05-10&csrf_token=\(csrf)")
            ) { #expect($0.status == .badRequest) }
        }
    }

    @Test func readingRolesGetNoFormAndAreRefused() async throws {
        try await withServer(billApril: true) { client, store in
            let bill = try #require(try await store.bills(month: YearMonth(year: 2025, month: 4), employerNPP: "12345678").first)
            for user in ["serang-user", "maju-user"] {
                let cookie = try await PageRouteTests.pageLogin(client, user)
                let page = try await client.execute(uri: "/bills/\(bill.id)", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
                #expect(!page.contains("id=\"payment-submit\""), "\(user)")
                let csrf = try PageRouteTests.csrfToken(page)
                try await client.execute(
                    uri: "/bills/\(bill.id)/payments", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "amount=1000&paid_on=2025-05-10&reference=X-1&csrf_token=\(csrf)")
                ) { #expect($0.status == .forbidden, "\(user)") }
            }
            #expect(try await store.bill(id: bill.id)?.paid == 0)
        }
    }
}
