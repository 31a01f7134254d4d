import Hummingbird
import LindungCore
import LindungStorage

/// Employers and persons, each through the caller's scope.
enum RegistryHandlers {
    static func employer(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        JSONBody.response(EmployerDTO(try await call.scoped().employer(try context.path("npp"))))
    }

    static func workers(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let npp = try context.path("npp")
        let on = try request.date("on") ?? call.environment.today()
        let pagination = try Pagination(request)
        _ = try await call.scoped().employer(npp)
        let workers = try await call.store.workers(ofEmployer: npp, on: on)
        return try JSONBody.response(try await call.disclose(pagination.page(workers.map(EmployedWorkerDTO.init))))
    }

    static func person(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let detail = try await call.scoped().person(try context.path("nik"))
        return try JSONBody.response(try await call.disclose(PersonDTO(detail.person, spells: detail.spells)))
    }

    /// `?name=` (at least 2 characters), paginated. Unscoped roles: the store is asked for one page past the
    /// offset. Scoped roles: up to `scopedSearchWindow` matches are read and filtered by scope, so a scoped
    /// search sees at most that many names (enough for a search box; a scoped query in SQL is a later slice).
    static let scopedSearchWindow = 1_000

    static func searchPersons(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let name = try request.requiredQuery("name")
        guard name.count >= 2 else { throw APIError.invalid("invalid name '\(name)': give at least 2 characters") }
        let pagination = try Pagination(request)
        let found = try await personMatches(name, wanted: pagination.offset + pagination.limit + 1, reader: try call.scoped())
        return try JSONBody.response(try await call.disclose(pagination.page(found)))
    }

    /// The first `wanted` persons by name whose name contains `name` and whom the reader sees (the API's
    /// list and the page's).
    static func personMatches(_ name: String, wanted: Int, reader: ScopedReader) async throws -> [PersonDTO] {
        if reader.viewer.seesEverything { return try await reader.store.searchPersons(name: name, limit: wanted).map { PersonDTO($0) } }
        var visible: [PersonDTO] = []
        for person in try await reader.store.searchPersons(name: name, limit: scopedSearchWindow) where visible.count < wanted {
            if let detail = try await reader.store.person(nik: person.record.nik), try await reader.sees(detail) { visible.append(PersonDTO(person)) }
        }
        return visible
    }
}
