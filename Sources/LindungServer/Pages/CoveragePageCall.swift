import Hummingbird
import LindungCore

/// What the coverage pages (`/coverage`, `/coverage/report`) share: the region asked for (the officer's
/// own by default) checked against the viewer's scope, and a refusal (403) shown as a page rather than
/// the API's JSON, a domain error as a 400 page.
enum CoveragePageCall {
    static func run(_ page: PageCall, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as APIError where error.code == .forbidden {
            return try PageForms.errorPage(error, page)
        } catch let error as DomainError {
            throw APIError.invalid(error.description)
        }
    }

    static func region(_ request: Request, _ page: PageCall) throws -> String {
        let region = request.query("region").flatMap { $0.isEmpty ? nil : $0 } ?? CoverageAccess.defaultRegion(page.account)
        try CoverageAccess.check(region: region, page.reader)
        return region
    }
}
