import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// Full NIKs for administrators, regional and branch officers and system clients, each view in
/// `access_log`; masked (`3604••••••••0001`) for employers, agency operators and auditors, unlogged.
@Suite struct NIKMaskingRouteTests {
    static let budi = ServerFixtures.budi.nik
    static var maskedBudi: String { String(budi.prefix(4)) + "••••••••" + String(budi.suffix(4)) }

    @Test(arguments: [
        ("admin-token", true, "client:admin"), ("region-3604", true, "client:serang"), ("branch-srg", true, "client:kc-serang"),
        ("client-calc", true, "client:sso"), ("auditor-token", false, ""), ("employer-a", false, ""),
    ])
    func aPersonByRole(token: String, full: Bool, actor: String) async throws {
        try await withServer { client, store in
            try await client.execute(uri: "/api/v1/persons/\(Self.budi)", method: .get, headers: auth(token)) { response in
                #expect(response.status == .ok)
                let nik = try object(response)["nik"] as? String
                #expect(nik == (full ? Self.budi : Self.maskedBudi))
            }
            let log = try await store.accessLog(entity: "person", key: Self.budi)
            if full {
                #expect(log.count == 1)
                #expect(log.first?.record.actor == actor)
                #expect(log.first?.record.reason == "getPerson")
            } else {
                #expect(log.isEmpty)
            }
        }
    }

    @Test func listsLogEveryNIKOnThePageAndMaskForEmployers() async throws {
        try await withServer { client, store in
            // An employer's own worker list: masked, nothing logged
            let masked = try await client.execute(uri: "/api/v1/employers/12345678/workers?on=2025-04-15", method: .get, headers: auth("employer-a"))
            {
                try object($0)
            }
            let maskedNIKs = ((masked["items"] as? [[String: Any]]) ?? []).compactMap { $0["nik"] as? String }
            #expect(maskedNIKs.count == 2)
            #expect(maskedNIKs.allSatisfy { $0.contains("••••••••") && $0.count == 16 })
            #expect(try await store.accessLog(entity: "person", key: Self.budi).isEmpty)
            // The branch officer's page of one: only that NIK is logged
            let page = try await client.execute(
                uri: "/api/v1/employers/12345678/workers?on=2025-04-15&limit=1", method: .get, headers: auth("branch-srg")
            ) { try object($0) }
            let shown = try #require(((page["items"] as? [[String: Any]]) ?? []).first?["nik"] as? String)
            #expect(!shown.contains("•"))
            let log = try await store.accessLog(entity: "person", key: shown)
            #expect(log.map(\.record.reason) == ["listEmployerWorkers"])
            #expect(log.map(\.record.actor) == ["client:kc-serang"])
        }
    }

    @Test func aLoggedInUserIsLoggedAsAUser() async throws {
        try await withServer { client, store in
            let login = try await client.execute(
                uri: "/login", method: .post, body: jsonBody(["username": "serang-user", "password": "serang-user-password"])
            ) { response in
                (String(try #require(response.headers[.setCookie]?.split(separator: ";").first)), try object(response))
            }
            try await client.execute(uri: "/api/v1/persons/\(Self.budi)/standing?on=2025-06-15", method: .get, headers: [.cookie: login.0]) {
                response in
                #expect(response.status == .ok)
                let nik = try object(response)["nik"] as? String
                #expect(nik == Self.budi)
            }
            let log = try await store.accessLog(entity: "person", key: Self.budi)
            #expect(log.map(\.record.actor) == ["user:serang-user"])
            #expect(log.map(\.record.reason) == ["getStanding"])
        }
    }
}
