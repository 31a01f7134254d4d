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

/// Runs a test against the router (no sockets) over a seeded in-memory store, today pinned to 2025-06-15.
func withServer<T>(
    billApril: Bool = false, metrics: @escaping @Sendable () -> String = { "" }, _ body: @Sendable (any TestClientProtocol) async throws -> T
) async throws -> T {
    try await withServer(billApril: billApril, metrics: metrics) { client, _ in try await body(client) }
}

/// The same, with the store (to read what a request wrote) and a clock the test moves.
func withServer<T>(
    billApril: Bool = false, metrics: @escaping @Sendable () -> String = { "" }, clock: TestClock = TestClock(), trustForwardedFor: Bool = false,
    _ body: @Sendable (any TestClientProtocol, SQLiteStore) async throws -> T
) async throws -> T {
    let store = try await ServerFixtures.store(billApril: billApril)
    try await ServerFixtures.addAccounts(to: store)
    let app = testApplication(store: store, metrics: metrics, now: { clock.now }, trustForwardedFor: trustForwardedFor)
    return try await app.test(.router) { client in try await body(client, store) }
}

/// The application every server test runs over `store`: the fixture rules, holidays and bcrypt cost, today
/// pinned to 2025-06-15, changes audited as `api@test`, warnings only in the log.
func testApplication(
    store: SQLiteStore, metrics: @escaping @Sendable () -> String = { "" }, now: @escaping @Sendable () -> Date = Date.init,
    trustForwardedFor: Bool = false, certificateKeys: CertificateKeys? = nil
) -> some ApplicationProtocol {
    let environment = ServerEnvironment(
        store: store, accounts: StoreAccounts(store: store, cost: ServerFixtures.bcryptCost), rules: ServerFixtures.rules, holidays: ServerFixtures.holidays,
        today: { ServerFixtures.today }, actor: "api@test", metricsText: metrics, now: now, trustForwardedFor: trustForwardedFor,
        certificateKeys: certificateKeys)
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    return buildApplication(environment: environment, logger: logger)
}

/// A clock a test moves forward.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_750_000_000)

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// The Authorization header of a fixture account (`ServerFixtures.accounts`), plus any other fields.
func auth(_ token: String = "admin-token", extra: HTTPFields = [:]) -> HTTPFields {
    var fields = extra
    fields[.authorization] = "Bearer \(token)"
    return fields
}

/// A JSON object from a response body (the tests read fields by name, as a client would).
func object(_ response: TestResponse) throws -> [String: Any] {
    guard let value = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] else {
        throw TestFailure("not a JSON object: \(String(buffer: response.body))")
    }
    return value
}

/// `error.code` of an error response; nil when the body is not the error shape.
func errorCode(_ response: TestResponse) -> String? {
    ((try? object(response))?["error"] as? [String: Any])?["code"] as? String
}

func jsonBody(_ value: [String: Any]) -> ByteBuffer {
    ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: value))
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
