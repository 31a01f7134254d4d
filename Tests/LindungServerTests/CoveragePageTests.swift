import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungExport
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// The coverage dashboard, its report downloads and the budget simulator page, on the fixture registry with
/// March 2025 counted (CoverageRouteTests.prepare): Banten 4 active, Kabupaten Serang 3 (no employed figure:
/// unknown), Kabupaten Tangerang 1 of 200 employed (0.50 %).
@Suite struct CoveragePageTests {
    /// A regional officer of the whole province, logged in.
    static func bantenOfficer(_ client: any TestClientProtocol, _ store: some LindungStore) async throws -> String {
        try await AccountCreation.addUser(
            username: "banten-user", password: "banten-user-password", role: "regional_officer", scope: "36", to: store, cost: ServerFixtures.bcryptCost)
        return try await PageRouteTests.pageLogin(client, "banten-user")
    }

    /// The `<tr>` of the regency/city table that names `code`.
    static func row(_ page: String, _ code: String) -> String? {
        guard let marker = page.range(of: "(\(code))</td>") else { return nil }
        let start = page[..<marker.lowerBound].range(of: "<tr>", options: .backwards)!.lowerBound
        return String(page[start..<page[marker.lowerBound...].range(of: "</tr>")!.upperBound])
    }

    static func position(_ page: String, _ code: String) -> Int {
        page.distance(from: page.startIndex, to: page.range(of: "(\(code))</td>")!.lowerBound)
    }

