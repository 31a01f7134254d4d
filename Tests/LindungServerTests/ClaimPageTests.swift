import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungClaims
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// The claim pages (issue 8): the branch officer's work queue, the claim page with its checklist, history
/// and forms (CSRF, roles, maker-checker), and the JHT statement page with its CSV.
@Suite struct ClaimPageTests {
    static let budi = ServerFixtures.budi.nik
    static let siti = ServerFixtures.siti.nik

    /// Two officers of KC-SRG (maker and checker) and one of KC-TGR, as users who log in.
    static func addOfficers(_ store: SQLiteStore) async throws {
        for (name, scope) in [("srg-maker", "KC-SRG"), ("srg-checker", "KC-SRG"), ("tgr-officer", "KC-TGR")] {
            try await AccountCreation.addUser(
                username: name, password: name + "-password", role: "branch_officer", scope: scope, to: store, cost: ServerFixtures.bcryptCost)
        }
    }

    static func html(_ client: any TestClientProtocol, _ path: String, _ cookie: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { ($0.status, String(buffer: $0.body)) }
    }

    static func form(_ client: any TestClientProtocol, _ path: String, _ cookie: String, _ body: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(
            uri: path, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"],
            body: ByteBuffer(string: body)
        ) { ($0.status, String(buffer: $0.body)) }
    }

