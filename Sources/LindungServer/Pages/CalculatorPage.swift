import Hummingbird
import LindungCore

/// `GET /calculator`: the form, and with `?segment=` the month's contribution over LindungCore's
/// calculator (`pu`: wage, risk class, birth date; `bpu`: income, JHT or not), as `GET /api/v1/calculator/contribution`.
enum CalculatorPage {
    static func show(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let segment = request.query("segment") ?? "pu"
        var values: [String: Any] = [
            "pu": segment == "pu", "bpu": segment == "bpu", "wage": request.query("wage") ?? "", "income": request.query("income") ?? "",
            "risk_class": request.query("risk_class") ?? "1", "birth_date": request.query("birth_date") ?? "",
            "month_iso": request.query("month") ?? page.call.environment.today().yearMonth.description, "jht": request.query("jht") == "true",
        ]
        if request.query("segment") != nil {
            do {
                let result = try calculate(request, segment: segment, page)
                values["result"] = [
                    "month": PageFormat.month(result.month, page.language),
                    "lines": result.lines.map { line -> [String: Any] in
                        [
                            "program": line.program.rawValue, "payer": line.payer.rawValue, "base": line.base.map(page.money) ?? "–",
                            "rate": line.rate.map { "\($0.percentValue)%" } ?? "–", "amount": page.money(line.amount),
                        ]
                    },
                    "totals": Payer.allCases.compactMap { payer -> [String: Any]? in
                        let total = result.total(for: payer)
                        return total == 0 ? nil : ["payer": payer.rawValue, "amount": page.money(total)]
                    },
                    "total": page.money(result.total),
                ]
            } catch let error as APIError {
                values["message"] = error.message
            } catch let error as DomainError {
                values["message"] = error.description
            }
        }
        return try page.page("calculator", title: "calculator", values)
    }

    static func calculate(_ request: Request, segment: String, _ page: PageCall) throws -> ContributionResult {
        let calculator = ContributionCalculator(rules: page.call.environment.rules)
        let month = try request.month("month")
        switch segment {
        case "pu":
            guard let wage = try request.integer("wage") else { throw APIError.invalid("wage?") }
            let riskClass = try request.integer("risk_class") ?? 1
            let birthDate = request.query("birth_date").flatMap { $0.isEmpty ? nil : CalendarDate(iso: $0) }
            return try calculator.pu(PUContributionInput(wage: wage, riskClass: Int(clamping: riskClass), month: month, birthDate: birthDate))
        case "bpu":
            guard let income = try request.integer("income") else { throw APIError.invalid("income?") }
            return try calculator.bpu(BPUContributionInput(income: income, includesJHT: request.query("jht") == "true", month: month))
        default:
            throw APIError.invalid("segment: pu, bpu")
        }
    }
}
