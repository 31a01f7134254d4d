import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungServer
import Testing

/// `GET /ping`: the bare route of the benchmark (scripts/benchmark-server.sh): constant JSON, no token, and
/// through the same middleware as every route (it carries the request id).
@Suite struct PingRouteTests {
    @Test func pingAnswersTheConstantBodyWithoutAToken() async throws {
        try await withServer { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/ping", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                    #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
                    #expect(response.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
                }
            }
            try await client.execute(uri: "/ping", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
            }
        }
    }
}
