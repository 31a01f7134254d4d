import Hummingbird
import LindungCore
import LindungReports

/// `GET /simulator`: the budget simulator's form (region, vulnerable workers, their income, non-ASN staff, their
/// wage, JHT/JP paid by the region, year) and, once sent, what the region's budget (APBD) carries per month and
/// for the year, by program: `BudgetSimulation`, as `GET /api/v1/simulate/budget` and `lindung simulate budget`.
enum SimulatorPage {
    static func show(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        guard CoverageAccess.mayRead(page.account.role) else { return try PageForms.errorPage(APIError(.forbidden, ""), page) }
        let environment = page.call.environment
        let sent = request.query("year") != nil
        let programs = ["JKK", "JKM"] + (request.query("jht") == "true" ? ["JHT"] : []) + (request.query("jp") == "true" ? ["JP"] : [])
        var values: [String: Any] = [
            "region": request.query("region") ?? CoverageAccess.defaultRegion(page.account), "vulnerable": request.query("vulnerable") ?? "",
            "income": request.query("income") ?? "", "non_asn": request.query("non_asn") ?? "", "non_asn_wage": request.query("non_asn_wage") ?? "",
            "year": request.query("year") ?? String(environment.today().year + 1), "jht": request.query("jht") == "true",
            "jp": request.query("jp") == "true",
        ]
        if sent {
            do {
                var input = try CoverageHandlers.budgetInput(request)
                input.nonASNPrograms = programs.joined(separator: ",")
                try CoverageAccess.check(region: input.region, page.reader)
                let simulation = try BudgetSimulation(input, reference: try CoverageAccess.reference(environment), rules: environment.rules)
                values["result"] = result(simulation, page)
            } catch let error as APIError where error.code == .invalidInput {
                values["message"] = error.message
            } catch let error as DomainError {
                values["message"] = error.description
            }
        }
        return try page.page("simulator", title: "simulator", values)
    }

    static func result(_ simulation: BudgetSimulation, _ page: PageCall) -> [String: Any] {
        let result = simulation.result
        let request = result.request
        let vulnerable = Rupiah(request.vulnerableWorkers)
        let nonASN = Rupiah(request.nonASNWorkers)
        let strings = page.language.strings
        let programs = BudgetSimulation.programs.filter { program in
            result.months.contains { $0.perVulnerableWorker[program] != 0 || $0.perNonASNWorker[program] != 0 }
        }
        return [
            "region_name": simulation.regionName, "region_code": simulation.region, "year": request.year,
            "vulnerable_workers": NumberFormat.grouped(request.vulnerableWorkers), "vulnerable_base": page.money(result.vulnerableBase),
            "non_asn_workers": NumberFormat.grouped(request.nonASNWorkers), "non_asn_wage": page.money(request.nonASNWage),
            "wage_source": simulation.wageSource == "non_asn_wage" ? strings["simulator_wage_given"]! : strings["simulator_wage_minimum"]!,
            "months": result.months.map {
                [
                    "month": PageFormat.month($0.month, page.language), "per_vulnerable": page.money($0.perVulnerableWorker.total),
                    "vulnerable": page.money($0.vulnerable), "per_non_asn": page.money($0.perNonASNWorker.total), "non_asn": page.money($0.nonASN),
                    "total": page.money($0.total),
                ] as [String: Any]
            },
            "programs": programs.map { program -> [String: Any] in
                let year = result.months.reduce(Rupiah(0)) { $0 + $1.perVulnerableWorker[program] * vulnerable + $1.perNonASNWorker[program] * nonASN }
                let first = result.months[0]
                return [
                    "program": program.rawValue, "per_vulnerable": page.money(first.perVulnerableWorker[program]),
                    "per_non_asn": page.money(first.perNonASNWorker[program]),
                    "month": page.money(first.perVulnerableWorker[program] * vulnerable + first.perNonASNWorker[program] * nonASN),
                    "year": page.money(year),
                ]
            },
            "vulnerable_year": page.money(result.vulnerableYear), "non_asn_year": page.money(result.nonASNYear), "total_year": page.money(result.total),
            "first_month": PageFormat.month(result.months[0].month, page.language),
            "regulations": result.regulations.joined(separator: "; "),
        ]
    }
}
