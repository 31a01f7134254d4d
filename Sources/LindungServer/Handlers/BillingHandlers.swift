import Hummingbird
import LindungCore
import LindungStorage

/// Bills, billing runs, arrears and standing.
enum BillingHandlers {
    static func bills(_ request: Request, _ context: BasicRequestContext, _ environment: ServerEnvironment) async throws -> Response {
        let month = try request.month("month")
        let pagination = try Pagination(request)
        let bills = try await environment.store.bills(month: month, employerNPP: request.query("employer"))
        return try JSONBody.response(pagination.page(bills.map(BillDTO.init)))
    }

    static func bill(_ request: Request, _ context: BasicRequestContext, _ environment: ServerEnvironment) async throws -> Response {
        try JSONBody.response(BillDTO(try await existingBill(context, environment)))
    }

    static func billWorkers(_ request: Request, _ context: BasicRequestContext, _ environment: ServerEnvironment) async throws -> Response {
        let pagination = try Pagination(request)
        let bill = try await existingBill(context, environment)
        let workers = try await environment.store.billWorkers(id: bill.id)
        return try JSONBody.response(pagination.page(workers.map(BillWorkerDTO.init)))
    }

    static func existingBill(_ context: BasicRequestContext, _ environment: ServerEnvironment) async throws -> Bill {
        let id = try context.pathID("id")
        guard let bill = try await environment.store.bill(id: id) else { throw APIError.notFound("no bill \(id)") }
        return bill
    }

    static func run(_ request: Request, _ context: BasicRequestContext, _ environment: ServerEnvironment) async throws -> Response {
        let input = try await JSONBody.decode(BillingRunInput.self, from: request)
        guard let month = YearMonth(iso: input.month) else { throw APIError.invalid("invalid month '\(input.month)': expected YYYY-MM") }
        var issuedOn = environment.today()
        if let text = input.issued_on {
            guard let date = CalendarDate(iso: text) else { throw APIError.invalid("invalid issued_on '\(text)': expected YYYY-MM-DD") }
            issuedOn = date
        }
        if let npp = input.employer, try await environment.store.employer(npp: npp) == nil {
            throw APIError.notFound("no employer with NPP \(npp)")
        }
        let billingRequest = try BillingRequest(
            month: month, employerNPP: input.employer, issuedOn: issuedOn, actor: environment.actor, rules: environment.rules,
            holidays: environment.holidays)
        let summary = try await environment.store.issueBills(billingRequest)
        return try JSONBody.response(BillingRunDTO(summary))
    }

    static func arrears(_ request: Request, _ context: BasicRequestContext, _ environment: ServerEnvironment) async throws -> Response {
        let on = try request.date("on") ?? environment.today()
        let pagination = try Pagination(request)
        let rows = try await environment.store.arrears(on: on)
        return try JSONBody.response(pagination.page(rows.map(ArrearsDTO.init)))
    }

    static func standing(_ request: Request, _ context: BasicRequestContext, _ environment: ServerEnvironment) async throws -> Response {
        let nik = try context.path("nik")
        let on = try request.date("on") ?? environment.today()
        guard let coverage = try await environment.store.coverage(nik: nik, on: on) else { throw APIError.notFound("no person with NIK \(nik)") }
        return try JSONBody.response(StandingDTO(coverage))
    }
}
