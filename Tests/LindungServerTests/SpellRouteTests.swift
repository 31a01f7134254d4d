import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungServer
import LindungStorage
import Testing

/// `GET /api/v1/persons/{nik}/spells`: a person's spells through the scope of `GET /api/v1/persons/{nik}`.
@Suite struct SpellRouteTests {
    @Test func spellsAreListedWithinTheScopeOnly() async throws {
        try await withServer { client in
            let budi = ServerFixtures.budi.nik
            for token in ["admin-token", "auditor-token", "region-3604", "branch-srg", "employer-a"] {
                try await client.execute(uri: "/api/v1/persons/\(budi)/spells", method: .get, headers: auth(token)) { response in
                    #expect(response.status == .ok, "\(token)")
                    let page = try object(response)
                    let spells = try #require(page["items"] as? [[String: Any]])
                    #expect(spells.count == 1 && spells.first?["employer_npp"] as? String == "12345678")
                    #expect(spells.first?["start_date"] as? String == "2025-01-01")
                    let wages = try #require(spells.first?["wages"] as? [[String: Any]])
                    #expect(wages.first?["amount"] as? Int == 5_000_000)
                    #expect(page["next_offset"] is NSNull)
                }
            }
            // Outside the scope (Tangerang's officer, branch and employer; the agency): 404 as for a missing NIK
            for token in ["region-3603", "branch-tgr", "employer-b", "agency-token"] {
                try await client.execute(uri: "/api/v1/persons/\(budi)/spells", method: .get, headers: auth(token)) {
                    #expect($0.status == .notFound, "\(token)")
                }
            }
            try await client.execute(uri: "/api/v1/persons/3604011002930099/spells", method: .get, headers: auth()) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/persons/\(budi)/spells", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/persons/\(budi)/spells?limit=0", method: .get, headers: auth()) { #expect($0.status == .badRequest) }
        }
    }
}
