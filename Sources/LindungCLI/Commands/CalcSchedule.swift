import ArgumentParser
import LindungCore

/// `lindung calc pension-age --year 2028`.
struct CalcPensionAge: RenderingCommand {
    static let configuration = CommandConfiguration(commandName: "pension-age", abstract: "The JP pension age in force in a year.")
    @Option(parsing: .unconditional, help: "Calendar year.") var year: Int
    @OptionGroup var common: CommonOptions

    func render() throws -> String {
        let age = try common.ruleSet().pensionAge(in: year)
        if common.json { return try JSONOutput.encode(PensionAgeJSON(year: year, pensionAge: age.value, regulation: age.regulation)) }
        return "Pension age in \(year): \(age.value) (\(age.regulation))"
    }
}

/// `lindung calc due-date --segment pu --month 2025-05`.
struct CalcDueDate: RenderingCommand {
    static let configuration = CommandConfiguration(commandName: "due-date", abstract: "When a month's contribution falls due.")
    @Option(help: "pu, bpu, jakon or pmi.") var segment: String
    @Option(help: "The contribution month, YYYY-MM.") var month: String
    @OptionGroup var common: CommonOptions

    func render() throws -> String {
        let segment = try ArgumentValue.segment(segment)
        let month = try ArgumentValue.month(month, option: "--month")
        let calculator = DueDateCalculator(rules: try common.ruleSet(), holidays: try common.referenceData().holidays)
        let due = try calculator.dueDate(segment: segment, month: month)
        if common.json { return try JSONOutput.encode(DueDateJSON(due)) }
        let moved = due.reasons.isEmpty ? "" : "\n" + due.reasons.map { "  - \($0)" }.joined(separator: "\n")
        return "\(segment.rawValue.uppercased()) \(month) is due on \(due.dueDate.iso) (\(due.regulation))\(moved)"
    }
}

/// `lindung calc fine --amount 477000 --due 2025-05-15 --paid-on 2025-07-10`.
struct CalcFine: RenderingCommand {
    static let configuration = CommandConfiguration(commandName: "fine", abstract: "The late fine on an amount paid after its due date.")
    @Option(parsing: .unconditional, help: "The unpaid contribution in rupiah.") var amount: Int64
    @Option(help: "The due date, YYYY-MM-DD.") var due: String
    @Option(help: "The payment date, YYYY-MM-DD.") var paidOn: String
    @Option(help: "The contribution month, YYYY-MM (decides the rate; default: the PU month due on --due).") var month: String?
    @OptionGroup var common: CommonOptions

    func render() throws -> String {
        let dueDate = try ArgumentValue.date(due, option: "--due")
        let paid = try ArgumentValue.date(paidOn, option: "--paid-on")
        let rules = try common.ruleSet()
        // Without --month, take the PU month that falls due on --due (it decides the fine rate).
        let billingMonth =
            try month.map { try ArgumentValue.month($0, option: "--month") }
            ?? DueDateCalculator(rules: rules, holidays: try common.referenceData().holidays).puMonth(dueOn: dueDate)
        let fine = try LateFineCalculator(rules: rules).fine(amount: amount, dueDate: dueDate, paidOn: paid, billingMonth: billingMonth)
        if common.json { return try JSONOutput.encode(FineJSON(fine)) }
        return "Fine: \(Money.format(fine.fine)) = \(fine.monthsLate) month(s) late × \(fine.monthlyRate)% × \(Money.format(fine.amount)) (\(fine.regulation))"
    }
}
