import ArgumentParser
import Foundation
import LindungCore

/// Options every `calc` command takes: machine output and an operator's rule tables.
struct CommonOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (documented in docs/cli.md) instead of a table.")
    var json = false

    @Option(name: .long, help: "A directory of rule tables replacing the bundled ones file by file (or LINDUNG_RULES_DIR).")
    var rules: String?

    /// The rule tables: `--rules`, else `LINDUNG_RULES_DIR`, else the bundled tables.
    func ruleSet() throws -> RuleSet {
        try RuleSet(source: tableSource())
    }

    func referenceData() throws -> ReferenceData {
        try ReferenceData(source: tableSource())
    }

    private func tableSource() throws -> TableSource {
        guard let path = rules ?? ProcessInfo.processInfo.environment[TableSource.rulesDirectoryVariable] else { return .bundled }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("rules directory '\(path)' does not exist")
        }
        return .directory(URL(fileURLWithPath: path))
    }
}

/// Parsing of the date and money shapes the CLI accepts, each refusal naming the option.
enum ArgumentValue {
    static func month(_ text: String, option: String) throws -> YearMonth {
        guard let month = YearMonth(iso: text) else { throw CLIError("invalid \(option) '\(text)': expected a month YYYY-MM") }
        return month
    }

    static func segment(_ text: String) throws -> Segment {
        guard let segment = Segment(rawValue: text.lowercased()) else {
            throw CLIError("invalid --segment '\(text)': expected pu, bpu, jakon or pmi")
        }
        return segment
    }

    static func date(_ text: String, option: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw CLIError("invalid \(option) '\(text)': expected a real date YYYY-MM-DD")
        }
        return date
    }

    static func required<T>(_ value: T?, option: String, for context: String) throws -> T {
        guard let value else { throw CLIError("\(option) is required \(context)") }
        return value
    }

    /// Today in Indonesia's western time zone (WIB, UTC+7), where Lindung's users are.
    static var today: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// Who the audit log names for changes made from the command line: LINDUNG_ACTOR, else the OS user.
    static var actor: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["LINDUNG_ACTOR"] ?? "cli:" + (environment["USER"] ?? "unknown")
    }

    /// The current year, which decides the century of a NIK's birth year (ruling 13).
    static var currentYear: Int {
        Calendar(identifier: .gregorian).component(.year, from: Date())
    }
}
