public import HTTPTypes
public import Hummingbird

/// One route: its method and path (OpenAPI's `{name}` parameter syntax, which Hummingbird's router also
/// reads) and its handler. `ServerRoutes.all` is the only list: the router is built from it and a test
/// holds it equal to the paths of `openapi.json`.
public struct Route: Sendable {
    public typealias Handler = @Sendable (Request, BasicRequestContext, ServerEnvironment) async throws -> Response

    public let method: HTTPRequest.Method
    public let path: String
    let handler: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.handler = handler
    }
}
