import Hummingbird
import LindungCore

/// The contribution calculator over LindungCore: `segment=pu` (wage, risk_class, month, birth_date?) or
/// `segment=bpu` (income, month, jht=true|false).
enum CalculatorHandlers {
    static func contribution(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let month = try request.month("month")
        let calculator = ContributionCalculator(rules: call.environment.rules)
        let result: ContributionResult
        switch try request.requiredQuery("segment") {
        case "pu":
            let wage = try required(request.integer("wage"), "wage")
            let riskClass = try required(request.integer("risk_class"), "risk_class")
            result = try calculator.pu(
                PUContributionInput(wage: wage, riskClass: Int(clamping: riskClass), month: month, birthDate: try request.date("birth_date")))
        case "bpu":
            let income = try required(request.integer("income"), "income")
            let jht: Bool
            switch request.query("jht") {
            case nil, "false": jht = false
            case "true": jht = true
            case let other?: throw APIError.invalid("invalid jht '\(other)': true or false")
            }
            result = try calculator.bpu(BPUContributionInput(income: income, includesJHT: jht, month: month))
        case let other:
            throw APIError.invalid("invalid segment '\(other)': the API calculates pu and bpu (jakon and pmi: `lindung calc contribution`)")
        }
        return try JSONBody.response(ContributionDTO(result))
    }

    private static func required<T>(_ value: T?, _ name: String) throws -> T {
        guard let value else { throw APIError.invalid("the query parameter '\(name)' is required") }
        return value
    }
}
