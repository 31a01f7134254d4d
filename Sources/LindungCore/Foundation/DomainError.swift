/// Everything the core refuses, each case worded so the one-line message names what is wrong and why.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value given by a user or a file is not acceptable: which field, the value, and the reason.
    case invalidInput(field: String, value: String, reason: String)
    /// No row of a rule table covers the date: the rule, the date, and where the table starts.
    case noRuleInForce(rule: String, date: CalendarDate, tableStarts: CalendarDate?)
    /// A rule or reference table cannot be used: which file, which row (the header is row 1), and why.
    case malformedTable(file: String, row: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidInput(let field, let value, let reason):
            return "invalid \(field) '\(value)': \(reason)"
        case .noRuleInForce(let rule, let date, let starts):
            let start = starts.map { "; the table starts on \($0.iso)" } ?? ""
            return "no rule for \(rule) is in force on \(date.iso)\(start)"
        case .malformedTable(let file, let row, let reason):
            return "\(file), row \(row): \(reason)"
        }
    }
}
