/// The namespaces every part below is written in.
enum XLSXNamespace {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
}

/// The small parts of the package that tie the worksheets together: content types, the package and
/// workbook relationships, and the workbook with its sheet list. Worksheet N is xl/worksheets/sheetN.xml
/// with relationship rIdN; the styles take the id after the last sheet.
enum XLSXPackageParts {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    private static let spreadsheetML = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    static func worksheetPath(_ number: Int) -> String { "xl/worksheets/sheet\(number).xml" }

    static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1..<sheetCount + 1).map {
            "<Override PartName=\"/\(worksheetPath($0))\" ContentType=\"\(spreadsheetML).worksheet+xml\"/>"
        }
        return declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(spreadsheetML).sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(spreadsheetML).styles+xml\"/>"
            + sheets.joined() + "</Types>"
    }

    static let packageRelationships =
        declaration + "<Relationships xmlns=\"\(XLSXNamespace.packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeDocument)\" Target=\"xl/workbook.xml\"/></Relationships>"

    /// The workbook listing `names` (already valid and distinct) in tab order.
    static func workbook(sheetNames names: [String]) -> String {
        let sheets = names.enumerated().map { index, name in
            "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return declaration + "<workbook xmlns=\"\(XLSXNamespace.main)\" xmlns:r=\"\(XLSXNamespace.relationships)\">"
            + "<bookViews><workbookView/></bookViews><sheets>" + sheets.joined() + "</sheets></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        let sheets = (1..<sheetCount + 1).map {
            "<Relationship Id=\"rId\($0)\" Type=\"\(type)worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }
        return declaration + "<Relationships xmlns=\"\(XLSXNamespace.packageRelationships)\">" + sheets.joined()
            + "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(type)styles\" Target=\"styles.xml\"/></Relationships>"
    }
}
