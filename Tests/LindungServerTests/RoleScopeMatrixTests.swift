import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// Issue 5's "each role cannot read or change anything outside its scope", as one matrix per capability:
/// every role (administrator, regional officers of a province and of two regencies, an agency operator,
/// branch officers of two branches, employers on both sides, an auditor, and system clients with every
/// grant and with few) against every employer, person and bill of the fixture, for the searches, files
/// (bill downloads), imports and writes that `ScopeRouteTests` does not cover, and the same through the
/// pages with a logged-in user of each role.
@Suite struct RoleScopeMatrixTests {
    static let serang = ScopeRouteTests.serang
    static let agency = ScopeRouteTests.agency
    static let tangerang = ScopeRouteTests.tangerang

    /// Which employers each token sees: `ScopeRouteTests.employers` plus a system client granted every
    /// operation, which sees everything on every route.
    static let employers = ScopeRouteTests.employers + [("client-all", [serang, agency, tangerang])]
    static let names = [serang: "PT Maju Jaya", agency: "Dinas Pendidikan Kabupaten Serang", tangerang: "CV Sinar Tangerang"]

    /// Adds "client-all" (every operation granted) to the store.
    static func addClientAll(_ store: SQLiteStore) async throws {
        try await store.addAPIClient(
            APIClientRecord(
                name: "all-grants", tokenHash: TokenHash.sha256("client-all"), role: "system_client", scope: nil,
                grants: ServerRoutes.all.map(\.operationID), createdAt: Date(timeIntervalSince1970: 1_745_000_000)))
    }

    static func bills(_ store: SQLiteStore) async throws -> [Bill] {
        try await store.bills(month: YearMonth(year: 2025, month: 4), employerNPP: nil)
    }

    /// What a token may see of a bill: its employer's, or (a regional officer) a region debtor in scope.
    static func sees(_ bill: Bill, _ token: String, _ sees: Set<String>) -> Bool {
        if sees.contains(bill.employerNPP) { return true }
        if case .region(let code) = bill.debtor, let scope = ["region-36": "36", "region-3604": "3604", "region-3603": "3603"][token] {
            return code.hasPrefix(scope)
        }
        return false
    }

