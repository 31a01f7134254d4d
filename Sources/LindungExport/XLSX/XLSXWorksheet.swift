import LindungCore

/// Writes one table as a worksheet part, row by row into a `ChunkedOutput`: the header row in bold and
/// frozen, then the rows. Text is an inline string (`t="inlineStr"`; no shared-string table to hold in
/// memory), integers and dates are numbers in the integer and date styles, empty cells are left out.
enum XLSXWorksheet {
    /// Excel shows 15 significant digits; a longer integer would show rounded, so it is written as text.
    static let largestExactInteger: Int64 = 999_999_999_999_999
    static let maxCellText = 32_767

    static func write(_ table: SheetTable, sheetName: String, to output: ChunkedOutput) throws(ExportError) {
        try output.append(
            XLSXPackageParts.declaration
                + "<worksheet xmlns=\"\(XLSXNamespace.main)\" xmlns:r=\"\(XLSXNamespace.relationships)\">")
        if !table.columns.isEmpty {
            try output.append(
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\""
                    + " state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>")
            let columns = XLSXColumnWidths.widths(table).enumerated().map { index, width in
                "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            try output.append("<cols>" + columns.joined() + "</cols>")
        }
        try output.append("<sheetData>")
        try output.append(try row(1, table.columns.map(Cell.text), header: true, sheetName: sheetName))
        for (index, cells) in table.rows.enumerated() {
            try output.append(try row(index + 2, cells, header: false, sheetName: sheetName))
        }
        try output.append("</sheetData></worksheet>")
    }

    static func row(_ number: Int, _ cells: [Cell], header: Bool, sheetName: String) throws(ExportError) -> String {
        var xml = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() {
            let reference = ColumnLetters.letters(index) + String(number)
            switch cell {
            case .text(let text):
                if text.isEmpty { continue }
                if text.utf8.count > maxCellText && text.utf16.count > maxCellText {
                    throw ExportError(
                        reason: "sheet '\(sheetName)', cell \(reference): the text has \(text.utf16.count) characters; "
                            + "an Excel cell holds at most \(maxCellText)")
                }
                xml += inlineString(text, reference: reference, style: header ? .header : .general)
            case .integer(let value):
                if value.magnitude > largestExactInteger.magnitude {
                    xml += inlineString(String(value), reference: reference, style: .general)
                } else {
                    xml += "<c r=\"\(reference)\" s=\"\(XLSXStyleSheet.Style.integer.rawValue)\"><v>\(value)</v></c>"
                }
            case .date(let date):
                if let serial = ExcelDate.serial(date) {
                    xml += "<c r=\"\(reference)\" s=\"\(XLSXStyleSheet.Style.date.rawValue)\"><v>\(serial)</v></c>"
                } else {
                    xml += inlineString(date.iso, reference: reference, style: .general)
                }
            case .empty:
                continue
            }
        }
        return xml + "</row>"
    }

    private static func inlineString(_ text: String, reference: String, style: XLSXStyleSheet.Style) -> String {
        let styleAttribute = style == .general ? "" : " s=\"\(style.rawValue)\""
        let space = XMLText.needsPreserve(text) ? " xml:space=\"preserve\"" : ""
        return "<c r=\"\(reference)\"\(styleAttribute) t=\"inlineStr\"><is><t\(space)>\(XMLText.escape(text))</t></is></c>"
    }
}
