public import Foundation

/// Writes a table as CSV (RFC 4180): a header line, then one line per row.
///
/// UTF-8 without a byte-order mark, comma-separated, LF line ends (RFC 4180 asks for CRLF, but LF is
/// what Unix tools and `lindung` output use, and every CSV reader, ours included, accepts both). A field
/// is quoted only when it holds a comma, a quote, CR or LF; quotes inside are doubled. Integers are plain
/// digits ("10547400"), dates `YYYY-MM-DD`, empty cells empty fields. Short rows are padded to the header.
///
/// For Excel users prefer XLSX: Indonesian Excel splits CSV on semicolons and guesses the encoding.
public enum CSVWriter {
    /// The whole table as one string.
    public static func write(_ table: SheetTable) -> String {
        var text = line(table.columns.map(Cell.text))
        for row in table.rows { text += line(padded(row, to: table.columns.count)) }
        return text
    }

    /// Streams the table to `handle` (a file or standard output) in chunks, line by line.
    public static func write(_ table: SheetTable, to handle: FileHandle) throws(ExportError) {
        let output = ChunkedOutput(handle: handle, path: "CSV output")
        try output.append(line(table.columns.map(Cell.text)))
        for row in table.rows { try output.append(line(padded(row, to: table.columns.count))) }
        try output.flush()
    }

    /// One CSV line, ending in LF, for callers that append rows themselves.
    public static func line(_ cells: [Cell]) -> String {
        cells.map { field($0.plainText) }.joined(separator: ",") + "\n"
    }

    /// The field quoted when it must be. Checked on Unicode scalars: "\r\n" is one `Character`.
    static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append(scalar) }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    private static func padded(_ row: [Cell], to width: Int) -> [Cell] {
        row.count >= width ? row : row + Array(repeating: .empty, count: width - row.count)
    }
}
