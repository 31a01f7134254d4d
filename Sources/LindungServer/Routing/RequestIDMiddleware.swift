import HTTPTypes
import Hummingbird

/// Sends the request id Hummingbird gave the request's logger back as `X-Request-Id`, so a client's report
/// of a failure finds its log lines (an `internal` error is logged under that id).
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    static var header: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.header] = context.id
        return response
    }
}
