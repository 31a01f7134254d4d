import ArgumentParser
import Foundation
import LindungCore
import LindungServer

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
        let rules = try common.ruleSet()
        let input = BudgetSimulation.Input(
            region: region, year: year, vulnerable: vulnerable, income: income, nonASN: nonASN, nonASNWage: nonASNWage, nonASNPrograms: nonASNPrograms)
        let simulation = try Self.simulate(input, reference: reference, rules: rules)
        let result = simulation.result
        if common.json { return try JSONOutput.encode(BudgetDTO(simulation)) }
        var text = """
            Budget \(year) for \(simulation.regionName) (\(region)): \(vulnerable) vulnerable workers at base \(Money.format(result.vulnerableBase)), \
            \(nonASN) non-ASN at \(Money.format(result.request.nonASNWage)) (\(simulation.wageSource)), programs \(nonASNPrograms.uppercased())

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

    /// The simulation, a refusal naming the option (`--non-asn-programs`) rather than the API's field.
    static func simulate(_ input: BudgetSimulation.Input, reference: ReferenceData, rules: RuleSet) throws -> BudgetSimulation {
        do {
            return try BudgetSimulation(input, reference: reference, rules: rules)
        } catch {
            guard case .invalidInput(let field, let value, let reason) = error else { throw error }
            throw CLIError("invalid --\(field.replacingOccurrences(of: "_", with: "-")) '\(value)': \(reason)")
        }
    }
}
