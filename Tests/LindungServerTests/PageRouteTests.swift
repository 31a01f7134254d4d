import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// The server-rendered pages: the login form and its answers, the logout form (CSRF), the dashboard per
/// role, the language switch, and sessions required.
@Suite struct PageRouteTests {
    /// Logs in through the login page's form, as a browser does, and returns the session cookie.
    static func pageLogin(_ client: any TestClientProtocol, _ username: String) async throws -> String {
        try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .accept: "text/html,*/*"],
            body: ByteBuffer(string: "username=\(username)&password=\(username)-password")
        ) { response in
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let setCookie = try #require(response.headers[.setCookie])
            return String(try #require(setCookie.split(separator: ";").first))
        }
    }

    static func html(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// The CSRF token the page's logout form carries.
    static func csrfToken(_ page: String) throws -> String {
        let marker = "name=\"csrf_token\" value=\""
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }

    @Test func theLoginPageIsAFormPostingToLoginInBothLanguages() async throws {
        try await withServer { client in
            try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = Self.html(response)
                #expect(page.contains("<form class=\"card\" method=\"post\" action=\"/login\">"))
                #expect(page.contains("name=\"username\""))
                #expect(page.contains("name=\"password\" type=\"password\""))
                #expect(page.contains("Kata sandi"))
                #expect(page.contains("<html lang=\"id\">"))
                #expect(!page.contains("Log out") && !page.contains("Keluar"), "no logout button before logging in")
            }
            try await client.execute(uri: "/login?lang=en", method: .get) { response in
                let page = Self.html(response)
                #expect(page.contains("Password"))
                #expect(page.contains("<html lang=\"en\">"))
                #expect(response.headers[.setCookie]?.hasPrefix("lang=en") == true)
            }
            // A wrong link from a browser: the 404 page; the API keeps its JSON 404
            try await client.execute(uri: "/no-such-page", method: .get, headers: [.accept: "text/html"]) { response in
                #expect(response.status == .notFound)
                #expect(Self.html(response).contains("Tidak ditemukan"))
            }
            try await client.execute(uri: "/api/v1/nothing", method: .get, headers: [.accept: "text/html"]) { response in
                #expect(response.status == .notFound)
                #expect(errorCode(response) == "not_found")
            }
            try await client.execute(uri: "/static/lindung.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(Self.html(response).contains("@media"))
            }
        }
    }

    @Test func aWrongPasswordShowsTheFormAgainAndTooManyAreThrottled() async throws {
        try await withServer { client in
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .accept: "text/html", .cookie: "lang=id"]
            for attempt in 1...6 {
                let body = ByteBuffer(string: "username=serang-user&password=wrong")
                try await client.execute(uri: "/login", method: .post, headers: headers, body: body) { response in
                    let page = Self.html(response)
                    if attempt <= 5 {
                        #expect(response.status == .unauthorized)
                        #expect(page.contains("Nama pengguna atau kata sandi salah."))
                        #expect(page.contains("value=\"serang-user\""))
                    } else {
                        #expect(response.status == .tooManyRequests)
                        #expect(response.headers[.retryAfter] != nil)
                        #expect(page.contains("Terlalu banyak percobaan masuk yang gagal."))
                    }
                }
            }
        }
    }

    @Test func pagesNeedASessionAndTheLogoutFormNeedsItsCSRFToken() async throws {
        try await withServer { client in
            for path in ["/"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .seeOther, "\(path)")
                    #expect(response.headers[.location] == "/login")
                }
            }
            let cookie = try await Self.pageLogin(client, "serang-user")
            let token = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                return try Self.csrfToken(Self.html(response))
            }
            // Without the token the logout form is refused and the session lives on
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"]
            try await client.execute(uri: "/logout", method: .post, headers: form, body: ByteBuffer(string: "csrf_token=forged")) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            // With it, logged out and sent to the login page
            try await client.execute(uri: "/logout", method: .post, headers: form, body: ByteBuffer(string: "csrf_token=\(token)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .seeOther) }
        }
    }

    @Test func theEmployersDashboardShowsItsBillsInRupiahAndIndonesianMonths() async throws {
        try await withServer(billApril: true) { client, store in
            let bill = try #require(try await store.bills(month: .init(year: 2025, month: 4), employerNPP: "12345678").first)
            let cookie = try await Self.pageLogin(client, "maju-user")
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let page = Self.html(response)
                #expect(page.contains("maju-user"))
                #expect(page.contains("Pemberi kerja"))
                #expect(page.contains("12345678"))
                #expect(page.contains("PT Maju Jaya"))
                #expect(page.contains("April 2025"))
                #expect(page.contains(Self.rupiah(bill.total)))
                #expect(page.contains("Belum dibayar"))
                #expect(page.contains("15 Juni 2025"))
                #expect(page.contains("name=\"csrf_token\""))
            }
            // The English switch: English words, English month names, remembered in a cookie
            try await client.execute(uri: "/?lang=en", method: .get, headers: [.cookie: cookie]) { response in
                let page = Self.html(response)
                #expect(page.contains("Open amount"))
                #expect(page.contains("15 June 2025"))
                #expect(page.contains("Log out"))
                #expect(response.headers[.setCookie]?.hasPrefix("lang=en") == true)
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie + "; lang=en"]) {
                #expect(Self.html($0).contains("Dashboard"))
            }
        }
    }

    @Test func theRegionalOfficersDashboardShowsTheArrearsOfItsRegionOnly() async throws {
        try await withServer(billApril: true) { client in
            let cookie = try await Self.pageLogin(client, "serang-user")
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                let page = Self.html(response)
                #expect(page.contains("Petugas wilayah"))
                #expect(page.contains("3604"))
                #expect(page.contains("Tunggakan"))
                #expect(page.contains("PT Maju Jaya"))
                #expect(!page.contains("CV Sinar Tangerang"), "Tangerang is outside 3604")
            }
        }
    }

    @Test func theAdministratorsDashboardShowsTheRegistryCounts() async throws {
        try await withServer { client in
            let cookie = try await Self.pageLogin(client, "admin-user")
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                let page = Self.html(response)
                #expect(page.contains("Administrator"))
                #expect(page.contains("seluruh registri"))
                #expect(page.contains("Jumlah di registri"))
                #expect(page.contains("<th>Pemberi kerja</th><td class=\"num\">3</td>"))
                #expect(page.contains("<th>Peserta</th><td class=\"num\">4</td>"))
            }
        }
    }

    @Test func bothStringTablesHaveTheSameKeys() {
        #expect(Set(PageStringsProbe.indonesianKeys) == Set(PageStringsProbe.englishKeys))
    }

    /// `Rp1.234.567`.
    static func rupiah(_ amount: Int64) -> String {
        var digits = String(amount)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return "Rp" + groups.joined(separator: ".")
    }
}
