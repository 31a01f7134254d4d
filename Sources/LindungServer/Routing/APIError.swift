public import HTTPTypes
public import Hummingbird

/// A refusal as the API shows it: `{"error":{"code":"not_found","message":"..."}}` with the status that
/// belongs to the code. The codes are a stable contract (docs/server.md).
public struct APIError: HTTPResponseError, Equatable {
    public enum Code: String, Sendable {
        case notFound = "not_found", invalidInput = "invalid_input", conflict, unauthorized, forbidden, `internal`
        case methodNotAllowed = "method_not_allowed"
        case tooManyRequests = "too_many_requests"
        /// A claim's verifier asked to approve it too (maker-checker, issue 8).
        case makerChecker = "maker_checker"
    }

    public let code: Code
    public let message: String
    /// Seconds, sent as `Retry-After` (a throttled login).
    public let retryAfter: Int?

    public init(_ code: Code, _ message: String, retryAfter: Int? = nil) {
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
    }

    public var status: HTTPResponse.Status {
        switch code {
        case .notFound: .notFound
        case .invalidInput: .badRequest
        case .conflict, .makerChecker: .conflict
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .methodNotAllowed: .methodNotAllowed
        case .tooManyRequests: .tooManyRequests
        case .`internal`: .internalServerError
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONBody.response(ErrorBody(error: .init(code: code.rawValue, message: message)), status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    static func notFound(_ message: String) -> APIError { APIError(.notFound, message) }
    static func invalid(_ message: String) -> APIError { APIError(.invalidInput, message) }
}

struct ErrorBody: Encodable {
    struct Detail: Encodable {
        let code: String
        let message: String
    }

    let error: Detail
}
