import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungStorage
import Testing

/// Every role against employers, persons and bills on both sides of the registry: what is outside an
/// account's scope answers 404, exactly like what does not exist.
@Suite struct ScopeRouteTests {
    static let serang = "12345678"
    static let agency = "87654321"
    static let tangerang = "11112222"

    /// Which of the three employers each token sees.
    static let employers: [(token: String, sees: Set<String>)] = [
        ("admin-token", [serang, agency, tangerang]), ("auditor-token", [serang, agency, tangerang]),
        ("region-36", [serang, agency, tangerang]), ("region-3604", [serang, agency]), ("region-3603", [tangerang]),
        ("agency-token", [agency]), ("branch-srg", [serang, agency]), ("branch-tgr", [tangerang]), ("employer-a", [serang]),
        ("employer-b", [tangerang]),
    ]

    /// Auditors, agency operators and employers see NIKs masked (docs/server.md).
    static func shown(_ nik: String, to token: String) -> String {
        ["auditor-token", "agency-token", "employer-a", "employer-b"].contains(token) ? String(nik.prefix(4)) + "••••••••" + String(nik.suffix(4)) : nik
    }

    func status(_ client: any TestClientProtocol, _ uri: String, _ token: String) async throws -> HTTPResponse.Status {
        try await client.execute(uri: uri, method: .get, headers: auth(token)) { response in
            if response.status == .notFound { #expect(errorCode(response) == "not_found") }
            return response.status
        }
    }

    @Test func employersAndTheirWorkers() async throws {
        try await withServer { client in
            for (token, sees) in Self.employers {
                for npp in [Self.serang, Self.agency, Self.tangerang] {
                    let expected: HTTPResponse.Status = sees.contains(npp) ? .ok : .notFound
                    let got1 = try await status(client, "/api/v1/employers/\(npp)", token)
                    #expect(got1 == expected, "\(token) → \(npp)")
                    let got2 = try await status(client, "/api/v1/employers/\(npp)/workers?on=2025-04-15", token)
                    #expect(got2 == expected, "\(token) → \(npp) workers")
                }
            }
        }
    }

    @Test func personsByTheirEmployersOrWhereTheyLive() async throws {
        try await withServer { client in
            let people = [Self.serang: ServerFixtures.budi.nik, Self.agency: ServerFixtures.ahmad.nik, Self.tangerang: ServerFixtures.dewi.nik]
            for (token, sees) in Self.employers {
                for (npp, nik) in people {
                    let expected: HTTPResponse.Status = sees.contains(npp) ? .ok : .notFound
                    let got3 = try await status(client, "/api/v1/persons/\(nik)", token)
                    #expect(got3 == expected, "\(token) → \(nik)")
                    let got4 = try await status(client, "/api/v1/persons/\(nik)/standing?on=2025-06-15", token)
                    #expect(got4 == expected, "\(token) → \(nik) standing")
                }
                // A name search lists only the persons in scope
                for (npp, name, nik) in [
                    (Self.serang, "Budi", ServerFixtures.budi.nik), (Self.serang, "Siti", ServerFixtures.siti.nik),
                    (Self.agency, "Ahmad", ServerFixtures.ahmad.nik), (Self.tangerang, "Dewi", ServerFixtures.dewi.nik),
                ] {
                    let found = try await client.execute(uri: "/api/v1/persons?name=\(name)", method: .get, headers: auth(token)) { try object($0) }
                    let niks = ((found["items"] as? [[String: Any]]) ?? []).compactMap { $0["nik"] as? String }
                    #expect(niks == (sees.contains(npp) ? [Self.shown(nik, to: token)] : []), "\(token) searching \(name)")
                }
            }
        }
    }

    @Test func billsOneByOneAndListed() async throws {
        try await withServer(billApril: true) { client in
            let all = try await client.execute(uri: "/api/v1/bills?month=2025-04", method: .get, headers: auth()) { try object($0) }
            let bills = try #require(all["items"] as? [[String: Any]])
            #expect(Set(bills.compactMap { $0["npp"] as? String }) == [Self.serang, Self.agency, Self.tangerang])
            for (token, sees) in Self.employers {
                for bill in bills {
                    let id = try #require(bill["id"] as? Int)
                    let npp = try #require(bill["npp"] as? String)
                    let visible = sees.contains(npp) || (token == "region-3604" && bill["debtor_key"] as? String == "3604")
                    let expected: HTTPResponse.Status = visible ? .ok : .notFound
                    let got5 = try await status(client, "/api/v1/bills/\(id)", token)
                    #expect(got5 == expected, "\(token) → bill \(id) of \(npp)")
                    let got6 = try await status(client, "/api/v1/bills/\(id)/workers", token)
                    #expect(got6 == expected, "\(token) → bill \(id) workers")
                }
                let listed = try await client.execute(uri: "/api/v1/bills?month=2025-04", method: .get, headers: auth(token)) { try object($0) }
                let npps = Set(((listed["items"] as? [[String: Any]]) ?? []).compactMap { $0["npp"] as? String })
                #expect(npps.isSubset(of: sees), "\(token) lists bills of \(npps)")
                #expect(!npps.isEmpty, "\(token) lists no bill")
                // Naming an employer outside the scope is not found
                for npp in [Self.serang, Self.tangerang] where !sees.contains(npp) {
                    let got7 = try await status(client, "/api/v1/bills?month=2025-04&employer=\(npp)", token)
                    #expect(got7 == .notFound)
                }
                let arrears = try await client.execute(uri: "/api/v1/arrears?on=2025-06-15", method: .get, headers: auth(token)) { try object($0) }
                for row in (arrears["items"] as? [[String: Any]]) ?? [] where row["debtor"] as? String == "employer" {
                    #expect(sees.contains(row["debtor_key"] as? String ?? ""), "\(token) sees arrears of \(row["debtor_key"] ?? "")")
                }
            }
        }
    }

    @Test func writesByRole() async throws {
        try await withServer(billApril: true) { client in
            let list = try await client.execute(uri: "/api/v1/bills?month=2025-04&employer=\(Self.serang)", method: .get, headers: auth()) {
                try object($0)
            }
            let bill = try #require((list["items"] as? [[String: Any]])?.first { $0["debtor"] as? String == "employer" })
            let id = try #require(bill["id"] as? Int)
            let payment = jsonBody(["amount": 1000, "paid_on": "2025-05-10", "reference": "R-1"])
            // Reading roles may not post; a branch officer of another branch does not see the bill at all
            for token in ["auditor-token", "region-36", "agency-token", "employer-a"] {
                try await client.execute(uri: "/api/v1/bills/\(id)/payments", method: .post, headers: auth(token), body: payment) { response in
                    #expect(response.status == .forbidden, "\(token)")
                    #expect(errorCode(response) == "forbidden")
                }
            }
            try await client.execute(uri: "/api/v1/bills/\(id)/payments", method: .post, headers: auth("branch-tgr"), body: payment) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/bills/\(id)/payments", method: .post, headers: auth("branch-srg"), body: payment) { response in
                #expect(response.status == .created)
            }
            // A branch officer bills one employer of the branch, not the whole province
            let may = jsonBody(["month": "2025-05", "employer": Self.serang, "issued_on": "2025-06-01"])
            try await client.execute(uri: "/api/v1/billing-runs", method: .post, headers: auth("branch-srg"), body: may) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/billing-runs", method: .post, headers: auth("branch-tgr"), body: may) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(
                uri: "/api/v1/billing-runs", method: .post, headers: auth("branch-srg"), body: jsonBody(["month": "2025-05", "issued_on": "2025-06-01"])
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func tokensAndGrants() async throws {
        try await withServer { client in
            for headers: HTTPFields in [[:], [.authorization: "Bearer nope"], [.authorization: "Basic YWRtaW46YWRtaW4="], [.authorization: "Bearer "]] {
                try await client.execute(uri: "/api/v1/employers/\(Self.serang)", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                    #expect(errorCode(response) == "unauthorized")
                }
            }
            // Health, metrics and the document need no token
            for uri in ["/health", "/metrics", "/api/openapi.json"] {
                try await client.execute(uri: uri, method: .get) { response in #expect(response.status == .ok, "\(uri)") }
            }
            // A system client calls what it is granted and nothing else
            let got8 = try await status(client, "/api/v1/calculator/contribution?segment=pu&wage=5000000&risk_class=2&month=2025-04", "client-calc")
            #expect(got8 == .ok)
            let got9 = try await status(client, "/api/v1/persons/\(ServerFixtures.dewi.nik)", "client-calc")
            #expect(got9 == .ok)
            try await client.execute(uri: "/api/v1/employers/\(Self.serang)", method: .get, headers: auth("client-calc")) { response in
                #expect(response.status == .forbidden)
                #expect(errorCode(response) == "forbidden")
            }
        }
    }
}
