import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCompliance
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Logging
import Testing

/// The licensing offices' API (issue 6): an employer's compliance with a fresh signed certificate token, an
/// unknown identifier as a clear "not registered" (200), the batch check and its limit, the query log, and the
/// public verification page.
@Suite("Compliance routes")
struct ComplianceRouteTests {
    /// The fixture server with a signing key, a licence list and one scan on 2 June 2025.
    func withComplianceServer(_ body: @Sendable (any TestClientProtocol, SQLiteStore, CertificateKeys, String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = try CertificateKeys.loadOrCreate(directory: directory).keys
        let store = try await ServerFixtures.store(billApril: false)
        try await ServerFixtures.addAccounts(to: store)
        let token = try await AccountCreation.addAPIClient(
            name: "dpmptsp-serang", role: "system_client", scope: nil, grants: ["getCompliance", "checkCompliance"], to: store)
        _ = try await store.saveLicences(
            [BusinessLicence(nib: "9999999999999", name: "CV Tanpa Daftar", regionCode: "3604", sector: "47111", headcount: 25)], actor: "test")
        let reference = try ReferenceData()
        _ = try await store.scanCompliance(
            ComplianceScanRequest(
                on: CalendarDate(iso: "2025-06-02")!, region: "3604", minimumWages: reference.minimumWages,
                ladder: SanctionLadder(calendar: reference.holidays), actor: "scan@test"))
        let app = testApplication(store: store, certificateKeys: keys)
        try await app.test(.router) { client in try await body(client, store, keys, token) }
    }

    @Test("a granted system client gets status, findings and a certificate token that verifies; the question is logged")
    func single() async throws {
        try await withComplianceServer { client, store, keys, token in
            let response = try await client.execute(uri: "/api/v1/compliance/9999999999999", method: .get, headers: auth(token))
            #expect(response.status == .ok)
            let body = try object(response)
            #expect(body["status"] as? String == "not_registered")
            #expect(body["registered"] as? Bool == false)
            let findings = try #require(body["findings"] as? [[String: Any]])
            #expect(findings.first?["kind"] as? String == "not_registered")
            #expect(findings.first?["stage"] as? String == "warning_1")
            let certificate = try #require(body["certificate_token"] as? String)
            guard case .valid(let stated) = CertificateToken.verify(certificate, publicKey: keys.publicKey, on: ServerFixtures.today) else {
                Issue.record("the token does not verify")
                return
            }
            #expect(stated.nib == "9999999999999" && stated.status == .notRegistered)
            let log = try await store.complianceQueryLog(limit: 5)
            #expect(log.first?.client == "dpmptsp-serang" && log.first?.identifier == "9999999999999" && log.first?.operation == "getCompliance")
        }
    }

    @Test("an unknown identifier is a clear not registered with 200; a malformed one is 400; an ungranted client 403")
    func unknown() async throws {
        try await withComplianceServer { client, _, _, token in
            let response = try await client.execute(uri: "/api/v1/compliance/1231231231231", method: .get, headers: auth(token))
            #expect(response.status == .ok)
            let body = try object(response)
            #expect(body["status"] as? String == "not_registered")
            #expect((body["message"] as? String)?.contains("Not registered") == true)
            let bad = try await client.execute(uri: "/api/v1/compliance/12AB", method: .get, headers: auth(token))
            #expect(bad.status == .badRequest)
            let ungranted = try await client.execute(uri: "/api/v1/compliance/12345678", method: .get, headers: auth("client-calc"))
            #expect(ungranted.status == .forbidden)
        }
    }

    @Test("check answers each identifier in order; more than 1,000 is refused naming the limit")
    func check() async throws {
        try await withComplianceServer { client, store, _, token in
            var headers = auth(token)
            headers[.contentType] = "application/json"
            let ids = ["12345678", "9999999999999", "1231231231231"]
            let response = try await client.execute(
                uri: "/api/v1/compliance/check", method: .post, headers: headers,
                body: ByteBuffer(string: String(decoding: try JSONSerialization.data(withJSONObject: ["identifiers": ids]), as: UTF8.self)))
            #expect(response.status == .ok)
            let results = try #require(try object(response)["results"] as? [[String: Any]])
            #expect(results.map { $0["identifier"] as? String } == ids)
            #expect(results[0]["registered"] as? Bool == true)
            #expect(results[2]["status"] as? String == "not_registered")
            #expect(try await store.complianceQueryLog(limit: 10).filter { $0.operation == "checkCompliance" }.count == 3)
            let many = (0..<1_001).map { String(format: "%08d", $0) }
            let refused = try await client.execute(
                uri: "/api/v1/compliance/check", method: .post, headers: headers,
                body: ByteBuffer(string: String(decoding: try JSONSerialization.data(withJSONObject: ["identifiers": many]), as: UTF8.self)))
            #expect(refused.status == .badRequest)
            #expect(String(buffer: refused.body).contains("at most 1000"))
        }
    }

    @Test("the public verification page needs no login and rejects a tampered token")
    func verifyPage() async throws {
        try await withComplianceServer { client, _, _, token in
            let answer = try object(try await client.execute(uri: "/api/v1/compliance/12345678", method: .get, headers: auth(token)))
            let certificate = try #require(answer["certificate_token"] as? String)
            let page = try await client.execute(uri: "/verify?token=\(certificate)", method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("SAH / Valid"))
            #expect(String(buffer: page.body).contains("PT Maju Jaya"))
            let tampered = "A" + certificate.dropFirst()
            let rejected = try await client.execute(uri: "/verify?token=\(tampered)", method: .get)
            #expect(String(buffer: rejected.body).contains("TIDAK SAH") || rejected.status == .badRequest)
            #expect(!String(buffer: rejected.body).contains("SAH / Valid"))
        }
    }
}
