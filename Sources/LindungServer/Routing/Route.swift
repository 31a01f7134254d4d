public import HTTPTypes
public import Hummingbird
import LindungStorage

/// One route: its method and path (OpenAPI's `{name}` parameter syntax, which Hummingbird's router also
/// reads), its operation id in openapi.json, who may call it, and its handler. `ServerRoutes.all` is the
/// only list: the router is built from it and a test holds it equal to the document.
public struct Route: Sendable {
    /// `open`: no token (health, metrics, the document). `read`: any account. `write`: an account whose
    /// role changes things (`Viewer.writes`); the handler still checks the scope of what it changes.
    public enum Access: Sendable { case open, read, write }

    typealias Handler = @Sendable (Request, ServerRequestContext, Call) async throws -> Response

    public let method: HTTPRequest.Method
    public let path: String
    public let operationID: String
    public let access: Access
    let handler: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ operationID: String, _ access: Access, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.operationID = operationID
        self.access = access
        self.handler = handler
    }
}

/// What a handler runs with: the environment and, on every route but the open ones, the caller's scope.
struct Call: Sendable {
    let environment: ServerEnvironment
    let reader: ScopedReader?
    /// The route's operation id: why a full NIK was shown, in the access log.
    let operationID: String

    var store: any LindungStore { environment.store }

    func scoped() throws -> ScopedReader {
        guard let reader else { throw APIError(.unauthorized, "a bearer token is required") }
        return reader
    }

    /// The audit actor: the server's prefix and the account's name (`server:kc-serang`).
    func actor(_ reader: ScopedReader) -> String { "\(environment.actor):\(reader.viewer.account.name)" }
}
