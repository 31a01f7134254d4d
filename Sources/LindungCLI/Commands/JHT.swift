import ArgumentParser
import Foundation
import LindungClaims
import LindungCore
import LindungStorage

/// `lindung jht statement|rate set|post-return|credit` (issue 8, docs/claims.md).
struct JHTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jht", abstract: "The JHT ledger: statements, the yearly return rate and its posting, credits from paid bills.",
        subcommands: [JHTStatementCommand.self, JHTRateCommand.self, JHTPostReturn.self, JHTCredit.self])
}

struct JHTStatementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "statement", abstract: "A person's JHT statement for a date range.")
    @Option(help: "The NIK.") var nik: String
    @Option(help: "First day, YYYY-MM-DD.") var from: String
    @Option(help: "Last day, YYYY-MM-DD.") var to: String
    @Option(help: "text or csv.") var format = "text"
    @OptionGroup var store: StoreOptions
    func run() async throws {
        let (first, last) = (try ArgumentValue.date(from, option: "--from"), try ArgumentValue.date(to, option: "--to"))
        guard ["text", "csv"].contains(format) else { throw CLIError("invalid --format '\(format)': expected text or csv") }
        try await withClaimDesk(store) { desk in
            let statement = try await desk.statement(nik: nik, from: first, to: last)
            if format == "csv" {
                print(statement.csv, terminator: "")
                return
            }
            var running = statement.opening
            print("JHT statement for NIK \(nik), \(first.iso) to \(last.iso)")
            print("  opening balance \(Money.format(statement.opening))")
            for entry in statement.entries {
                running += entry.amount
                print("  \(entry.date.iso)  \(entry.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))  \(entry.employer ?? "-")  \(entry.reference)  \(Money.format(entry.amount))  balance \(Money.format(running))")
            }
            print("  closing balance \(Money.format(statement.closing))")
        }
    }
}

struct JHTRateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rate", abstract: "The yearly development return rate.", subcommands: [Set.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Enter a year's return rate (before it is posted).")
        @Option(help: "The year.") var year: Int
        @Option(help: "The rate in percent, e.g. 7.0.") var percent: String
        @Option(help: "The administrator.") var by = "administrator"
        @OptionGroup var store: StoreOptions
        func run() async throws {
            guard let rate = Rate(percent: percent), rate >= .percent(0), rate <= .percent(100) else {
                throw CLIError("invalid --percent '\(percent)': expected a number of percent between 0 and 100")
            }
            try await withStore(store) { claims in
                try await claims.setJHTReturnRate(year: year, micropercent: rate.micropercent, actor: by)
                print("JHT return rate \(year): \(rate)%")
            }
        }
    }
}

struct JHTPostReturn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post-return", abstract: "Credit the year's return to every ledger on 31 December (once; a second run posts nothing).")
    @Option(help: "The year.") var year: Int
    @OptionGroup var store: StoreOptions
    func run() async throws {
        try await withStore(store) { claims in
            let clock = ContinuousClock.now
            let posted = try await claims.postJHTReturn(year: year)
            print("JHT return \(year): \(posted) ledgers credited in \(ContinuousClock.now - clock)")
        }
    }
}

struct JHTCredit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credit", abstract: "Credit the JHT shares of a month's fully paid employer bills (idempotent by bill).")
    @Option(help: "The billed month, YYYY-MM.") var month: String
    @OptionGroup var store: StoreOptions
    func run() async throws {
        let billed = try ArgumentValue.month(month, option: "--month")
        // The month's JHT rates as the contribution calculator charges them (PP 46/2015: 3.7 % + 2 %).
        let lines = try ContributionCalculator(rules: try RuleSet()).pu(PUContributionInput(wage: 1_000_000, riskClass: 1, month: billed)).lines
        func rate(_ payer: Payer) throws -> Int64 {
            guard let rate = lines.first(where: { $0.program == .jht && $0.payer == payer })?.rate else { throw CLIError("no JHT rate for \(billed)") }
            return rate.micropercent
        }
        let (employerRate, workerRate) = (try rate(.employer), try rate(.worker))
        try await withStore(store) { claims in
            let credited = try await claims.creditJHTFromPaidBills(month: billed, employerMicropercent: employerRate, workerMicropercent: workerRate)
            print("JHT credits for \(billed): \(credited)")
        }
    }
}
