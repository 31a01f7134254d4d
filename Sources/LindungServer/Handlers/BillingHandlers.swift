import Hummingbird
import LindungCore
import LindungStorage

/// Bills, billing runs, arrears and standing, each through the caller's scope.
enum BillingHandlers {
    static func bills(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let month = try request.month("month")
        let pagination = try Pagination(request)
        let reader = try call.scoped()
        let employer = request.query("employer")
        if let employer { _ = try await reader.employer(employer) }
        var bills = try await call.store.bills(month: month, employerNPP: employer)
        if !reader.viewer.seesEverything {
            var visible: [Bill] = []
            for bill in bills where try await reader.sees(bill) { visible.append(bill) }
            bills = visible
        }
        return try JSONBody.response(try await call.disclose(pagination.page(bills.map(BillDTO.init))))
    }

    static func bill(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        try JSONBody.response(try await call.disclose(BillDTO(try await call.scoped().bill(try context.pathID("id")))))
    }

    static func billWorkers(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let pagination = try Pagination(request)
        let bill = try await call.scoped().bill(try context.pathID("id"))
        let workers = try await call.store.billWorkers(id: bill.id)
        return try JSONBody.response(try await call.disclose(pagination.page(workers.map(BillWorkerDTO.init))))
    }

    /// Administrators and system clients bill every employer or one; a branch officer bills one employer
    /// of the branch at a time.
    static func run(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let reader = try call.scoped()
        let input = try await JSONBody.decode(BillingRunInput.self, from: request)
        guard let month = YearMonth(iso: input.month) else { throw APIError.invalid("invalid month '\(input.month)': expected YYYY-MM") }
        var issuedOn = call.environment.today()
        if let text = input.issued_on {
            guard let date = CalendarDate(iso: text) else { throw APIError.invalid("invalid issued_on '\(text)': expected YYYY-MM-DD") }
            issuedOn = date
        }
        if let npp = input.employer {
            _ = try await reader.employer(npp)
        } else if !reader.viewer.seesEverything {
            throw APIError(.forbidden, "a \(reader.viewer.account.role.rawValue) bills one employer at a time: give 'employer'")
        }
        let billingRequest = try BillingRequest(
            month: month, employerNPP: input.employer, issuedOn: issuedOn, actor: call.actor(reader), rules: call.environment.rules,
            holidays: call.environment.holidays)
        let summary = try await call.store.issueBills(billingRequest)
        return try JSONBody.response(BillingRunDTO(summary))
    }

    static func arrears(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let on = try request.date("on") ?? call.environment.today()
        let pagination = try Pagination(request)
        let reader = try call.scoped()
        var rows = try await call.store.arrears(on: on)
        if !reader.viewer.seesEverything {
            var visible: [ArrearsRow] = []
            for row in rows where try await reader.sees(row) { visible.append(row) }
            rows = visible
        }
        return try JSONBody.response(try await call.disclose(pagination.page(rows.map(ArrearsDTO.init))))
    }

    static func standing(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let nik = try context.path("nik")
        let on = try request.date("on") ?? call.environment.today()
        _ = try await call.scoped().person(nik)
        guard let coverage = try await call.store.coverage(nik: nik, on: on) else { throw APIError.notFound("no person with NIK \(nik)") }
        return try JSONBody.response(try await call.disclose(StandingDTO(coverage)))
    }
}