    @Test("the work queue page: oldest first, the overdue claim flagged, another branch sees none, no session goes to login")
    func queuePage() async throws {
        try await withClaimServer { client, store, clock in
            try await Self.addOfficers(store)
            let claims = ClaimClient(client: client)
            clock.set("2025-06-02")
            let old = try #require(try await claims.submitJKM(nik: Self.siti).1.claim["id"] as? String)
            clock.set("2025-06-13")
            let recent = try #require(try await claims.submitJKM(nik: Self.budi).1.claim["id"] as? String)
            let maker = try await PageRouteTests.pageLogin(client, "srg-maker")
            let (status, page) = try await Self.html(client, "/claims", maker)
            #expect(status == .ok)
            #expect(page.contains("id=\"nav-claims\""))
            let oldAt = try #require(page.range(of: ">\(old)</a>")).lowerBound
            let recentAt = try #require(page.range(of: ">\(recent)</a>")).lowerBound
            #expect(oldAt < recentAt, "oldest first")
            #expect(page.contains("<tr class=\"overdue\"><td><a href=\"/claims/\(old)\">"))
            #expect(!page.contains("<tr class=\"overdue\"><td><a href=\"/claims/\(recent)\">"))
            #expect(page.contains("id=\"overdue-count\">1<"))
            #expect(page.contains("Rp42.000.000"))
            let other = try await PageRouteTests.pageLogin(client, "tgr-officer")
            let (_, otherPage) = try await Self.html(client, "/claims", other)
            #expect(!otherPage.contains(old) && otherPage.contains("Tidak ada."))
            try await client.execute(uri: "/claims", method: .get) { #expect($0.status == .seeOther && $0.headers[.location] == "/login") }
        }
    }

    @Test("the claim page: verified by one officer, the same officer refused as approver (409 page), approved by another, paid; CSRF and roles")
    func makerCheckerOnThePage() async throws {
        try await withClaimServer { client, store, _ in
            try await Self.addOfficers(store)
            let id = try await ClaimClient(client: client).completeJKM(nik: Self.budi)
            let maker = try await PageRouteTests.pageLogin(client, "srg-maker")
            let (_, page) = try await Self.html(client, "/claims/\(id)", maker)
            #expect(page.contains("✓ Akta kematian (death certificate)"))
            #expect(page.contains("id=\"claim-verify\"") && !page.contains("id=\"claim-approve\""))
            let csrf = try PageRouteTests.csrfToken(page)
            // Without the CSRF token nothing happens
            #expect(try await Self.form(client, "/claims/\(id)/verify", maker, "").0 == .forbidden)
            #expect(try await store.claim(id: id)?.status == "submitted")
            #expect(try await Self.form(client, "/claims/\(id)/verify", maker, "csrf_token=\(csrf)").0 == .seeOther)
            // The verifier sees no approve button, and posting it anyway is refused
            let (_, verified) = try await Self.html(client, "/claims/\(id)", maker)
            #expect(verified.contains("id=\"claim-status\">Diverifikasi<"))
            #expect(verified.contains("id=\"claim-maker-checker\"") && !verified.contains("id=\"claim-approve\""))
            let (refused, refusedPage) = try await Self.form(client, "/claims/\(id)/approve", maker, "csrf_token=\(csrf)")
            #expect(refused == .conflict)
            #expect(refusedPage.contains("another officer must approve it"))
            // The other officer approves and pays
            let checker = try await PageRouteTests.pageLogin(client, "srg-checker")
            let (_, checkerPage) = try await Self.html(client, "/claims/\(id)", checker)
            #expect(checkerPage.contains("id=\"claim-approve\""))
            let checkerCSRF = try PageRouteTests.csrfToken(checkerPage)
            #expect(try await Self.form(client, "/claims/\(id)/approve", checker, "csrf_token=\(checkerCSRF)").0 == .seeOther)
            #expect(try await Self.form(client, "/claims/\(id)/pay", checker, "csrf_token=\(checkerCSRF)&reference=").0 == .badRequest)
            #expect(try await Self.form(client, "/claims/\(id)/pay", checker, "csrf_token=\(checkerCSRF)&reference=TRF-77").0 == .seeOther)
            let (_, paid) = try await Self.html(client, "/claims/\(id)", checker)
            #expect(paid.contains("id=\"claim-status\">Dibayar<") && paid.contains("TRF-77"))
            #expect(paid.contains("<td>Verifikasi</td><td>api@test:srg-maker</td>"))
            #expect(paid.contains("<td>Persetujuan</td><td>api@test:srg-checker</td>"))
            // A reading role sees the claim without forms and is refused when posting
            let auditor = try await PageRouteTests.pageLogin(client, "auditor-user")
            let (_, auditorPage) = try await Self.html(client, "/claims/\(id)", auditor)
            #expect(!auditorPage.contains("id=\"claim-reject\"") && auditorPage.contains("3604••••••••0001"))
            let auditorCSRF = try PageRouteTests.csrfToken(auditorPage)
            #expect(try await Self.form(client, "/claims/\(id)/reject", auditor, "csrf_token=\(auditorCSRF)&reason=x").0 == .forbidden)
            // Another branch: 404
            let other = try await PageRouteTests.pageLogin(client, "tgr-officer")
            #expect(try await Self.html(client, "/claims/\(id)", other).0 == .notFound)
        }
    }

    @Test("rejected on the page with a reason, a document uploaded and the claim re-submitted by the employer")
    func rejectUploadResubmit() async throws {
        try await withClaimServer { client, store, _ in
            try await Self.addOfficers(store)
            let id = try #require(try await ClaimClient(client: client).submitJKM(nik: Self.budi, token: "employer-a").1.claim["id"] as? String)
            let maker = try await PageRouteTests.pageLogin(client, "srg-maker")
            let csrf = try PageRouteTests.csrfToken(try await Self.html(client, "/claims/\(id)", maker).1)
            #expect(try await Self.form(client, "/claims/\(id)/reject", maker, "csrf_token=\(csrf)&reason=").0 == .badRequest)
            #expect(try await Self.form(client, "/claims/\(id)/reject", maker, "csrf_token=\(csrf)&reason=KTP+tidak+terbaca").0 == .seeOther)
            let employer = try await PageRouteTests.pageLogin(client, "maju-user")
            let (_, rejected) = try await Self.html(client, "/claims/\(id)", employer)
            #expect(rejected.contains("id=\"claim-rejection\">KTP tidak terbaca<"))
            #expect(rejected.contains("id=\"claim-resubmit\"") && rejected.contains("id=\"claim-upload\"") && !rejected.contains("id=\"claim-verify\""))
            let employerCSRF = try PageRouteTests.csrfToken(rejected)
            // The upload form: multipart with the CSRF token as a field
            let boundary = "page-boundary"
            var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(employerCSRF)\r\n".utf8)
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nidentity_card\r\n".utf8))
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ktp.pdf\"\r\n\r\n".utf8))
            body.append(ClaimClient.pdf)
            body.append(Data("\r\n--\(boundary)--\r\n".utf8))
            try await client.execute(
                uri: "/claims/\(id)/documents", method: .post,
                headers: [.cookie: employer, .contentType: "multipart/form-data; boundary=\(boundary)", .accept: "text/html"], body: ByteBuffer(bytes: body)
            ) { #expect($0.status == .seeOther) }
            #expect(try await store.claimDocuments(id: id).map(\.fileName) == ["ktp.pdf"])
            #expect(try await Self.form(client, "/claims/\(id)/resubmit", employer, "csrf_token=\(employerCSRF)").0 == .seeOther)
            let claim = try #require(try await store.claim(id: id))
            #expect(claim.status == "submitted" && claim.round == 2 && claim.rejectionReason == nil)
        }
    }

