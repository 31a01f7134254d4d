/// One data row of a spreadsheet: its number as a spreadsheet program shows it (the header is row 1) and
/// its fields, as many as the header has columns (short rows are padded with empty strings).
public struct SpreadsheetRow: Sendable, Equatable {
    public let number: Int
    public let fields: [String]

    public init(number: Int, fields: [String]) {
        self.number = number
        self.fields = fields
    }
}

/// The kinds of file a `SpreadsheetReader` reads, told apart by content, not by name.
public enum SpreadsheetFormat: String, Sendable {
    case csv
    case xlsx
}

/// A source of spreadsheet rows read one at a time: a header, then data rows until nil.
///
/// `SpreadsheetReader` is the file-backed one; import code takes this protocol so that its tests can feed
/// rows from memory.
public protocol TabularSource: AnyObject {
    /// The header row's fields, trimmed; reads it on first use.
    func header() throws(ImportFileError) -> [String]
    /// The next data row with a non-blank field, or nil at the end of the file.
    func nextRow() throws(ImportFileError) -> SpreadsheetRow?
}
