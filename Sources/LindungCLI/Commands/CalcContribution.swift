import ArgumentParser
import LindungCore

/// `lindung calc contribution --segment pu|bpu|jakon|pmi ...`: one month's contribution for one participant.
struct CalcContribution: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "contribution", abstract: "A month's contribution for one participant, line by line.")

    @Option(help: "pu, bpu, jakon or pmi.") var segment: String
    @Option(help: "The month, YYYY-MM.") var month: String
    @Option(parsing: .unconditional, help: "Monthly wage in rupiah (PU; Jakon with known wages).") var wage: Int64?
    @Option(parsing: .unconditional, help: "JKK risk class 1-5 (PU).") var riskClass: Int?
    @Option(help: "Birth date YYYY-MM-DD (PU): JP stops at pension age.") var birthDate: String?
    @Option(parsing: .unconditional, help: "Declared monthly income in rupiah (BPU).") var income: Int64?
    @Flag(help: "Include the optional JHT (BPU).") var jht = false
    @Option(parsing: .unconditional, help: "Contract value in rupiah (Jakon, when wages are not known).") var contractValue: Int64?
    @Option(parsing: .unconditional, help: "Contract length in months (PMI).") var contractMonths: Int?
    @Option(help: "before or during (PMI); the whole placement when omitted.") var stage: String?
    @OptionGroup var common: CommonOptions

    func render() throws -> String {
        let month = try ArgumentValue.month(month, option: "--month")
        let calculator = ContributionCalculator(rules: try common.ruleSet())
        let result: ContributionResult
        switch try ArgumentValue.segment(segment) {
        case .pu:
            let context = "for --segment pu"
            result = try calculator.pu(
                PUContributionInput(
                    wage: try ArgumentValue.required(wage, option: "--wage", for: context),
                    riskClass: try ArgumentValue.required(riskClass, option: "--risk-class", for: context), month: month,
                    birthDate: try birthDate.map { try ArgumentValue.date($0, option: "--birth-date") }))
        case .bpu:
            result = try calculator.bpu(
                BPUContributionInput(
                    income: try ArgumentValue.required(income, option: "--income", for: "for --segment bpu"), includesJHT: jht,
                    month: month))
        case .jakon:
            switch (contractValue, wage) {
            case (let value?, nil): result = try calculator.jakon(.contractValue(value, month: month))
            case (nil, let wages?): result = try calculator.jakon(.knownWages(wages, month: month))
            default: throw CLIError("--segment jakon needs either --contract-value or --wage (the known wages), not both")
            }
        case .pmi:
            let parsedStage = try stage.map { text in
                guard let stage = PMIContributionInput.Stage(rawValue: text.lowercased()) else {
                    throw CLIError("invalid --stage '\(text)': expected before or during")
                }
                return stage
            }
            result = try calculator.pmi(
                PMIContributionInput(
                    contractMonths: try ArgumentValue.required(contractMonths, option: "--contract-months", for: "for --segment pmi"),
                    stage: parsedStage, month: month))
        }
        return common.json ? try JSONOutput.encode(ContributionJSON(result)) : HumanOutput.contribution(result)
    }
}
