import Foundation
import Hummingbird
import LindungCore
import LindungStorage

/// `GET /api/v1/employers?name=` (at least 3 characters of the name), paginated, within the caller's scope:
/// the scope is part of the store's query (`EmployerSearchScope`), so every page is a full page of what the
/// caller may see, found through the name indexes (migration 0011). Three characters, not two as for
/// persons: a trigram index cannot narrow a 2-character text, which would read all 80,000 names (30 ms
/// on PostgreSQL) to find "PT" or "CV" in most of them.
enum EmployerSearchHandlers {
    static let minimumLength = 3

    static func search(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let text = try request.requiredQuery("name")
        guard text.count >= minimumLength else { throw APIError.invalid("invalid name '\(text)': give at least \(minimumLength) characters") }
        let pagination = try Pagination(request)
        let found = try await matches(text, limit: pagination.limit + 1, offset: pagination.offset, reader: try call.scoped())
        return try JSONBody.response(pagination.page(afterOffset: found.map(EmployerDTO.init)))
    }

    /// Employers in the reader's scope whose name contains `text`, by name: `limit` of them after `offset`.
    static func matches(_ text: String, limit: Int, offset: Int, reader: ScopedReader) async throws -> [Employer] {
        try await reader.store.searchEmployers(name: text, in: reader.viewer.employerSearchScope, limit: limit, offset: offset)
    }
}

extension Viewer {
    /// The account's scope as the store's search filter; the same rule as `sees(_:)`.
    var employerSearchScope: EmployerSearchScope {
        let scope = account.scope ?? ""
        return switch account.role {
        case .administrator, .auditor, .systemClient: .everything
        case .regionalOfficer: .regionPrefix(scope)
        case .agencyOperator, .employer: .npp(scope)
        case .branchOfficer: .branch(scope)
        }
    }
}
