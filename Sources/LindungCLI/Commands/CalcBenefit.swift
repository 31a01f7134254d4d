import ArgumentParser
import LindungCore

/// `lindung calc benefit ...`: a benefit by the rules in force on its event date.
struct CalcBenefit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benefit", abstract: "Compute a benefit by the rules in force on the event date.",
        subcommands: [JKM.self, JKKDeath.self, JKKDisability.self, STMB.self, JKP.self, JP.self])

    struct JKM: RenderingCommand {
        static let configuration = CommandConfiguration(commandName: "jkm", abstract: "Death benefit (not a work accident).")
        @Option(help: "Date of death, YYYY-MM-DD.") var deathDate: String
        @Option(parsing: .unconditional, help: "Months of contributions paid.") var contributionMonths: Int
        @OptionGroup var common: CommonOptions

        func render() throws -> String {
            let date = try ArgumentValue.date(deathDate, option: "--death-date")
            return try output(try BenefitCalculator(rules: common.ruleSet()).jkm(deathDate: date, contributionMonths: contributionMonths), common)
        }
    }

    struct JKKDeath: RenderingCommand {
        static let configuration = CommandConfiguration(commandName: "jkk-death", abstract: "Death from a work accident.")
        @Option(parsing: .unconditional, help: "Monthly wage in rupiah.") var wage: Int64
        @Option(help: "Date of the death, YYYY-MM-DD.") var date: String
        @OptionGroup var common: CommonOptions

        func render() throws -> String {
            let day = try ArgumentValue.date(date, option: "--date")
            return try output(try BenefitCalculator(rules: common.ruleSet()).jkkDeath(wage: wage, date: day), common)
        }
    }

    struct JKKDisability: RenderingCommand {
        static let configuration = CommandConfiguration(
            commandName: "jkk-disability", abstract: "Permanent disability from a work accident (total, or partial with --percent).")
        @Option(parsing: .unconditional, help: "Monthly wage in rupiah.") var wage: Int64
        @Option(help: "Date of the accident, YYYY-MM-DD.") var date: String
        @Option(help: "Anatomical disability percentage for a partial disability.") var percent: String?
        @OptionGroup var common: CommonOptions

        func render() throws -> String {
            let day = try ArgumentValue.date(date, option: "--date")
            let partial = try percent.map { text in
                guard let rate = Rate(percent: text) else { throw CLIError("invalid --percent '\(text)': expected a percentage like 25") }
                return rate
            }
            return try output(try BenefitCalculator(rules: common.ruleSet()).jkkDisability(wage: wage, date: day, partialPercent: partial), common)
        }
    }

    struct STMB: RenderingCommand {
        static let configuration = CommandConfiguration(commandName: "stmb", abstract: "Wage replacement while unable to work after an accident.")
        @Option(parsing: .unconditional, help: "Monthly wage in rupiah.") var wage: Int64
        @Option(parsing: .unconditional, help: "Months unable to work.") var monthsOff: Int
        @Option(help: "Date of the accident, YYYY-MM-DD.") var date: String
        @OptionGroup var common: CommonOptions

        func render() throws -> String {
            let day = try ArgumentValue.date(date, option: "--date")
            return try output(try BenefitCalculator(rules: common.ruleSet()).stmb(wage: wage, monthsOff: monthsOff, date: day), common)
        }
    }

    struct JKP: RenderingCommand {
        static let configuration = CommandConfiguration(commandName: "jkp", abstract: "Job-loss cash benefit.")
        @Option(parsing: .unconditional, help: "Last reported monthly wage in rupiah.") var wage: Int64
        @Option(help: "Date of the layoff (PHK), YYYY-MM-DD.") var layoffDate: String
        @Option(parsing: .unconditional, help: "Contribution months in the 24 months before the layoff (checks eligibility).") var contributionMonths: Int?
        @Option(parsing: .unconditional, help: "Consecutive contribution months just before the layoff (checks eligibility).") var consecutiveMonths: Int?
        @OptionGroup var common: CommonOptions

        func render() throws -> String {
            let day = try ArgumentValue.date(layoffDate, option: "--layoff-date")
            var record: JKPContributionRecord?
            if contributionMonths != nil || consecutiveMonths != nil {
                record = JKPContributionRecord(
                    monthsInWindow: try ArgumentValue.required(contributionMonths, option: "--contribution-months", for: "with --consecutive-months"),
                    consecutiveMonths: try ArgumentValue.required(consecutiveMonths, option: "--consecutive-months", for: "with --contribution-months"))
            }
            return try output(try BenefitCalculator(rules: common.ruleSet()).jkp(wage: wage, layoffDate: day, record: record), common)
        }
    }

    struct JP: RenderingCommand {
        static let configuration = CommandConfiguration(commandName: "jp", abstract: "Monthly pension or lump sum: which one a participant gets.")
        @Option(parsing: .unconditional, help: "Months of JP contributions.") var contributionMonths: Int
        @Option(help: "Date of reaching pension age (or of the claim), YYYY-MM-DD.") var date: String
        @OptionGroup var common: CommonOptions

        func render() throws -> String {
            let day = try ArgumentValue.date(date, option: "--date")
            let result = try BenefitCalculator(rules: common.ruleSet()).jpEligibility(contributionMonths: contributionMonths, date: day)
            return common.json ? try JSONOutput.encode(PensionEligibilityJSON(result, date: day)) : HumanOutput.pension(result)
        }
    }
}

private func output(_ result: BenefitResult, _ common: CommonOptions) throws -> String {
    common.json ? try JSONOutput.encode(BenefitJSON(result)) : HumanOutput.benefit(result)
}
