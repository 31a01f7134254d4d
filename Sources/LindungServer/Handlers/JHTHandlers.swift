import Hummingbird
import LindungClaims
import LindungCore
import LindungStorage

/// `GET /api/v1/persons/{nik}/jht?from=&to=`: the JHT balance today and the ledger statement for the range
/// (default: 1 January of this year to today), through `ClaimDesk.statement` as `lindung jht statement`.
enum JHTHandlers {
    static func statement(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let reader = try call.scoped()
        let nik = try context.path("nik")
        _ = try await reader.person(nik)
        let dto = try await statement(nik: nik, from: try request.date("from"), to: try request.date("to"), call: call)
        return try JSONBody.response(try await call.disclose(dto))
    }

    static func statement(nik: String, from: CalendarDate?, to: CalendarDate?, call: Call) async throws -> JHTStatementDTO {
        let today = call.environment.today()
        let last = to ?? today
        let first = from ?? CalendarDate(year: last.year, month: 1, day: 1)!
        guard first <= last else { throw APIError.invalid("invalid from '\(first.iso)': after to '\(last.iso)'") }
        let ledger = try await call.desk.ledger(nik: nik)
        let statement = try ledger.statement(from: first, to: last)
        let balance = ledger.balance(on: today)
        return JHTStatementDTO(statement, balance: balance, on: today)
    }
}
