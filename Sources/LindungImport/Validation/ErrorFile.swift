public import Foundation
public import LindungStorage

/// The error file an import leaves beside its input: one CSV line per problem, with the row number,
/// column, value and reason, in a shape any spreadsheet opens (UTF-8 with BOM, comma-separated).
public enum ErrorFile {
    public static func write(_ errors: [RowError], to url: URL) throws {
        var text = "\u{FEFF}row,column,value,reason\n"
        for error in errors.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
            text += [String(error.line), error.column, error.value, error.reason].map(quote).joined(separator: ",") + "\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Where the errors of `input` go by default: `workers.csv` → `workers.errors.csv`.
    public static func defaultURL(for input: String) -> URL {
        let url = URL(fileURLWithPath: input)
        return url.deletingPathExtension().appendingPathExtension("errors.csv")
    }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { ",\"\n\r".contains($0) }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
