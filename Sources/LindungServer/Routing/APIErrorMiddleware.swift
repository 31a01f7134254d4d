import HTTPTypes
import Hummingbird
import LindungCore
import LindungStorage
import Logging

/// Turns every failure into the JSON error shape: store and domain errors by their kind, the router's and
/// Hummingbird's own HTTP errors by status, anything else as `internal`, logged with the request id and
/// never shown to the client.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            // The router answers 404 for a known path with another method; the API answers 405 and `Allow`.
            if !(error is APIError), (error as? any HTTPResponseError)?.status == .notFound {
                let allowed = ServerRoutes.methods(forPath: request.uri.path).map(\.rawValue).joined(separator: ", ")
                if !allowed.isEmpty {
                    var response = try APIError(.methodNotAllowed, "\(request.method) is not allowed here; use \(allowed)")
                        .response(from: request, context: context)
                    response.headers[.allow] = allowed
                    return response
                }
            }
            // A browser that follows a wrong link outside the API gets the 404 page, not JSON.
            if !(error is APIError), (error as? any HTTPResponseError)?.status == .notFound, !request.uri.path.hasPrefix("/api/"),
                LoginPage.wantsHTML(request)
            {
                return try PageRoutes.notFoundPage(request)
            }
            let apiError = Self.map(error)
            if apiError.code == .internal {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return try apiError.response(from: request, context: context)
        }
    }

    static func map(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as StoreError:
            switch error {
            case .notFound(let what): return APIError(.notFound, "not found: \(what)")
            case .conflict(let what): return APIError(.conflict, what)
            case .invalid(let what): return APIError(.invalidInput, what)
            case .backend: return APIError(.internal, "the store failed; the server log has the details")
            }
        case let error as DomainError: return APIError(.invalidInput, error.description)
        case let error as any HTTPResponseError:
            switch error.status {
            case .notFound: return APIError(.notFound, "no such route")
            case .methodNotAllowed: return APIError(.methodNotAllowed, "method not allowed")
            case .unauthorized: return APIError(.unauthorized, "authentication required")
            case .forbidden: return APIError(.forbidden, "not allowed")
            case .conflict: return APIError(.conflict, "conflict")
            case let status where (400..<500).contains(status.code): return APIError(.invalidInput, status.reasonPhrase)
            default: return APIError(.internal, "internal error")
            }
        default: return APIError(.internal, "internal error")
        }
    }
}
