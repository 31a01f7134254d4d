import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// The employer and person pages: real values (names, rupiah, Indonesian dates), NIKs masked or shown and
/// logged per role, and a 404 page outside the scope.
@Suite struct RegistryPageTests {
    static let budi = "3604011705900001"
    static let maskedBudi = "3604••••••••0001"
    static let dewi = "3604016107950004"

    func get(_ client: any TestClientProtocol, _ uri: String, _ cookie: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { ($0.status, String(buffer: $0.body)) }
    }

    @Test func anEmployerSeesItsWorkersMaskedAndItsBillsButNoOtherEmployer() async throws {
        try await withServer(billApril: true) { client, store in
            let cookie = try await PageRouteTests.pageLogin(client, "maju-user")
            let (status, page) = try await get(client, "/employers/12345678", cookie)
            #expect(status == .ok)
            #expect(page.contains("PT Maju Jaya"))
            #expect(page.contains("Budi Santoso") && page.contains("Siti Aminah"))
            #expect(page.contains(Self.maskedBudi))
            #expect(!page.contains(Self.budi))
            #expect(page.contains("Rp5.000.000") && page.contains("Rp12.000.000"))
            #expect(page.contains("1 Januari 2025"))
            #expect(page.contains("April 2025"))
            #expect(page.contains("15 Juni 2025"))
            #expect(try await store.accessLog(entity: "person", key: Self.budi).isEmpty, "masked: nothing to log")
            let (english, englishPage) = try await get(client, "/employers/12345678?lang=en", cookie)
            #expect(english == .ok)
            #expect(englishPage.contains("1 January 2025") && englishPage.contains("Workers on 15 June 2025"))
            // Outside the scope: the 404 page, as for an NPP that does not exist
            for npp in ["11112222", "99999999"] {
                let (missing, missingPage) = try await get(client, "/employers/\(npp)", cookie)
                #expect(missing == .notFound)
                #expect(missingPage.contains("Tidak ditemukan"))
                #expect(!missingPage.contains("CV Sinar Tangerang"))
            }
            let (_, search) = try await get(client, "/employers?q=11112222", cookie)
            #expect(!search.contains("CV Sinar Tangerang") && search.contains("Tidak ada."))
            let (_, own) = try await get(client, "/employers?q=maju", cookie)
            #expect(own.contains("href=\"/employers/12345678\""))
        }
    }

    @Test func aRegionalOfficerSeesAPersonInFullLoggedAndNoOneOutsideTheRegion() async throws {
        try await withServer { client, store in
            let cookie = try await PageRouteTests.pageLogin(client, "serang-user")
            let (status, page) = try await get(client, "/persons/\(Self.budi)", cookie)
            #expect(status == .ok)
            #expect(page.contains("Budi Santoso"))
            #expect(page.contains(Self.budi))
            #expect(page.contains("17 Mei 1990"))
            #expect(page.contains("Rp5.000.000 sejak 1 Januari 2025"))
            #expect(page.contains("12345678"))
            let log = try await store.accessLog(entity: "person", key: Self.budi)
            #expect(log.count == 1)
            #expect(log.first?.record.reason == "page:getPerson")
            // Dewi lives and works in Tangerang (3603)
            let (missing, _) = try await get(client, "/persons/\(Self.dewi)", cookie)
            #expect(missing == .notFound)
            let (_, search) = try await get(client, "/persons?q=Dewi", cookie)
            #expect(!search.contains("Dewi Lestari"))
            let (_, byName) = try await get(client, "/persons?q=Budi", cookie)
            #expect(byName.contains("Budi Santoso") && byName.contains("href=\"/persons/\(Self.budi)\""))
            #expect(byName.contains("href=\"/persons?q=Budi&amp;lang=en\""), "the language link keeps the search")
            let (_, byNIK) = try await get(client, "/persons?q=\(Self.budi)", cookie)
            #expect(byNIK.contains("Budi Santoso"))
            let (employers, employersPage) = try await get(client, "/employers?q=12345678", cookie)
            #expect(employers == .ok && employersPage.contains("PT Maju Jaya"))
        }
    }

    @Test func anAuditorSeesPersonsMaskedWithoutLinks() async throws {
        try await withServer { client, store in
            let cookie = try await PageRouteTests.pageLogin(client, "auditor-user")
            let (_, search) = try await get(client, "/persons?q=Budi", cookie)
            #expect(search.contains(Self.maskedBudi) && !search.contains(Self.budi))
            let (status, page) = try await get(client, "/persons/\(Self.budi)", cookie)
            #expect(status == .ok)
            #expect(page.contains(Self.maskedBudi))
            #expect(try await store.accessLog(entity: "person", key: Self.budi).isEmpty)
        }
    }

    @Test func registryPagesNeedASession() async throws {
        try await withServer { client in
            for path in ["/employers", "/employers/12345678", "/persons", "/persons/\(Self.budi)"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .seeOther, "\(path)")
                    #expect(response.headers[.location] == "/login")
                }
            }
        }
    }
}
