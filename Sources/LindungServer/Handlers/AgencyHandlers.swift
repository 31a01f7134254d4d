import Hummingbird
import LindungCore
import LindungStorage

/// An agency's (OPD's) non-ASN staff: its roster against its registered workers, through the scope
/// (agency operator: its own; regional officer: its region; branch officer: its branch; administrator,
/// auditor, system client: all). An employer that is not an agency is a 404, as one outside the scope.
enum AgencyHandlers {
    static func nonASN(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let pagination = try Pagination(request)
        let on = try request.date("on") ?? call.environment.today()
        let status = try await status(try context.path("npp"), on: on, reader: try call.scoped())
        let page = pagination.page(status.workers.map(EmployedWorkerDTO.init))
        return try JSONBody.response(try await call.disclose(NonASNDTO(status, on: on.iso, page: page)))
    }

    static func status(_ npp: String, on: CalendarDate, reader: ScopedReader) async throws -> NonASNStatus {
        let agency = try await reader.employer(npp)
        guard agency.record.kind == .agency else { throw APIError.notFound("no agency with NPP \(npp)") }
        return try await reader.store.nonASNStatus(agency: agency.npp, on: on)
    }
}
