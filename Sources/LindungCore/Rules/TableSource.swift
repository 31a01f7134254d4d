public import Foundation

/// Where rule and reference tables are read from: the copies bundled with Lindung, or an operator's
/// directory whose files replace the bundled ones of the same name (`--rules DIR`, `LINDUNG_RULES_DIR`).
public struct TableSource: Sendable {
    /// The environment variable naming a rules directory when `--rules` is not given.
    public static let rulesDirectoryVariable = "LINDUNG_RULES_DIR"

    let overrideDirectory: URL?

    public static let bundled = TableSource(overrideDirectory: nil)

    public static func directory(_ url: URL) -> TableSource { TableSource(overrideDirectory: url) }

    /// The file's text, from the override directory when it holds the file, else from the bundle.
    func text(of name: String, in folder: String) throws(DomainError) -> String {
        if let directory = overrideDirectory {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) { return try Self.read(candidate, name: name) }
        }
        guard let resources = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw .malformedTable(file: name, row: 0, reason: "the bundled resources are missing from this build")
        }
        return try Self.read(resources.appendingPathComponent(folder).appendingPathComponent(name), name: name)
    }

    func table(_ name: String, in folder: String, requiredColumns: [String]) throws(DomainError) -> CSVTable {
        try CSVTable(file: name, text: try text(of: name, in: folder), requiredColumns: requiredColumns)
    }

    private static func read(_ url: URL, name: String) throws(DomainError) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .malformedTable(file: name, row: 0, reason: "cannot read \(url.path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformedTable(file: name, row: 0, reason: "the file is not UTF-8 text")
        }
        return text
    }
}
