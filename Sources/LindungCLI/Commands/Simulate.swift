import ArgumentParser
import Foundation
import LindungCore

/// `lindung simulate budget`: what a region's budget (APBD) carries to cover its vulnerable workers and
/// its non-ASN staff for a year (docs/cli.md).
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Simulations over the rule tables.", subcommands: [SimulateBudget.self])
}

struct SimulateBudget: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "The regional budget (APBD) needed per month and year for vulnerable workers (BPU JKK+JKM) and non-ASN staff.")

    @Option(help: "The region (province or regency/city code) whose budget pays.") var region: String
    @Option(help: "Vulnerable BPU workers the region pays JKK and JKM for.") var vulnerable: Int = 0
    @Option(help: "Their declared monthly income (default: the lowest bracket).") var income: Int64?
    @Option(name: .customLong("non-asn"), help: "Non-ASN staff of the region's agencies.") var nonASN: Int = 0
    @Option(name: .customLong("non-asn-wage"), help: "Their monthly wage (default: the region's minimum wage that year).") var nonASNWage: Int64?
    @Option(name: .customLong("non-asn-programs"), help: "Programs the region pays for them (default JKK,JKM; e.g. JKK,JKM,JHT).")
    var nonASNPrograms = "JKK,JKM"
    @Option(help: "The year whose rules apply.") var year: Int
    @OptionGroup var common: CommonOptions

    func render() throws -> String {
        let reference = try common.referenceData()
        guard let place = reference.regions.region(code: region) else {
            throw CLIError("invalid --region '\(region)': not a province or regency/city code in regions.csv")
        }
        let programs = ProgramSet(list: nonASNPrograms)
        guard programs.includes(.jkk) && programs.includes(.jkm), programs.isSubset(of: [.jkk, .jkm, .jht, .jp]) else {
            throw CLIError("invalid --non-asn-programs '\(nonASNPrograms)': JKK and JKM, optionally JHT and JP")
        }
        var wage = nonASNWage
        var wageSource = "--non-asn-wage"
        if wage == nil {
            guard let minimum = reference.minimumWages.minimumWage(region: region, year: year) else {
                throw CLIError("no minimum wage for region \(region) in \(year) in minimum_wages.csv: give --non-asn-wage")
            }
            wage = minimum.monthlyWage
            wageSource = "the \(year) minimum wage of \(place.name)"
        }
        let result = try BudgetSimulator(rules: try common.ruleSet()).simulate(
            .init(
                year: year, vulnerableWorkers: vulnerable, vulnerableIncome: income, nonASNWorkers: nonASN, nonASNWage: wage!,
                nonASNPrograms: programs))
        if common.json { return try JSONOutput.encode(BudgetJSON(region: region, regionName: place.name, wageSource: wageSource, result)) }
        var text = """
            Budget \(year) for \(place.name) (\(region)): \(vulnerable) vulnerable workers at base \(Money.format(result.vulnerableBase)), \
            \(nonASN) non-ASN at \(Money.format(wage!)) (\(wageSource)), programs \(nonASNPrograms.uppercased())

            """
        text += TextTable.render(
            header: ["Month", "Per vulnerable", "Vulnerable", "Per non-ASN", "Non-ASN", "Total"],
            rows: result.months.map {
                [
                    $0.month.description, Money.format($0.perVulnerableWorker.total), Money.format($0.vulnerable),
                    Money.format($0.perNonASNWorker.total), Money.format($0.nonASN), Money.format($0.total),
                ]
            } + [["Year", "", Money.format(result.vulnerableYear), "", Money.format(result.nonASNYear), Money.format(result.total)]],
            rightAligned: [1, 2, 3, 4, 5])
        return text
    }
}

/// `simulate budget --json`: amounts in rupiah, per month and for the year.
struct BudgetJSON: Encodable {
    struct Month: Encodable {
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

    init(region: String, regionName: String, wageSource: String, _ result: BudgetSimulator.Result) {
        self.region = region
        region_name = regionName
        year = result.request.year
        vulnerable_workers = result.request.vulnerableWorkers
        vulnerable_base = result.vulnerableBase
        non_asn_workers = result.request.nonASNWorkers
        non_asn_wage = result.request.nonASNWage
        non_asn_wage_source = wageSource
        non_asn_programs = [Program.jkk, .jkm, .jht, .jp].filter { result.request.nonASNPrograms.includes($0) }.map(\.rawValue)
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
