import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCompliance
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Logging
import Testing

/// Issue 6's pages: the region's overview, an employer's compliance history and the PP 86/2013 letters, for
/// the roles that oversee a region (administrator, auditor, regional officer in its region); everyone else and
/// anything outside the region gets the 404 page. Scanned on Friday 21 March 2025, so the first warning runs to
/// 8 April across Nyepi and Idul Fitri (SanctionLadderTests; holidays.csv, SKB 1017/2024).
@Suite("Compliance pages")
struct CompliancePageTests {
    /// The fixture server with licences (PT Maju Jaya reports 25 employees, 2 registered: PDS-TK; two
    /// unregistered businesses, one in Kabupaten Serang 3604 and one in Kabupaten Tangerang 3603) scanned on 21 March 2025.
    func withComplianceServer(_ body: @Sendable (any TestClientProtocol, SQLiteStore) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = try CertificateKeys.loadOrCreate(directory: directory).keys
        let store = try await ServerFixtures.store(billApril: false)
        try await ServerFixtures.addAccounts(to: store)
        _ = try await store.saveLicences(
            [
                BusinessLicence(nib: "1234567890123", name: "PT Maju Jaya", regionCode: "3604", sector: "10710", headcount: 25),
                BusinessLicence(nib: "9999999999999", name: "CV Tanpa Daftar", regionCode: "3604", sector: "47111", headcount: 25),
                BusinessLicence(nib: "5555555555555", name: "PT Luar Serang", regionCode: "3603", sector: "47111", headcount: 30),
            ], actor: "test")
        let reference = try ReferenceData()
        _ = try await store.scanCompliance(
            ComplianceScanRequest(
                on: CalendarDate(iso: "2025-03-21")!, region: nil, minimumWages: reference.minimumWages,
                ladder: SanctionLadder(calendar: reference.holidays), actor: "scan@test"))
        let app = testApplication(store: store, certificateKeys: keys)
        try await app.test(.router) { client in try await body(client, store) }
    }

    func get(_ client: any TestClientProtocol, _ uri: String, _ cookie: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { ($0.status, String(buffer: $0.body)) }
    }

    func tkFinding(_ store: SQLiteStore) async throws -> StoredFinding {
        try #require(try await store.complianceSubject(identifier: "12345678")?.findings.first { $0.kind == .partialWorkers })
    }

    @Test("a regional officer sees its region's counts and list by deadline, with the menu link; not the other region's")
    func overviewForTheRegion() async throws {
        try await withComplianceServer { client, _ in
            let cookie = try await PageRouteTests.pageLogin(client, "serang-user")
            let (status, page) = try await get(client, "/compliance", cookie)
            #expect(status == .ok)
            #expect(page.contains("<a href=\"/compliance\">Kepatuhan</a>"))
            #expect(page.contains("Kabupaten Serang (3604)"))
            #expect(page.contains("<tr data-kind=\"pds_tk\"><td>PDS Tenaga Kerja</td><td class=\"num\">1</td>"))
            #expect(page.contains("<tr data-kind=\"not_registered\"><td>Belum terdaftar</td><td class=\"num\">1</td>"))
            #expect(page.contains("<a href=\"/compliance/12345678\">PT Maju Jaya</a>") && page.contains("<a href=\"/compliance/9999999999999\">CV Tanpa Daftar</a>"))
            #expect(page.contains("8 April 2025"))
            #expect(!page.contains("PT Luar Serang"), "Kabupaten Tangerang is outside 3604")
            // Another region asked for: the 404 page
            #expect(try await get(client, "/compliance?region=3603", cookie).0 == .notFound)
            // The administrator sees every region, and may narrow it
            let admin = try await PageRouteTests.pageLogin(client, "admin-user")
            let all = try await get(client, "/compliance", admin).1
            #expect(all.contains("PT Luar Serang") && all.contains("PT Maju Jaya"))
            let tangerang = try await get(client, "/compliance?region=3603&lang=en", admin).1
            #expect(tangerang.contains("PT Luar Serang") && !tangerang.contains("PT Maju Jaya") && tangerang.contains("Employer compliance"))
        }
    }

