import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import LindungStorage
import Testing

/// An agency's non-ASN list (page and API): the roster it reported against its registered non-ASN, scoped.
@Suite struct AgencyRouteTests {
    /// Dinas Pendidikan Kabupaten Serang reported 3 honorer and 2 THL on 1 January 2025; one honorer (Ahmad
    /// Fauzi) is registered (PP 49/2018's non-ASN, covered under ruling 11 for JKK and JKM).
    static func reportRoster(_ store: some LindungStore) async throws {
        try await store.saveRoster(
            NonASNRoster(agencyNPP: "87654321", asOf: ServerFixtures.day("2025-01-01"), headcount: [.honorer: 3, .thl: 2]), actor: "test")
    }

    @Test func theAPIListsTheRosterAgainstTheRegisteredWithinTheScope() async throws {
        try await withServer { client, store in
            try await Self.reportRoster(store)
            for token in ["admin-token", "auditor-token", "region-3604", "region-36", "agency-token", "branch-srg"] {
                try await client.execute(uri: "/api/v1/agencies/87654321/non-asn", method: .get, headers: auth(token)) { response in
                    #expect(response.status == .ok, "\(token)")
                    let body = try object(response)
                    #expect(body["roster_total"] as? Int == 5 && body["registered_total"] as? Int == 1 && body["unregistered_total"] as? Int == 4)
                    #expect(body["roster_reported_on"] as? String == "2025-01-01" && body["on"] as? String == "2025-06-15")
                    let categories = try #require(body["categories"] as? [[String: Any]])
                    let honorer = try #require(categories.first { $0["category"] as? String == "honorer" })
                    #expect(honorer["roster"] as? Int == 3 && honorer["registered"] as? Int == 1 && honorer["unregistered"] as? Int == 2)
                    let items = try #require(body["items"] as? [[String: Any]])
                    #expect(items.map { $0["name"] as? String } == ["Ahmad Fauzi"])
                    let nik = items.first?["nik"] as? String
                    let masked = ["auditor-token", "agency-token"].contains(token)
                    #expect(nik == (masked ? "3604••••••••0003" : ServerFixtures.ahmad.nik), "\(token)")
                }
            }
            // Outside the scope, or not an agency: 404
            for (token, npp) in [("region-3603", "87654321"), ("branch-tgr", "87654321"), ("employer-a", "87654321"), ("admin-token", "12345678"),
                ("agency-token", "12345678"), ("admin-token", "99999999")] {
                try await client.execute(uri: "/api/v1/agencies/\(npp)/non-asn", method: .get, headers: auth(token)) {
                    #expect($0.status == .notFound, "\(token) \(npp)")
                }
            }
            try await client.execute(uri: "/api/v1/agencies/87654321/non-asn?on=2025-13-01", method: .get, headers: auth()) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test func thePageShowsTheGapAndIsLinkedFromTheAgencysPages() async throws {
        try await withServer { client, store in
            try await Self.reportRoster(store)
            let admin = try await PageRouteTests.pageLogin(client, "admin-user")
            try await client.execute(uri: "/agencies/87654321/non-asn", method: .get, headers: [.cookie: admin]) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("Pegawai non-ASN") && page.contains("Dinas Pendidikan Kabupaten Serang"))
                #expect(page.contains("Dilaporkan per 1 Januari 2025"))
                #expect(page.contains("<tr><td>Honorer</td><td class=\"num\">3</td><td class=\"num\">1</td><td class=\"num\">2</td></tr>"))
                #expect(page.contains("<th class=\"num\">5</th><th class=\"num\">1</th><th class=\"num\">4</th>"))
                #expect(page.contains("Ahmad Fauzi") && page.contains("Rp2.500.000"))
            }
            try await client.execute(uri: "/employers/87654321", method: .get, headers: [.cookie: admin]) {
                #expect(String(buffer: $0.body).contains("href=\"/agencies/87654321/non-asn\""))
            }
            try await client.execute(uri: "/employers/12345678", method: .get, headers: [.cookie: admin]) {
                #expect(!String(buffer: $0.body).contains("/non-asn"), "a company has no non-ASN list")
            }
            try await client.execute(uri: "/agencies/12345678/non-asn", method: .get, headers: [.cookie: admin]) { #expect($0.status == .notFound) }
            // A regional officer of Serang sees it; an employer does not
            let serang = try await PageRouteTests.pageLogin(client, "serang-user")
            try await client.execute(uri: "/agencies/87654321/non-asn", method: .get, headers: [.cookie: serang]) { #expect($0.status == .ok) }
            let maju = try await PageRouteTests.pageLogin(client, "maju-user")
            try await client.execute(uri: "/agencies/87654321/non-asn", method: .get, headers: [.cookie: maju]) { #expect($0.status == .notFound) }
        }
    }
}