    @Test func theDashboardShowsTheFiguresChartsAndMapWithUnknownAsUnknown() async throws {
        try await withServer { client, store in
            try await CoverageRouteTests.prepare(store)
            try await AgencyRouteTests.reportRoster(store)
            _ = try await store.refreshCoverage(month: YearMonth(year: 2025, month: 3))
            let cookie = try await Self.bantenOfficer(client, store)
            try await client.execute(uri: "/coverage?region=36&quarter=2025Q1", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<a href=\"/coverage\">Cakupan</a>"))  // the nav link
                #expect(page.contains("Banten (36) · 2025Q1") && page.contains("31 Maret 2025"))
                #expect(page.range(of: "dihitung [0-9]{1,2} [A-Z][a-z]+ [0-9]{4} [0-9]{2}:[0-9]{2} UTC", options: .regularExpression) != nil)
                #expect(page.contains("<dt>Peserta aktif</dt><dd>4</dd>"))
                let serang = try #require(Self.row(page, "3604"))
                #expect(serang.contains("<td class=\"num\">3</td>") && serang.contains("tidak ada data") && !serang.contains("0,00%"))
                let tangerang = try #require(Self.row(page, "3603"))
                #expect(tangerang.contains(">200</td>") && tangerang.contains(">0,50%</td>"))
                // The charts and the map, inline SVG, with the boundaries' credit
                #expect(page.components(separatedBy: "<svg").count - 1 == 3)
                #expect(page.contains("Indeks UCJ per kabupaten/kota") && page.contains("Peserta aktif per triwulan"))
                #expect(page.contains("Sumber batas wilayah: Badan Informasi Geospasial"))
                // The agency's non-ASN gap: 5 reported, 1 registered and active
                #expect(page.contains("<a href=\"/agencies/87654321/non-asn\">Dinas Pendidikan Kabupaten Serang</a> (87654321)</td><td class=\"num\">5</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">20,0%</td><td class=\"num\">4</td>"))
                #expect(page.contains("/coverage/report?region=36&amp;quarter=2025Q1&amp;format=pdf"))
            }
            try await client.execute(uri: "/coverage?region=36&quarter=2025Q1&lang=en", method: .get, headers: [.cookie: cookie]) { response in
                let serang = try #require(Self.row(String(buffer: response.body), "3604"))
                #expect(serang.contains(">unknown</td>"))
            }
            // A quarter never counted says so
            try await client.execute(uri: "/coverage?region=36&quarter=2024Q4", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("id=\"coverage-no-data\""))
            }
        }
    }

    @Test func theRegencyTableSortsOnTheServer() async throws {
        try await withServer { client, store in
            try await CoverageRouteTests.prepare(store)
            let cookie = try await Self.bantenOfficer(client, store)
            func page(_ sort: String) async throws -> String {
                try await client.execute(uri: "/coverage?region=36&quarter=2025Q1&sort=\(sort)", method: .get, headers: [.cookie: cookie]) {
                    #expect($0.status == .ok, "\(sort)")
                    return String(buffer: $0.body)
                }
            }
            let byActiveDown = try await page("-active")
            #expect(Self.position(byActiveDown, "3604") < Self.position(byActiveDown, "3603"))  // 3 before 1
            let byActiveUp = try await page("active")
            #expect(Self.position(byActiveUp, "3603") < Self.position(byActiveUp, "3604"))
            #expect(byActiveUp.contains("href=\"?region=36&amp;quarter=2025Q1&amp;sort=-active\""))  // the header link turns it around
            // Unknown ratios go last in either direction
            for sort in ["ucj", "-ucj"] {
                let text = try await page(sort)
                #expect(Self.position(text, "3603") < Self.position(text, "3604"), "\(sort)")
            }
            let byName = try await page("name")
            #expect(Self.position(byName, "3604") < Self.position(byName, "3603"))  // Kabupaten Serang before Kabupaten Tangerang
            try await client.execute(uri: "/coverage?region=36&quarter=2025Q1&sort=colour", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test func outsideTheRegionIsTheNotFoundPageAndOtherRolesAreRefused() async throws {
        try await withServer { client, store in
            try await CoverageRouteTests.prepare(store)
            let serang = try await PageRouteTests.pageLogin(client, "serang-user")
            for uri in ["/coverage?region=36&quarter=2025Q1", "/coverage?region=3603&quarter=2025Q1", "/coverage/report?region=36&quarter=2025Q1&format=csv",
                "/simulator?region=36&year=2026&vulnerable=1"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: serang]) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(String(buffer: response.body).contains("Tidak ditemukan"))
                }
            }
            try await client.execute(uri: "/coverage", method: .get, headers: [.cookie: serang]) { response in
                #expect(response.status == .ok)  // their own regency by default
                #expect(String(buffer: response.body).contains("Kabupaten Serang (3604)"))
            }
            let employer = try await PageRouteTests.pageLogin(client, "maju-user")
            for uri in ["/coverage", "/coverage/report?region=3604&quarter=2025Q1", "/simulator"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: employer]) { response in
                    #expect(response.status == .forbidden, "\(uri)")
                }
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: employer]) {
                #expect(!String(buffer: $0.body).contains("href=\"/coverage\""))
            }
            try await client.execute(uri: "/coverage", method: .get) { #expect($0.status == .seeOther) }
        }
    }

    @Test func theQuarterlyReportDownloadsInEachFormat() async throws {
        try await withServer { client, store in
            try await CoverageRouteTests.prepare(store)
            let cookie = try await Self.bantenOfficer(client, store)
            let base = "/coverage/report?region=36&quarter=2025Q1&format="
            try await client.execute(uri: base + "csv", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"laporan-cakupan-36-2025Q1.csv\"")
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("table,row,column,value") && text.contains("Ringkasan"))
            }
            try await client.execute(uri: base + "xlsx", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView.prefix(2)) == [0x50, 0x4B])  // a ZIP: PK
            }
            try await client.execute(uri: base + "html", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Laporan Pemantauan Cakupan") && html.contains("<svg"))
            }
            try await client.execute(uri: base + "pdf", method: .get, headers: [.cookie: cookie]) { response in
                if ChromiumPDF().isAvailable {
                    #expect(response.status == .ok)
                    #expect(String(decoding: response.body.readableBytesView.prefix(5), as: UTF8.self) == "%PDF-")
                } else {
                    #expect(response.status == .serviceUnavailable)
                    #expect(String(buffer: response.body).contains("Chromium tidak terpasang"))
                }
            }
            for bad in ["doc", ""] {
                try await client.execute(uri: base + bad, method: .get, headers: [.cookie: cookie]) { #expect($0.status == .badRequest, "\(bad)") }
            }
        }
    }

    /// The example, by hand from REGULATIONS.md §1 (pekerja rentan: JKK and JKM paid from the APBD,
    /// Rp16,800 a month) and §2 (BPU lowest bracket: JKK 1 % of Rp1,000,000 = Rp10,000, JKM Rp6,800), and ruling 11
    /// (non-ASN are PU of their agency, JKK and JKM; risk group I: JKK 0.24 %, JKM 0.30 %) at Kabupaten Serang's
    /// 2026 minimum wage Rp5,178,521: JKK Rp12,428, JKM Rp15,536. A month: JKK 15,000 × 10,000 + 8,000 × 12,428 =
    /// Rp249,424,000; JKM 15,000 × 6,800 + 8,000 × 15,536 = Rp226,288,000; the year Rp5,708,544,000.
    @Test func theSimulatorPageShowsTheHandComputedBudget() async throws {
        try await withServer { client, store in
            let cookie = try await PageRouteTests.pageLogin(client, "serang-user")
            try await client.execute(uri: "/simulator", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("id=\"simulator-form\"") && page.contains("value=\"3604\"") && !page.contains("simulator-result"))
            }
            try await client.execute(
                uri: "/simulator?region=3604&vulnerable=15000&income=&non_asn=8000&non_asn_wage=&year=2026", method: .get, headers: [.cookie: cookie]
            ) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<strong id=\"simulator-total\">Rp5.708.544.000</strong>"))
                #expect(page.contains("<tr><td>JKK</td><td class=\"num\">Rp10.000</td><td class=\"num\">Rp12.428</td><td class=\"num\">Rp249.424.000</td><td class=\"num\">Rp2.993.088.000</td></tr>"))
                #expect(page.contains("<tr><td>JKM</td><td class=\"num\">Rp6.800</td><td class=\"num\">Rp15.536</td><td class=\"num\">Rp226.288.000</td><td class=\"num\">Rp2.715.456.000</td></tr>"))
                #expect(page.contains("<tr><td>Januari 2026</td><td class=\"num\">Rp16.800</td><td class=\"num\">Rp252.000.000</td><td class=\"num\">Rp27.964</td><td class=\"num\">Rp223.712.000</td><td class=\"num\">Rp475.712.000</td></tr>"))
                #expect(page.contains("Rp5.178.521 (upah minimum tahun itu)"))
            }
            try await client.execute(uri: "/simulator?region=3604&vulnerable=-5&year=2026", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("class=\"alert\""))
            }
        }
    }
}
