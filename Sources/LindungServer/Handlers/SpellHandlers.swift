import Hummingbird
import LindungStorage

/// `GET /api/v1/persons/{nik}/spells`: a person's employment spells with programs and wages, oldest first,
/// paginated, through the same scope as `GET /api/v1/persons/{nik}` (the spells carry no NIK to mask).
enum SpellHandlers {
    static func list(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let pagination = try Pagination(request)
        let detail = try await call.scoped().person(try context.path("nik"))
        let spells = detail.spells.sorted { ($0.startDate, $0.employerNPP) < ($1.startDate, $1.employerNPP) }
        return try JSONBody.response(pagination.page(spells.map(PersonDTO.SpellDTO.init)))
    }
}