    @Test("the JHT page shows the ledger's balance and statement; its CSV is the CLI's; the person page links to it")
    func statementPage() async throws {
        try await withClaimServer { client, store, _ in
            try await store.recordJHTEntries(nik: Self.budi, JHTStatementRouteTests.entries)
            let admin = try await PageRouteTests.pageLogin(client, "admin-user")
            let (_, person) = try await Self.html(client, "/persons/\(Self.budi)", admin)
            #expect(person.contains("id=\"person-jht\" href=\"/persons/\(Self.budi)/jht\""))
            let (status, page) = try await Self.html(client, "/persons/\(Self.budi)/jht?from=2025-03-01&to=2025-04-30", admin)
            #expect(status == .ok)
            #expect(page.contains("id=\"jht-balance\">Rp769.500<"))
            #expect(page.contains("id=\"jht-opening\">Rp285.000<") && page.contains("id=\"jht-closing\">Rp855.000<"))
            #expect(page.contains("<td class=\"num\">Rp570.000</td>"))
            // The CSV equals the desk's statement of the same range, line for line
            let csv = try await client.execute(uri: "/persons/\(Self.budi)/jht/export?from=2025-03-01&to=2025-04-30", method: .get, headers: [.cookie: admin]) {
                response in
                #expect(response.headers[.contentDisposition]?.contains("attachment; filename=\"jht-\(Self.budi)-2025-03-01-2025-04-30.csv\"") == true)
                return String(buffer: response.body)
            }
            let desk = ClaimDesk(store: store, rules: ServerFixtures.rules, placement: .inStore)
            let expected = try await desk.statement(nik: Self.budi, from: ServerFixtures.day("2025-03-01"), to: ServerFixtures.day("2025-04-30")).csv
            #expect(csv == expected)
            #expect(csv.hasSuffix("2025-04-30,closing,,,,855000\n"))
            // The printed statement: a PDF through headless Chromium where it is installed (this machine, CI), else the 503 page
            let pdf = try await client.execute(uri: "/persons/\(Self.budi)/jht/export?format=pdf&from=2025-03-01&to=2025-04-30", method: .get, headers: [.cookie: admin]) {
                ($0.status, $0.headers[.contentType], Data($0.body.readableBytesView))
            }
            #expect(pdf.0 == .ok || pdf.0 == .serviceUnavailable)
            if pdf.0 == .ok {
                #expect(pdf.1 == "application/pdf")
                #expect(pdf.2.starts(with: Data("%PDF-".utf8)) && pdf.2.count > 1_000)
            }
            #expect(page.contains("id=\"jht-pdf\" href=\"/persons/\(Self.budi)/jht/export?format=pdf&amp;from=2025-03-01&amp;to=2025-04-30\""))
            // The employer's view: the balance, the NIK masked; another branch's officer: 404
            let employer = try await PageRouteTests.pageLogin(client, "maju-user")
            let (_, masked) = try await Self.html(client, "/persons/\(Self.budi)/jht?lang=en", employer)
            #expect(masked.contains("3604••••••••0001") && masked.contains("JHT balance") && !masked.contains(">\(Self.budi)<"))
            try await Self.addOfficers(store)
            let other = try await PageRouteTests.pageLogin(client, "tgr-officer")
            #expect(try await Self.html(client, "/persons/\(Self.budi)/jht", other).0 == .notFound)
        }
    }
}
