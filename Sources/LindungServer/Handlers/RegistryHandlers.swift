import Hummingbird
import LindungCore
import LindungStorage

/// Employers and persons.
enum RegistryHandlers {
    static func employer(_ request: Request, _ context: BasicRequestContext, _ environment: ServerEnvironment) async throws -> Response {
        let npp = try context.path("npp")
        guard let employer = try await environment.store.employer(npp: npp) else { throw APIError.notFound("no employer with NPP \(npp)") }
        return try JSONBody.response(EmployerDTO(employer))
    }

    static func workers(_ request: Request, _ context: BasicRequestContext, _ environment: ServerEnvironment) async throws -> Response {
        let npp = try context.path("npp")
        let on = try request.date("on") ?? environment.today()
        let pagination = try Pagination(request)
        guard try await environment.store.employer(npp: npp) != nil else { throw APIError.notFound("no employer with NPP \(npp)") }
        let workers = try await environment.store.workers(ofEmployer: npp, on: on)
        return try JSONBody.response(pagination.page(workers.map(EmployedWorkerDTO.init)))
    }

    static func person(_ request: Request, _ context: BasicRequestContext, _ environment: ServerEnvironment) async throws -> Response {
        let nik = try context.path("nik")
        guard let detail = try await environment.store.person(nik: nik) else { throw APIError.notFound("no person with NIK \(nik)") }
        return try JSONBody.response(PersonDTO(detail.person, spells: detail.spells))
    }

    /// `?name=` (at least 2 characters), paginated; the store is asked for one page past the offset.
    static func searchPersons(_ request: Request, _ context: BasicRequestContext, _ environment: ServerEnvironment) async throws -> Response {
        let name = try request.requiredQuery("name")
        guard name.count >= 2 else { throw APIError.invalid("invalid name '\(name)': give at least 2 characters") }
        let pagination = try Pagination(request)
        let persons = try await environment.store.searchPersons(name: name, limit: pagination.offset + pagination.limit + 1)
        return try JSONBody.response(pagination.page(persons.map { PersonDTO($0) }))
    }
}