    @Test func employerSearchFindsOnlyWhatTheRoleSees() async throws {
        try await withServer { client, store in
            try await Self.addClientAll(store)
            for (token, sees) in Self.employers {
                for (npp, name) in Self.names {
                    let word = String(name.split(separator: " ")[1])  // Maju, Pendidikan, Sinar
                    let found = try await client.execute(uri: "/api/v1/employers?name=\(word)", method: .get, headers: auth(token)) { response in
                        #expect(response.status == .ok, "\(token) \(word)")
                        return ((try object(response)["items"] as? [[String: Any]]) ?? []).compactMap { $0["npp"] as? String }
                    }
                    #expect(found == (sees.contains(npp) ? [npp] : []), "\(token) searching \(word)")
                }
            }
            // A system client not granted the search is refused whatever it asks
            try await client.execute(uri: "/api/v1/employers?name=maju", method: .get, headers: auth("client-calc")) { #expect($0.status == .forbidden) }
        }
    }

    @Test func billDownloadsOnlyInScope() async throws {
        try await withServer(billApril: true) { client, store in
            try await Self.addClientAll(store)
            let bills = try await Self.bills(store)
            #expect(bills.count >= 3)
            for (token, sees) in Self.employers {
                for bill in bills {
                    let expected: HTTPResponse.Status = Self.sees(bill, token, sees) ? .ok : .notFound
                    for format in ["csv", "xlsx"] {
                        try await client.execute(uri: "/api/v1/bills/\(bill.id)/export?format=\(format)", method: .get, headers: auth(token)) { response in
                            #expect(response.status == expected, "\(token) → bill \(bill.id) of \(bill.employerNPP) as \(format)")
                            if response.status == .notFound { #expect(response.headers[.contentDisposition] == nil, "no file outside the scope") }
                        }
                    }
                }
            }
            let bill = try #require(bills.first)
            try await client.execute(uri: "/api/v1/bills/\(bill.id)/export", method: .get, headers: auth("client-calc")) { #expect($0.status == .forbidden) }
        }
    }

    @Test func importsOnlyIntoEmployersInScope() async throws {
        try await withServer { client, store in
            try await Self.addClientAll(store)
            let csv: HTTPFields = [.contentType: "text/csv"]
            let importers: Set<String> = ["admin-token", "client-all", "region-36", "region-3604", "region-3603", "agency-token", "employer-a", "employer-b"]
            for (token, sees) in Self.employers {
                for npp in [Self.serang, Self.agency, Self.tangerang] {
                    let uri = "/api/v1/imports?kind=workers&employer=\(npp)&dry_run=true"
                    try await client.execute(uri: uri, method: .post, headers: auth(token, extra: csv), body: ByteBuffer(string: ImportRouteTests.goodWorkers)) {
                        response in
                        if !importers.contains(token) {
                            #expect(response.status == .forbidden, "\(token) may not import")
                        } else if sees.contains(npp) {
                            #expect([.ok, .unprocessableContent].contains(response.status), "\(token) imports into \(npp): \(response.status)")
                            let written = try object(response)["written"] as? Bool
                            #expect(written == false, "a dry run writes nothing")
                        } else {
                            #expect(response.status == .notFound, "\(token) → \(npp) is outside the scope")
                        }
                    }
                }
            }
            // Nothing was written by any of them
            #expect(try await store.person(nik: "3604011002930005") == nil)
            try await client.execute(
                uri: "/api/v1/imports?kind=workers&employer=\(Self.serang)&dry_run=true", method: .post, headers: auth("client-calc", extra: csv),
                body: ByteBuffer(string: ImportRouteTests.goodWorkers)
            ) { #expect($0.status == .forbidden) }
        }
    }

    @Test func paymentsAndBillingRunsOnlyInScope() async throws {
        try await withServer(billApril: true) { client, store in
            try await Self.addClientAll(store)
            let bills = try await Self.bills(store).filter { if case .employer = $0.debtor { true } else { false } }
            let writers: Set<String> = ["admin-token", "client-all", "branch-srg", "branch-tgr"]
            var reference = 0
            for (token, sees) in Self.employers {
                for bill in bills {
                    reference += 1
                    let body = jsonBody(["amount": 1_000, "paid_on": "2025-05-10", "reference": "MATRIX-\(reference)"])
                    try await client.execute(uri: "/api/v1/bills/\(bill.id)/payments", method: .post, headers: auth(token), body: body) { response in
                        let expected: HTTPResponse.Status = !writers.contains(token) ? .forbidden : sees.contains(bill.employerNPP) ? .created : .notFound
                        #expect(response.status == expected, "\(token) pays bill \(bill.id) of \(bill.employerNPP)")
                    }
                }
                // A billing run for one employer: only writers, and only of employers they see
                for npp in [Self.serang, Self.tangerang] {
                    let run = jsonBody(["month": "2025-05", "employer": npp, "issued_on": "2025-06-01"])
                    try await client.execute(uri: "/api/v1/billing-runs", method: .post, headers: auth(token), body: run) { response in
                        let expected: HTTPResponse.Status = !writers.contains(token) ? .forbidden : sees.contains(npp) ? .ok : .notFound
                        #expect(response.status == expected, "\(token) bills \(npp)")
                    }
                }
            }
            // Only the in-scope payments were posted: one per writer per bill it sees
            for bill in bills {
                let posted = try #require(try await store.bill(id: bill.id)).paid
                let payers = Self.employers.filter { writers.contains($0.token) && $0.sees.contains(bill.employerNPP) }.count
                #expect(posted == Rupiah(1_000 * payers), "bill \(bill.id) of \(bill.employerNPP)")
            }
        }
    }

    /// The compliance API answers an employer outside the scope as it answers an identifier nobody knows
    /// (200 `not_registered`, no name, no findings), one by one and in a batch; a participant's JHT statement
    /// is scoped as the person.
    @Test func complianceAndJHTOnlyInScope() async throws {
        try await withServer { client, store in
            try await Self.addClientAll(store)
            let npps = [Self.serang, Self.agency, Self.tangerang]
            let people = [Self.serang: ServerFixtures.budi.nik, Self.agency: ServerFixtures.ahmad.nik, Self.tangerang: ServerFixtures.dewi.nik]
            for (token, sees) in Self.employers {
                for npp in npps {
                    let answer = try await client.execute(uri: "/api/v1/compliance/\(npp)", method: .get, headers: auth(token)) { response in
                        #expect(response.status == .ok, "\(token) → compliance of \(npp)")
                        return try object(response)
                    }
                    #expect((answer["registered"] as? Bool) == sees.contains(npp), "\(token) → compliance of \(npp)")
                    #expect((answer["name"] as? String) == (sees.contains(npp) ? Self.names[npp] : nil), "\(token) → the name of \(npp)")
                    if !sees.contains(npp) { #expect(answer["status"] as? String == "not_registered") }
                    let jht = try await client.execute(uri: "/api/v1/persons/\(people[npp]!)/jht", method: .get, headers: auth(token)) { $0.status }
                    #expect(jht == (sees.contains(npp) ? .ok : .notFound), "\(token) → JHT of the worker of \(npp)")
                }
                let batch = try await client.execute(
                    uri: "/api/v1/compliance/check", method: .post, headers: auth(token), body: jsonBody(["identifiers": npps])
                ) { response in
                    #expect(response.status == .ok, "\(token) check")
                    return (try object(response)["results"] as? [[String: Any]]) ?? []
                }
                #expect(batch.map { $0["registered"] as? Bool } == npps.map { sees.contains($0) }, "\(token) check")
            }
        }
    }

    /// The pages, through a logged-in user of each role (users added here beside the fixture's four).
    @Test func pagesShowOnlyTheScope() async throws {
        try await withServer(billApril: true) { client, store in
            let users: [(username: String, role: String, scope: String?, sees: Set<String>)] = [
                ("admin-user", "administrator", nil, [Self.serang, Self.agency, Self.tangerang]),
                ("auditor-user", "auditor", nil, [Self.serang, Self.agency, Self.tangerang]),
                ("serang-user", "regional_officer", "3604", [Self.serang, Self.agency]),
                ("tangerang-user", "regional_officer", "3603", [Self.tangerang]),
                ("disdik-user", "agency_operator", Self.agency, [Self.agency]),
                ("kcsrg-user", "branch_officer", "KC-SRG", [Self.serang, Self.agency]),
                ("kctgr-user", "branch_officer", "KC-TGR", [Self.tangerang]),
                ("maju-user", "employer", Self.serang, [Self.serang]),
                ("sinar-user", "employer", Self.tangerang, [Self.tangerang]),
            ]
            for user in users where !ServerFixtures.users.contains(where: { $0.username == user.username }) {
                try await AccountCreation.addUser(
                    username: user.username, password: user.username + "-password", role: user.role, scope: user.scope, to: store,
                    cost: ServerFixtures.bcryptCost)
            }
            let people = [Self.serang: ServerFixtures.budi.nik, Self.agency: ServerFixtures.ahmad.nik, Self.tangerang: ServerFixtures.dewi.nik]
            let bills = try await Self.bills(store).filter { if case .employer = $0.debtor { true } else { false } }
            for user in users {
                let cookie = try await PageRouteTests.pageLogin(client, user.username)
                func status(_ uri: String) async throws -> HTTPResponse.Status {
                    try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie, .accept: "text/html"]) { $0.status }
                }
                for npp in [Self.serang, Self.agency, Self.tangerang] {
                    let expected: HTTPResponse.Status = user.sees.contains(npp) ? .ok : .notFound
                    #expect(try await status("/employers/\(npp)") == expected, "\(user.username) → employer \(npp)")
                    #expect(try await status("/persons/\(people[npp]!)") == expected, "\(user.username) → person of \(npp)")
                    #expect(try await status("/persons/\(people[npp]!)/jht") == expected, "\(user.username) → JHT of the worker of \(npp)")
                    #expect(try await status("/persons/\(people[npp]!)/jht/export") == expected, "\(user.username) → JHT file of \(npp)")
                    // Compliance pages: administrators, auditors and regional officers in their region (docs/compliance.md)
                    let complianceReaders = user.role == "administrator" || user.role == "auditor" || user.role == "regional_officer"
                    let compliance: HTTPResponse.Status = complianceReaders && user.sees.contains(npp) ? .ok : .notFound
                    #expect(try await status("/compliance/\(npp)") == compliance, "\(user.username) → compliance page of \(npp)")
                    // The employer search lists only what the user sees (by NPP and by name)
                    let word = String(Self.names[npp]!.split(separator: " ")[1])
                    for query in [npp, word] {
                        let page = try await client.execute(uri: "/employers?q=\(query)", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
                        #expect(page.contains("href=\"/employers/\(npp)\"") == user.sees.contains(npp), "\(user.username) searching \(query)")
                    }
                }
                #expect(try await status("/agencies/\(Self.agency)/non-asn") == (user.sees.contains(Self.agency) ? .ok : .notFound), "\(user.username) non-ASN")
                for bill in bills {
                    let expected: HTTPResponse.Status = user.sees.contains(bill.employerNPP) ? .ok : .notFound
                    #expect(try await status("/bills/\(bill.id)") == expected, "\(user.username) → bill of \(bill.employerNPP)")
                    #expect(try await status("/bills/\(bill.id)/export?format=csv") == expected, "\(user.username) → bill file of \(bill.employerNPP)")
                }
                // The bills page lists only bills in scope
                let list = try await client.execute(uri: "/bills?month=2025-04", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
                for bill in bills where !user.sees.contains(bill.employerNPP) {
                    #expect(!list.contains("href=\"/bills/\(bill.id)\""), "\(user.username) lists bill \(bill.id) of \(bill.employerNPP)")
                }
            }
        }
    }
}
