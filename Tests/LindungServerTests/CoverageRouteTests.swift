import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// Coverage figures, targets and the budget simulator through the API (docs/coverage.md), on the fixture
/// registry: three participants domiciled in Kabupaten Serang (3604) and one in Kabupaten Tangerang (3603),
/// all covered since 1 January 2025 and never billed, so all active in March 2025 (ActiveParticipantRule: a
/// month never billed is not arrears).
@Suite struct CoverageRouteTests {
    /// Counts March 2025 and gives Kabupaten Tangerang an imported employed figure of 200 (BPS publishes none for
    /// it); Kabupaten Serang keeps none, so its ratio is unknown.
    static func prepare(_ store: some LindungStore) async throws {
        try await store.saveWorkforce(
            [WorkforceFigure(regionCode: "3603", period: YearMonth(year: 2024, month: 8), employed: 200, source: "test round", origin: .imported)],
            actor: "test")
        _ = try await store.refreshCoverage(month: YearMonth(year: 2025, month: 3))
    }

    @Test func theFiguresOfAProvinceAndItsRegenciesWithUnknownRatiosAsNull() async throws {
        try await withServer { client, store in
            try await Self.prepare(store)
            for token in ["admin-token", "auditor-token", "region-36"] {
                try await client.execute(uri: "/api/v1/coverage?region=36&quarter=2025Q1", method: .get, headers: auth(token)) { response in
                    #expect(response.status == .ok, "\(token)")
                    let body = try object(response)
                    #expect(body["has_data"] as? Bool == true && body["month"] as? String == "2025-03" && body["reference_date"] as? String == "2025-03-31")
                    let region = try #require(body["region"] as? [String: Any])
                    #expect((region["counts"] as? [String: Any])?["active"] as? Int == 4)
                    let parts = try #require(body["parts"] as? [[String: Any]])
                    let serang = try #require(parts.first { $0["region_code"] as? String == "3604" })
                    let tangerang = try #require(parts.first { $0["region_code"] as? String == "3603" })
                    #expect((serang["counts"] as? [String: Any])?["active"] as? Int == 3)
                    #expect(serang["ucj_percent"] is NSNull && serang["employed"] is NSNull)  // unknown, never 0
                    #expect(tangerang["ucj_percent"] as? Double == 0.5)  // 1 active / 200 employed
                }
            }
            // The same month asked by a day; a regency officer reads their own regency
            try await client.execute(uri: "/api/v1/coverage?region=3604&on=2025-03-15", method: .get, headers: auth("region-3604")) { response in
                #expect(response.status == .ok)
                let body = try object(response)
                #expect(((body["region"] as? [String: Any])?["counts"] as? [String: Any])?["active"] as? Int == 3)
            }
            // A month never counted has no figures, which is not the same as nobody covered
            try await client.execute(uri: "/api/v1/coverage?region=36&on=2025-05-01", method: .get, headers: auth()) { response in
                #expect(response.status == .ok)
                let body = try object(response)
                #expect(body["has_data"] as? Bool == false)
            }
        }
    }

