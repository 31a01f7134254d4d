import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungServer
import Testing

/// Employers by name (API and page), within each role's scope.
@Suite struct EmployerSearchRouteTests {
    func names(_ client: any TestClientProtocol, _ uri: String, _ token: String) async throws -> [String] {
        try await client.execute(uri: uri, method: .get, headers: auth(token)) { response in
            #expect(response.status == .ok, "\(token) \(uri)")
            return (try object(response)["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
    }

    @Test func theAPIFindsEmployersByNameInTheScopeOnly() async throws {
        try await withServer { client in
            // "ang" in two names of the fixture (Dinas Pendidikan Kabupaten Serang, CV Sinar Tangerang), not in PT Maju Jaya
            #expect(try await names(client, "/api/v1/employers?name=ang", "admin-token") == ["CV Sinar Tangerang", "Dinas Pendidikan Kabupaten Serang"])
            #expect(try await names(client, "/api/v1/employers?name=ANG", "auditor-token").count == 2)
            #expect(try await names(client, "/api/v1/employers?name=ang", "region-3604") == ["Dinas Pendidikan Kabupaten Serang"])
            #expect(try await names(client, "/api/v1/employers?name=ang", "region-3603") == ["CV Sinar Tangerang"])
            #expect(try await names(client, "/api/v1/employers?name=maju", "branch-tgr").isEmpty)
            #expect(try await names(client, "/api/v1/employers?name=maju", "branch-srg") == ["PT Maju Jaya"])
            #expect(try await names(client, "/api/v1/employers?name=sinar", "employer-a").isEmpty)
            // Pagination
            try await client.execute(uri: "/api/v1/employers?name=ang&limit=1", method: .get, headers: auth()) { response in
                let page = try object(response)
                #expect((page["items"] as? [Any])?.count == 1 && page["next_offset"] as? Int == 1)
            }
            for bad in ["/api/v1/employers", "/api/v1/employers?name=an", "/api/v1/employers?name=ang&limit=0"] {
                try await client.execute(uri: bad, method: .get, headers: auth()) { #expect($0.status == .badRequest, "\(bad)") }
            }
        }
    }

    @Test func thePageFindsEmployersByNameForOfficers() async throws {
        try await withServer { client in
            let serang = try await PageRouteTests.pageLogin(client, "serang-user")
            try await client.execute(uri: "/employers?q=dinas", method: .get, headers: [.cookie: serang]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("href=\"/employers/87654321\"") && page.contains("Dinas Pendidikan Kabupaten Serang"))
            }
            try await client.execute(uri: "/employers?q=sinar", method: .get, headers: [.cookie: serang]) {
                #expect(!String(buffer: $0.body).contains("11112222"), "Tangerang is outside Serang's scope")
            }
        }
    }
}
