/// Why a spreadsheet cannot be read: where (the spreadsheet row, the header is row 1, and the column when
/// known) and the reason, worded for the person who made the file.
///
/// Errors about the file as a whole (empty, damaged, not a spreadsheet) have no row.
public struct ImportFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The row as a spreadsheet program shows it (the header is row 1), or nil for the whole file.
    public let row: Int?
    /// The column's header text, when the error is about one cell.
    public let column: String?
    public let reason: String

    public init(row: Int? = nil, column: String? = nil, reason: String) {
        self.row = row
        self.column = column
        self.reason = reason
    }

    /// "row 12, column 'NIK': reason", "row 12: reason" or "file: reason".
    public var description: String {
        switch (row, column) {
        case (let row?, let column?): "row \(row), column '\(column)': \(reason)"
        case (let row?, nil): "row \(row): \(reason)"
        case (nil, let column?): "column '\(column)': \(reason)"
        case (nil, nil): "file: \(reason)"
        }
    }
}

extension ImportFileError {
    /// The one wording for every XLSX that cannot be opened, so users and tests see the same phrase.
    static func damagedXLSX(_ detail: String) -> ImportFileError {
        ImportFileError(reason: "the XLSX file is damaged or truncated: \(detail)")
    }

    static func notUTF8(row: Int) -> ImportFileError {
        ImportFileError(row: row, reason: "the file is not UTF-8 text (save it as CSV UTF-8)")
    }
}
