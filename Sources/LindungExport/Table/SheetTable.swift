/// One table to export: a name (the sheet's tab in XLSX), column titles and rows of cells.
///
/// Rows are written as given. A row should have one cell per column: CSV pads a short row with empty
/// fields so every line has as many as the header; XLSX simply leaves the missing cells out.
public struct SheetTable: Sendable, Equatable {
    public let name: String
    public let columns: [String]
    public var rows: [[Cell]]

    public init(name: String, columns: [String], rows: [[Cell]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}
