import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// The pages' lists, 50 rows a page with "previous" and "next" links that keep the other query parameters;
/// the API's lists with `limit`, `offset` and `next_offset`, the same rows in the same order.
@Suite struct PagePaginationTests {
    /// 60 more employers (PT Uji 01 … 60, Kabupaten Serang, branch KC-SRG) and 60 more workers of PT Maju
    /// Jaya (Pekerja Uji 100 … 159), so PT Maju Jaya has 62 workers.
    static func seed(_ store: SQLiteStore) async throws {
        let employers = (1...60).map { n in
            EmployerRecord(
                npp: nil, kind: .company, name: "PT Uji \(n < 10 ? "0" : "")\(n)", regionCode: "3604", riskClass: 1, sizeClass: .small,
                branchCode: "KC-SRG")
        }
        let summary = try await store.importEmployers(
            EmployerImportPlan(rows: employers.enumerated().map { .init(line: $0.offset + 2, record: $0.element) }, partial: false, actor: "test"))
        #expect(summary.created == 60)
        let rows = (100..<160).enumerated().map { index, serial in
            ServerFixtures.row(
                index + 2,
                PersonRecord(
                    nik: ServerFixtures.nik(born: ServerFixtures.day("1990-05-17"), sex: .male, serial: serial), name: "Pekerja Uji \(serial)",
                    birthDate: ServerFixtures.day("1990-05-17"), sex: .male, domicileRegion: "3604"),
                wage: 5_000_000)
        }
        let workers = try await store.importWorkers(
            WorkerImportPlan(employerNPP: "12345678", rows: rows, asOf: ServerFixtures.day("2025-04-01"), partial: false, actor: "test"))
        #expect(workers.errors.isEmpty)
    }

    static func links(_ page: String, _ rel: String) -> String? {
        guard let start = page.range(of: "<a rel=\"\(rel)\" class=\"pager-\(rel == "prev" ? "previous" : "next")\" href=\"")?.upperBound else { return nil }
        return String(page[start...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
    }

    static func count(_ page: String, _ marker: String) -> Int { page.components(separatedBy: marker).count - 1 }

    /// The page at `uri` for the logged-in cookie, which must answer 200.
    static func page(_ client: any TestClientProtocol, _ cookie: String, _ uri: String) async throws -> String {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { response in
            #expect(response.status == .ok, "\(uri)")
            return String(buffer: response.body)
        }
    }

    @Test func theEmployerSearchPagePagesByFifty() async throws {
        try await withServer { client, store in
            try await Self.seed(store)
            let cookie = try await PageRouteTests.pageLogin(client, "serang-user")
            func get(_ uri: String) async throws -> String { try await Self.page(client, cookie, uri) }
            let first = try await get("/employers?q=uji")
            #expect(Self.count(first, "<tr><td><a href=\"/employers/") == 50)
            #expect(first.contains("PT Uji 01") && first.contains("PT Uji 50") && !first.contains("PT Uji 51"))
            #expect(Self.links(first, "prev") == nil)
            let next = try #require(Self.links(first, "next"))
            #expect(next == "/employers?q=uji&offset=50")
            let second = try await get(next)
            #expect(Self.count(second, "<tr><td><a href=\"/employers/") == 10)
            #expect(second.contains("PT Uji 51") && second.contains("PT Uji 60") && !second.contains("PT Uji 50<"))
            #expect(Self.links(second, "next") == nil)
            #expect(Self.links(second, "prev") == "/employers?q=uji")
            // The links are in the page's language
            #expect(first.contains("Berikutnya") && second.contains("Sebelumnya"))
            #expect(try await get("/employers?q=uji&lang=en").contains("Next"))
            // A short list has no pager; a bad offset is the 400 page
            #expect(!(try await get("/employers?q=maju")).contains("class=\"pager\""))
            try await client.execute(uri: "/employers?q=uji&offset=-1", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/employers?q=uji&offset=abc", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .badRequest) }
        }
    }

    @Test func personsWorkersAndBillWorkersPageToo() async throws {
        try await withServer { client, store in
            try await Self.seed(store)
            let cookie = try await PageRouteTests.pageLogin(client, "admin-user")
            func get(_ uri: String) async throws -> String { try await Self.page(client, cookie, uri) }
            // Persons by name: 60 matches
            let persons = try await get("/persons?q=Pekerja+Uji")
            #expect(try await get("/persons?q=Pekerja%20Uji%20159").contains("Pekerja Uji 159"))
            #expect(Self.count(persons, "<tr><td><a href=\"/persons/") == 50)
            // A browser's form sends the space as "+"; the link keeps the text as it came
            let next = try #require(Self.links(persons, "next"))
            #expect(next == "/persons?q=Pekerja+Uji&offset=50")
            let more = try await get(next)
            #expect(Self.count(more, "<tr><td><a href=\"/persons/") == 10 && more.contains("Pekerja Uji 159"))
            // An employer's 62 workers on its page
            let employer = try await get("/employers/12345678?on=2025-06-15")
            #expect(Self.count(employer, "<tr><td><a href=\"/persons/") == 50)
            #expect(Self.links(employer, "next") == "/employers/12345678?on=2025-06-15&offset=50")
            let rest = try await get("/employers/12345678?on=2025-06-15&offset=50")
            #expect(Self.count(rest, "<tr><td><a href=\"/persons/") == 12)
            // The API pages the same list the same way
            let api = try await client.execute(uri: "/api/v1/employers/12345678/workers?on=2025-06-15&offset=50", method: .get, headers: auth()) {
                try object($0)
            }
            #expect((api["items"] as? [Any])?.count == 12 && api["next_offset"] is NSNull)
            // A bill of May with the 62 workers
            try await client.execute(
                uri: "/api/v1/billing-runs", method: .post, headers: auth(),
                body: jsonBody(["month": "2025-05", "employer": "12345678", "issued_on": "2025-06-01"])
            ) { #expect($0.status == .ok) }
            let bill = try #require(try await store.bills(month: YearMonth(year: 2025, month: 5), employerNPP: "12345678").first { $0.workers == 62 })
            let billPage = try await get("/bills/\(bill.id)")
            #expect(Self.links(billPage, "next") == "/bills/\(bill.id)?offset=50")
            let billRest = try await get("/bills/\(bill.id)?offset=50")
            #expect(Self.links(billRest, "prev") == "/bills/\(bill.id)" && Self.links(billRest, "next") == nil)
        }
    }

    @Test func theAPIEmployerSearchPagesWithNextOffset() async throws {
        try await withServer { client, store in
            try await Self.seed(store)
            var names: [String] = []
            var offset: Int? = 0
            while let current = offset {
                let page = try await client.execute(uri: "/api/v1/employers?name=uji&limit=25&offset=\(current)", method: .get, headers: auth("branch-srg")) {
                    try object($0)
                }
                names += ((page["items"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
                offset = page["next_offset"] as? Int
            }
            #expect(names.count == 60 && names.first == "PT Uji 01" && names.last == "PT Uji 60" && names == names.sorted())
            let outside = try await client.execute(uri: "/api/v1/employers?name=uji", method: .get, headers: auth("branch-tgr")) { try object($0) }
            #expect((outside["items"] as? [Any])?.isEmpty == true && outside["next_offset"] is NSNull)
        }
    }
}
