import ArgumentParser
import Foundation
import LindungCore
import LindungImport
import LindungStorage

/// `lindung import workers|employers FILE`: registry imports from CSV or XLSX.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import workers or employers from a CSV or XLSX file (docs/import.md).",
        subcommands: [Workers.self, Employers.self, ImportWorkforce.self, Licences.self, Headcounts.self])

    struct Workers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register one employer's workers, their spells and wages.")
        @Argument(help: "The CSV or XLSX file.") var file: String
        @Option(help: "The employer's NPP.") var employer: String
        @Flag(help: "Write the rows that pass even when others fail (default: all or nothing).") var partial = false
        @Option(help: "The date changed wages take effect, YYYY-MM-DD (default: today).") var asOf: String?
        @Option(help: "Where to write the error file (default: FILE.errors.csv beside the input).") var errors: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let asOfDate = try asOf.map { try ArgumentValue.date($0, option: "--as-of") } ?? ArgumentValue.today
            let reference = try ReferenceData()
            try await withStore(store) { store in
                guard let employer = try await store.employer(npp: self.employer) else {
                    throw CLIError("no employer with NPP \(self.employer) is registered (import it first with 'lindung import employers')")
                }
                let progress = Progress(label: "rows read")
                let readStarted = Date()
                let result = try WorkerFileReader(employer: employer, reference: reference, asOf: asOfDate, currentYear: asOfDate.year)
                    .read(path: file, progress: progress.update)
                progress.finish()
                Timing.report("read and validate", since: readStarted)
                let writeStarted = Date()
                defer { Timing.report("write", since: writeStarted) }
                var summary = ImportSummary()
                summary.rowsRead = result.rowsRead
                if result.errors.isEmpty || partial {
                    summary = try await store.importWorkers(
                        WorkerImportPlan(employerNPP: employer.npp, rows: result.rows, asOf: asOfDate, partial: partial, actor: ArgumentValue.actor))
                    summary.rowsRead = result.rowsRead
                } else {
                    summary.refused = true
                }
                summary.errors = (result.errors + summary.errors).sorted { $0.line < $1.line }
                try report(summary, input: file, errorPath: errors, kind: "workers")
            }
        }
    }

    struct Employers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register employers (companies, agencies, projects, placement agencies).")
        @Argument(help: "The CSV or XLSX file.") var file: String
        @Flag(help: "Write the rows that pass even when others fail (default: all or nothing).") var partial = false
        @Option(help: "Where to write the error file (default: FILE.errors.csv beside the input).") var errors: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let result = try EmployerFileReader(reference: try ReferenceData(), currentYear: ArgumentValue.currentYear).read(path: file)
            try await withStore(store) { store in
                var summary = ImportSummary()
                if result.errors.isEmpty || partial {
                    summary = try await store.importEmployers(EmployerImportPlan(rows: result.rows, partial: partial, actor: ArgumentValue.actor))
                } else {
                    summary.refused = true
                }
                summary.rowsRead = result.rowsRead
                summary.errors = (result.errors + summary.errors).sorted { $0.line < $1.line }
                try report(summary, input: file, errorPath: errors, kind: "employers")
            }
        }
    }
}

/// Prints the summary, writes the error file when there are errors, and fails (exit 1) when the import
/// was refused.
private func report(_ summary: ImportSummary, input: String, errorPath: String?, kind: String) throws {
    var lines = ["Read \(summary.rowsRead) rows from \(input)."]
    if summary.refused {
        lines.append("Nothing was written: \(summary.errors.count) row problem(s); fix them or use --partial.")
    } else if kind == "workers" {
        lines.append(
            "Written: \(summary.created) new worker(s) (\(summary.personsCreated) new person(s)), \(summary.wagesChanged) wage change(s), "
                + "\(summary.spellsClosed) spell(s) ended, \(summary.updated) updated; \(summary.unchanged) unchanged.")
    } else {
        lines.append("Written: \(summary.created) new employer(s), \(summary.updated) updated; \(summary.unchanged) unchanged.")
    }
    if !summary.errors.isEmpty {
        let url = errorPath.map { URL(fileURLWithPath: $0) } ?? ErrorFile.defaultURL(for: input)
        try ErrorFile.write(summary.errors, to: url)
        lines.append("\(summary.errors.count) problem(s) listed in \(url.path); the first: \(summary.errors[0]).")
    }
    print(lines.joined(separator: "\n"))
    if summary.refused { throw CLIError("import refused: \(summary.errors.count) row problem(s), see \(errorPath ?? ErrorFile.defaultURL(for: input).path)") }
}

/// A one-line progress counter on a terminal; silent when standard error is not a terminal.
final class Progress: @unchecked Sendable {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    init(label: String) { self.label = label }

    func update(_ count: Int) {
        guard enabled else { return }
        shown = true
        FileHandle.standardError.write(Data("\r\(count) \(label)".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// Phase timings on standard error when LINDUNG_TIMING is set (for benchmarks; silent otherwise).
enum Timing {
    static let enabled = ProcessInfo.processInfo.environment["LINDUNG_TIMING"] != nil

    static func report(_ phase: String, since start: Date) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(String(format: "timing: %@ %.2f s\n", phase, Date().timeIntervalSince(start)).utf8))
    }
}
