import Foundation
import HTTPTypes
import Hummingbird
import LindungStorage
import Logging

/// `/health`, `/metrics` and the OpenAPI document.
enum HealthHandlers {
    static func health(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        do {
            let migrations = try await call.store.appliedMigrations()
            let complete = migrations == MigrationList.names
            return try JSONBody.response(
                HealthDTO(status: complete ? "ok" : "degraded", store: complete ? "ok" : "migrations pending", migrations: migrations),
                status: complete ? .ok : .serviceUnavailable)
        } catch {
            context.logger.error("health check: the store did not answer", metadata: ["error": "\(error)"])
            return try JSONBody.response(HealthDTO(status: "unavailable", store: "not answering", migrations: []), status: .serviceUnavailable)
        }
    }

    /// `{"status":"ok"}`, built once: no store, no encoder. The bare route the benchmark compares the
    /// registry's reads with (scripts/benchmark-server.sh), through the same middleware as every route.
    static let pingBody = ByteBuffer(string: #"{"status":"ok"}"#)

    static func ping(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: pingBody))
    }

    static func metrics(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: call.environment.metricsText())))
    }

    static func openAPI(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try OpenAPIDocument.data())))
    }
}
