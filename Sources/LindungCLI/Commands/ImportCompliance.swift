import ArgumentParser
import Foundation
import LindungCore
import LindungImport
import LindungStorage

/// `lindung import licences|headcounts FILE`: the compliance scan's sources of truth (docs/compliance.md).
/// All or nothing: one bad row and nothing is written; the errors go to FILE.errors.csv (row, column, reason).
extension Import {
    struct Licences: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a business-licence list (NIB, name, region, KBLI, headcount) as OSS exports it.")
        @Argument(help: "The CSV or XLSX file.") var file: String
        @Option(help: "Where to write the error file (default: FILE.errors.csv beside the input).") var errors: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let result = try ComplianceFileReader.licences(path: file, reference: try ReferenceData())
            try refuseOnErrors(result.errors, rowsRead: result.rowsRead, input: file, errorPath: errors)
            try await withStore(store) { store in
                let summary = try await store.saveLicences(result.rows, actor: ArgumentValue.actor)
                print("Read \(result.rowsRead) rows from \(file).")
                print("Written: \(summary.created) new licence(s), \(summary.updated) updated; \(summary.unchanged) unchanged.")
            }
        }
    }

    struct Headcounts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import agencies' non-ASN headcounts (NPP, category, headcount, date).")
        @Argument(help: "The CSV or XLSX file.") var file: String
        @Option(help: "Where to write the error file (default: FILE.errors.csv beside the input).") var errors: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let result = try ComplianceFileReader.headcounts(path: file)
            try refuseOnErrors(result.errors, rowsRead: result.rowsRead, input: file, errorPath: errors)
            try await withStore(store) { store in
                try await store.saveRosters(result.rows, actor: ArgumentValue.actor)
                print("Read \(result.rowsRead) rows from \(file).")
                print("Written: \(result.rows.count) roster(s) (agency and date).")
            }
        }
    }
}

/// Writes the error file and refuses the import when any row failed.
private func refuseOnErrors(_ errors: [RowError], rowsRead: Int, input: String, errorPath: String?) throws {
    guard !errors.isEmpty else { return }
    let url = errorPath.map { URL(fileURLWithPath: $0) } ?? ErrorFile.defaultURL(for: input)
    try ErrorFile.write(errors.sorted { $0.line < $1.line }, to: url)
    print("Read \(rowsRead) rows from \(input).")
    print("Nothing was written: \(errors.count) row problem(s), listed in \(url.path); the first: \(errors.sorted { $0.line < $1.line }[0]).")
    throw CLIError("import refused: \(errors.count) row problem(s), see \(url.path)")
}