    @Test("an employer, and a regional officer outside the region, get the 404 page and no menu link")
    func outOfScope() async throws {
        try await withComplianceServer { client, _ in
            let employer = try await PageRouteTests.pageLogin(client, "maju-user")
            #expect(try await get(client, "/", employer).1.contains("href=\"/compliance\"") == false)
            for uri in ["/compliance", "/compliance/12345678", "/compliance/12345678/letters/1"] {
                #expect(try await get(client, uri, employer).0 == .notFound, "\(uri)")
            }
            let serang = try await PageRouteTests.pageLogin(client, "serang-user")
            #expect(try await get(client, "/compliance/5555555555555", serang).0 == .notFound, "a licence in 3603")
            #expect(try await get(client, "/compliance/11112222", serang).0 == .notFound, "an employer in 3603")
            #expect(try await get(client, "/compliance/0000000000000", serang).0 == .notFound, "unknown")
        }
    }

    @Test("the history shows the finding, its evidence, the ladder step with its deadline, the certificate and the letters; it is logged")
    func history() async throws {
        try await withComplianceServer { client, store in
            let finding = try await tkFinding(store)
            let cookie = try await PageRouteTests.pageLogin(client, "serang-user")
            let (status, page) = try await get(client, "/compliance/12345678", cookie)
            #expect(status == .ok)
            #expect(page.contains("PT Maju Jaya") && page.contains("1234567890123"))
            #expect(page.contains("id=\"finding-\(finding.id)\"") && page.contains("PDS Tenaga Kerja"))
            #expect(page.contains("<td>reported_headcount</td><td>25</td>") && page.contains("<td>registered_workers</td><td>2</td>"))
            #expect(page.contains("<td>Teguran tertulis I</td><td>21 Maret 2025</td><td>8 April 2025</td>"))
            #expect(page.contains("UU 24/2011 Art 15(1); PP 86/2013"))
            #expect(page.contains("<strong>Tidak patuh</strong>") && page.contains("id=\"certificate-link\" href=\"/verify?token="))
            #expect(page.contains("href=\"/compliance/12345678/letters/\(finding.id)?stage=warning_1\""))
            #expect(page.contains("href=\"/compliance/12345678/letters/\(finding.id)?stage=warning_1&amp;format=pdf\""))
            let log = try await store.complianceQueryLog(limit: 1)
            #expect(log.first?.identifier == "12345678" && log.first?.operation == "page:getCompliance" && log.first?.status == "non_compliant")
        }
    }

    @Test("the letter: the employer's name, the deadline across Idul Fitri, PP 86/2013 as the legal basis, place and date")
    func letter() async throws {
        try await withComplianceServer { client, store in
            let finding = try await tkFinding(store)
            let cookie = try await PageRouteTests.pageLogin(client, "auditor-user")
            let (status, letter) = try await get(client, "/compliance/12345678/letters/\(finding.id)", cookie)
            #expect(status == .ok)
            #expect(letter.contains("Teguran Tertulis Pertama") && letter.contains("Pimpinan <strong>PT Maju Jaya</strong>"))
            #expect(letter.contains("baru 2 dari 25 pekerja"))
            #expect(letter.contains("paling lambat tanggal <span class=\"deadline\">8 April 2025</span>"))
            #expect(letter.contains("31 Maret 2025 (Hari Raya Idul Fitri 1446 H)"))
            #expect(letter.contains("Peraturan Pemerintah Nomor 86 Tahun 2013") && letter.contains("UU 24/2011 Pasal 15(1)"))
            #expect(letter.contains("Serang, 21 Maret 2025") && letter.contains("@page { size: A4"))
            #expect(!letter.contains("<nav>"), "printable: no site menu")
            // A step the finding never reached, a stage that is no letter, another subject's finding
            #expect(try await get(client, "/compliance/12345678/letters/\(finding.id)?stage=fine", cookie).0 == .badRequest)
            #expect(try await get(client, "/compliance/12345678/letters/\(finding.id)?stage=resolved", cookie).0 == .badRequest)
            #expect(try await get(client, "/compliance/9999999999999/letters/\(finding.id)", cookie).0 == .notFound)
        }
    }

