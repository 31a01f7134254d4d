/// Excel's grid: 1,048,576 rows (the header is one) by 16,384 columns. A larger table would open
/// truncated or not at all, so it is refused before anything is written.
enum XLSXLimits {
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    static func check(_ table: SheetTable, sheetName: String) throws(ExportError) {
        if table.rows.count + 1 > maxRows {
            throw ExportError(
                reason: "sheet '\(sheetName)' has \(table.rows.count) rows; an XLSX sheet holds at most \(maxRows - 1) "
                    + "below its header (split the table or export CSV)")
        }
        let widest = max(table.columns.count, table.rows.lazy.map(\.count).max() ?? 0)
        if widest > maxColumns {
            throw ExportError(reason: "sheet '\(sheetName)' has \(widest) columns; an XLSX sheet holds at most \(maxColumns)")
        }
    }
}