    @Test func outsideTheRegionIs404AndRolesWithoutARegion403() async throws {
        try await withServer { client, store in
            try await Self.prepare(store)
            for (token, region) in [("region-3604", "36"), ("region-3604", "3603"), ("region-3603", "3604"), ("region-36", "00"), ("region-36", "32")] {
                try await client.execute(uri: "/api/v1/coverage?region=\(region)&quarter=2025Q1", method: .get, headers: auth(token)) {
                    #expect($0.status == .notFound, "\(token) \(region)")
                }
                try await client.execute(uri: "/api/v1/simulate/budget?region=\(region)&year=2026&vulnerable=1", method: .get, headers: auth(token)) {
                    #expect($0.status == .notFound, "\(token) \(region)")
                }
            }
            for token in ["employer-a", "agency-token", "branch-srg"] {
                try await client.execute(uri: "/api/v1/coverage?region=3604&quarter=2025Q1", method: .get, headers: auth(token)) {
                    #expect($0.status == .forbidden, "\(token)")
                }
                try await client.execute(uri: "/api/v1/coverage/targets", method: .get, headers: auth(token)) { #expect($0.status == .forbidden, "\(token)") }
            }
            try await client.execute(uri: "/api/v1/coverage?region=36&quarter=2025Q1", method: .get, headers: auth("client-calc")) {
                #expect($0.status == .forbidden)  // a system client not granted getCoverage
            }
            try await client.execute(uri: "/api/v1/coverage?region=36&quarter=2025Q1", method: .get) { #expect($0.status == .unauthorized) }
            // Malformed: no period, both, a bad quarter, an unknown region
            for query in ["region=36", "region=36&on=2025-03-01&quarter=2025Q1", "region=36&quarter=2025Q5", "region=99&quarter=2025Q1"] {
                try await client.execute(uri: "/api/v1/coverage?\(query)", method: .get, headers: auth()) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(errorCode(response) == "invalid_input")
                }
            }
        }
    }

    @Test func anAdministratorSetsARegionsTargetAndTheFiguresUseIt() async throws {
        try await withServer { client, store in
            try await Self.prepare(store)
            let body = jsonBody(["region_code": "3603", "year": 2025, "ucj_percent": 2.5, "source": "RPJMD Kabupaten Tangerang"])
            for token in ["region-36", "branch-srg", "auditor-token"] {
                try await client.execute(uri: "/api/v1/coverage/targets", method: .put, headers: auth(token), body: body) {
                    #expect($0.status == .forbidden, "\(token)")
                }
            }
            #expect(try await store.coverageTargets().isEmpty)
            try await client.execute(uri: "/api/v1/coverage/targets", method: .put, headers: auth(), body: body) { response in
                #expect(response.status == .ok)
                let target = try object(response)
                #expect(target["origin"] as? String == "administrator" && target["ucj_percent"] as? Double == 2.5)
            }
            let stored = try await store.coverageTargets()
            #expect(stored.map(\.regionCode) == ["3603"] && stored.first?.source == "RPJMD Kabupaten Tangerang")
            for token in ["admin-token", "region-36", "region-3603"] {
                try await client.execute(uri: "/api/v1/coverage/targets?region=3603", method: .get, headers: auth(token)) { response in
                    #expect(response.status == .ok, "\(token)")
                    let items = try #require(try object(response)["items"] as? [[String: Any]])
                    #expect(items.map { $0["year"] as? Int } == [2025] && items.first?["source"] as? String == "RPJMD Kabupaten Tangerang")
                }
            }
            try await client.execute(uri: "/api/v1/coverage/targets?region=3603", method: .get, headers: auth("region-3604")) {
                #expect($0.status == .notFound)
            }
            // The national targets are listed for an officer too, the other regency's are not
            try await client.execute(uri: "/api/v1/coverage/targets", method: .get, headers: auth("region-3604")) { response in
                let items = try #require(try object(response)["items"] as? [[String: Any]])
                #expect(!items.isEmpty && items.allSatisfy { $0["region_code"] as? String == "00" })
            }
            // The figures take the region's own target
            try await client.execute(uri: "/api/v1/coverage?region=3603&quarter=2025Q1", method: .get, headers: auth("region-3603")) { response in
                let target = ((try object(response)["region"] as? [String: Any])?["target"] as? [String: Any])
                #expect(target?["ucj_percent"] as? Double == 2.5 && target?["origin"] as? String == "administrator")
            }
            for bad in [["region_code": "3603", "year": 2025, "ucj_percent": 101], ["region_code": "9999", "year": 2025, "ucj_percent": 5], ["year": 2025]] {
                try await client.execute(uri: "/api/v1/coverage/targets", method: .put, headers: auth(), body: jsonBody(bad)) {
                    #expect($0.status == .badRequest, "\(bad)")
                }
            }
        }
    }

    /// The issue's example. REGULATIONS.md §1 (pekerja rentan: JKK and JKM, Rp16,800 a month from the APBD) and §2
    /// (BPU lowest bracket: JKK Rp10,000 + JKM Rp6,800); ruling 11 (non-ASN as PU of their agency, JKK and JKM;
    /// risk group I: JKK 0.24 %, JKM 0.30 %). Kabupaten Serang's 2026 UMK is Rp5,178,521 (minimum_wages.csv:
    /// Rp5,178,521.19): JKK Rp12,428 (12,428.45) + JKM Rp15,536 (15,535.56) = Rp27,964 a non-ASN a month.
    /// 15,000 × Rp16,800 = Rp252,000,000 and 8,000 × Rp27,964 = Rp223,712,000 a month; Rp5,708,544,000 a year.
    @Test func theSimulatorAnswersTheIssuesExample() async throws {
        try await withServer { client in
            for token in ["admin-token", "region-36", "region-3604"] {
                try await client.execute(
                    uri: "/api/v1/simulate/budget?region=3604&vulnerable=15000&non_asn=8000&year=2026", method: .get, headers: auth(token)
                ) { response in
                    #expect(response.status == .ok, "\(token)")
                    let body = try object(response)
                    #expect(body["region_name"] as? String != nil && body["non_asn_wage"] as? Int == 5_178_521)
                    #expect(body["vulnerable_base"] as? Int == 1_000_000)
                    let january = try #require((body["months"] as? [[String: Any]])?.first)
                    #expect(january["per_vulnerable_worker"] as? Int == 16_800 && january["per_non_asn_worker"] as? Int == 27_964)
                    #expect(january["vulnerable"] as? Int == 252_000_000 && january["non_asn"] as? Int == 223_712_000)
                    #expect(body["vulnerable_year"] as? Int == 3_024_000_000 && body["non_asn_year"] as? Int == 2_684_544_000)
                    #expect(body["total_year"] as? Int == 5_708_544_000)
                    #expect(body["non_asn_programs"] as? [String] == ["JKK", "JKM"])
                }
            }
            try await client.execute(uri: "/api/v1/simulate/budget?region=3604&year=2026", method: .get, headers: auth("employer-a")) {
                #expect($0.status == .forbidden)
            }
            for query in ["region=3604", "region=3604&year=2026&vulnerable=-1", "region=3604&year=2026&non_asn_programs=JHT", "region=9999&year=2026"] {
                try await client.execute(uri: "/api/v1/simulate/budget?\(query)", method: .get, headers: auth()) { response in
                    #expect(response.status == .badRequest, "\(query)")
                }
            }
        }
    }
}