    @Test("a regional officer moves its region's ladder from the overview with the CSRF token; an auditor may not")
    func advanceFromThePage() async throws {
        try await withComplianceServer { client, store in
            // Today is 15 June 2025: the first warnings of 21 March ran out on 8 April, so the second warning
            // (9-24 April), the fine (25 April - 24 May) and the request to deny public services (25 May) are due
            let serang = try await PageRouteTests.pageLogin(client, "serang-user")
            let page = try await get(client, "/compliance", serang).1
            #expect(page.contains("id=\"compliance-advance-submit\""))
            let csrf = try PageRouteTests.csrfToken(page)
            let form: HTTPFields = [.cookie: serang, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"]
            try await client.execute(uri: "/compliance/advance", method: .post, headers: form, body: ByteBuffer(string: "region=")) {
                #expect($0.status == .forbidden, "no CSRF token")
            }
            #expect(try await tkFinding(store).position.stage == .warning1)
            try await client.execute(uri: "/compliance/advance", method: .post, headers: form, body: ByteBuffer(string: "region=3603&csrf_token=\(csrf)")) {
                #expect($0.status == .notFound, "another region")
            }
            try await client.execute(uri: "/compliance/advance", method: .post, headers: form, body: ByteBuffer(string: "region=&csrf_token=\(csrf)")) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location] == "/compliance?advanced=6")
            }
            let finding = try await tkFinding(store)
            #expect(finding.history.map(\.stage) == [.warning1, .warning2, .fine, .denialRequested])
            #expect(finding.history.first { $0.stage == .warning2 }?.dueOn == ServerFixtures.day("2025-04-24"))
            #expect(finding.history.last?.actor == "api@test:serang-user")
            #expect(try await store.complianceSubject(identifier: "5555555555555")?.stage == .warning1, "Kabupaten Tangerang is not Serang's to move")
            #expect(try await get(client, "/compliance?advanced=6", serang).1.contains("Tahap sanksi yang diambil: 6"))
            // The auditor reads the overview without the form and is refused when posting anyway
            let auditor = try await PageRouteTests.pageLogin(client, "auditor-user")
            let auditorPage = try await get(client, "/compliance", auditor).1
            #expect(!auditorPage.contains("compliance-advance-submit"))
            try await client.execute(
                uri: "/compliance/advance", method: .post, headers: [.cookie: auditor, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf_token=\(try PageRouteTests.csrfToken(auditorPage))")
            ) { #expect($0.status == .forbidden) }
        }
    }

    @Test(
        "the letter as PDF, printed by Chromium",
        .enabled(if: CompliancePageTests.chromiumInstalled, "Chromium is not installed (apt-get install chromium, or set LINDUNG_CHROMIUM): PDF not tested"))
    func letterPDF() async throws {
        try await withComplianceServer { client, store in
            let finding = try await tkFinding(store)
            let cookie = try await PageRouteTests.pageLogin(client, "admin-user")
            try await client.execute(uri: "/compliance/12345678/letters/\(finding.id)?format=pdf", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(response.headers[.contentDisposition]?.contains("surat-12345678-\(finding.id)-warning_1.pdf") == true)
                #expect(String(buffer: response.body).hasPrefix("%PDF-"))
                #expect(response.body.readableBytes > 5_000)
            }
        }
    }

    /// As ChromiumPDF finds it: LINDUNG_CHROMIUM, else chromium, chromium-browser or google-chrome on PATH.
    static let chromiumInstalled: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["LINDUNG_CHROMIUM"], !chosen.isEmpty { return true }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return ["chromium", "chromium-browser", "google-chrome"].contains { name in
            path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        }
    }()
}
