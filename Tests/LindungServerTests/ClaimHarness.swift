import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Logging

/// The claim tests' server: the fixture registry with April 2025 billed (so on 1 June 2025 the company's
/// workers are in arrears, i.e. covered), today 2025-06-15, and a store clock the test sets so a claim's
/// `submitted_at` (the store's timestamp) can lie days before today.
func withClaimServer<T>(_ body: @Sendable (any TestClientProtocol, SQLiteStore, StoreClock) async throws -> T) async throws -> T {
    let clock = StoreClock()
    let store = try await ServerFixtures.store(billApril: true, now: { clock.now })
    try await ServerFixtures.addAccounts(to: store)
    return try await testApplication(store: store).test(.router) { client in try await body(client, store, clock) }
}

/// The store's clock: 2025-06-13 10:00 UTC unless a test sets another day.
final class StoreClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = ISO8601DateFormatter().date(from: "2025-06-13T10:00:00Z")!

    var now: Date { lock.withLock { current } }

    func set(_ iso: String) { lock.withLock { current = ISO8601DateFormatter().date(from: iso + "T10:00:00Z")! } }
}

/// Claim requests in one place.
struct ClaimClient {
    let client: any TestClientProtocol

    static let pdf = Data("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".utf8)
    static let jkmDocuments = ["identity_card", "membership_card", "death_certificate", "heir_statement", "family_card", "bank_book"]

    /// Submits a JKM claim (death on 1 June 2025) for a fixture person; answers status and body.
    func submitJKM(nik: String, token: String = "branch-srg") async throws -> (HTTPResponse.Status, [String: Any]) {
        let body = jsonBody(["type": "jkm", "nik": nik, "event_date": "2025-06-01", "submitter_role": token.hasPrefix("employer") ? "employer" : "heir"])
        return try await client.execute(uri: "/api/v1/claims", method: .post, headers: auth(token), body: body) { ($0.status, (try? object($0)) ?? [:]) }
    }

    func post(_ path: String, token: String, body: [String: Any]? = nil, extra: HTTPFields = [:]) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(uri: path, method: .post, headers: auth(token, extra: extra), body: body.map(jsonBody)) {
            ($0.status, (try? object($0)) ?? [:])
        }
    }

    func get(_ path: String, token: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(uri: path, method: .get, headers: auth(token)) { ($0.status, (try? object($0)) ?? [:]) }
    }

    /// One document as multipart/form-data (`kind`, `file`).
    func upload(_ id: String, kind: String, data: Data, fileName: String = "scan.pdf", token: String = "branch-srg") async throws
        -> (HTTPResponse.Status, [String: Any])
    {
        let boundary = "lindung-test-boundary"
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n\(kind)\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await client.execute(
            uri: "/api/v1/claims/\(id)/documents", method: .post,
            headers: auth(token, extra: [.contentType: "multipart/form-data; boundary=\(boundary)"]), body: ByteBuffer(bytes: body)
        ) { ($0.status, (try? object($0)) ?? [:]) }
    }

    /// Submits a JKM claim and uploads its whole checklist; answers the claim id.
    func completeJKM(nik: String) async throws -> String {
        let (status, submitted) = try await submitJKM(nik: nik)
        guard status == .created, let id = (submitted["claim"] as? [String: Any])?["id"] as? String else {
            throw TestFailure("submit answered \(status): \(submitted)")
        }
        for kind in Self.jkmDocuments {
            let (uploaded, answer) = try await upload(id, kind: kind, data: Self.pdf)
            guard uploaded == .created else { throw TestFailure("upload \(kind) answered \(uploaded): \(answer)") }
        }
        return id
    }
}

extension Dictionary where Key == String, Value == Any {
    var claim: [String: Any] { self["claim"] as? [String: Any] ?? [:] }
    var errorCode: String? { (self["error"] as? [String: Any])?["code"] as? String }
    var errorMessage: String { (self["error"] as? [String: Any])?["message"] as? String ?? "" }
}
