import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungServer
import LindungStorage
import Testing

@Suite struct OperationsRouteTests {
    @Test func healthReportsTheStoreAndItsMigrations() async throws {
        try await withServer { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = try object(response)
                #expect(body["status"] as? String == "ok")
                #expect(body["store"] as? String == "ok")
                #expect(body["migrations"] as? [String] == MigrationList.names)
                #expect(response.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false, "the request id goes back to the client")
            }
        }
    }

    @Test func metricsAreTheExpositionTextGiven() async throws {
        try await withServer(metrics: { "# TYPE hb_requests counter\nhb_requests 3\n" }) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(String(buffer: response.body).contains("hb_requests 3"))
            }
        }
    }

    @Test func unknownRoutesAreNotFoundAndUnknownMethodsNotAllowed() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(errorCode(response) == "not_found")
            }
            try await client.execute(uri: "/api/v1/employers/12345678", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect(errorCode(response) == "method_not_allowed")
            }
            try await client.execute(uri: "/api/v1/bills/7/payments", method: .get) { response in
                #expect(response.headers[.allow] == "POST")
            }
        }
    }

    @Test func theOpenAPIDocumentIsServed() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response)
                #expect(body["openapi"] as? String == "3.1.0")
            }
        }
    }
}
