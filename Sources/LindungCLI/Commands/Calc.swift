import ArgumentParser

/// `lindung calc`: the regulation core on the command line.
struct Calc: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute contributions, benefits, pension age, due dates and late fines by the rules in force.",
        subcommands: [CalcContribution.self, CalcBenefit.self, CalcPensionAge.self, CalcDueDate.self, CalcFine.self])
}
