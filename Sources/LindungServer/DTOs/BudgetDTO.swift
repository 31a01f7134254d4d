public import LindungCore

/// `GET /api/v1/simulate/budget` and `lindung simulate budget --json`: amounts in rupiah, per month and for
/// the year (docs/coverage.md).
public struct BudgetDTO: Encodable, Sendable {
    struct Month: Encodable, Sendable {
        let month: String
        let per_vulnerable_worker: Int64
        let vulnerable: Int64
        let per_non_asn_worker: Int64
        let non_asn: Int64
        let total: Int64
    }

    let region: String
    let region_name: String
    let year: Int
    let vulnerable_workers: Int
    let vulnerable_base: Int64
    let non_asn_workers: Int
    let non_asn_wage: Int64
    let non_asn_wage_source: String
    let non_asn_programs: [String]
    let months: [Month]
    let vulnerable_year: Int64
    let non_asn_year: Int64
    let total_year: Int64
    let regulations: [String]

    public init(_ simulation: BudgetSimulation) {
        let result = simulation.result
        region = simulation.region
        region_name = simulation.regionName
        year = result.request.year
        vulnerable_workers = result.request.vulnerableWorkers
        vulnerable_base = result.vulnerableBase
        non_asn_workers = result.request.nonASNWorkers
        non_asn_wage = result.request.nonASNWage
        non_asn_wage_source = simulation.wageSource
        non_asn_programs = BudgetSimulation.programs.filter { result.request.nonASNPrograms.includes($0) }.map(\.rawValue)
        months = result.months.map {
            Month(
                month: $0.month.description, per_vulnerable_worker: $0.perVulnerableWorker.total, vulnerable: $0.vulnerable,
                per_non_asn_worker: $0.perNonASNWorker.total, non_asn: $0.nonASN, total: $0.total)
        }
        vulnerable_year = result.vulnerableYear
        non_asn_year = result.nonASNYear
        total_year = result.total
        regulations = result.regulations
    }
}
