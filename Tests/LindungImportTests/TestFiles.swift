import Foundation
import ZIPFoundation

@testable import LindungImport

/// Temporary files for reader tests, in a folder of their own so that tests can run in parallel.
/// Each test removes its folder: `let files = try TestFiles(); defer { files.remove() }`.
struct TestFiles {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-import-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `bytes` to a new file named `name` and returns its path.
    func write(_ bytes: [UInt8], name: String = "data.csv") throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func write(_ text: String, name: String = "data.csv") throws -> String {
        try write(Array(text.utf8), name: name)
    }

    /// Builds a real .xlsx (a ZIP archive) from its parts with ZIPFoundation, deflated as Excel does.
    func xlsx(_ parts: [String: String], name: String = "data.xlsx") throws -> String {
        let url = folder.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for path in parts.keys.sorted() {
            let data = Data(parts[path]!.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url.path
    }
}

/// The parts of a minimal workbook, in the shape Excel writes them.
enum XLSXParts {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let worksheetType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    static let packageRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    /// A workbook whose sheets are `(name, relationship id)` in tab order.
    static func workbook(sheets: [(String, String)] = [("Pekerja", "rId1")], date1904: Bool = false) -> String {
        let list = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(sheet.0)\" sheetId=\"\(index + 1)\" r:id=\"\(sheet.1)\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(main)" xmlns:r="\(relationships)">\
            <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(list)</sheets></workbook>
            """
    }

    /// Workbook relationships: `(id, target)` worksheets, then the shared strings and styles.
    static func workbookRels(_ sheets: [(String, String)] = [("rId1", "worksheets/sheet1.xml")]) -> String {
        let list = sheets.map { "<Relationship Id=\"\($0.0)\" Type=\"\(worksheetType)\" Target=\"\($0.1)\"/>" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(list)\
            <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """
    }

    static func sharedStrings(_ items: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="\(main)" count="\(items.count)" uniqueCount="\(items.count)">\(items.joined())</sst>
        """
    }

    /// Styles with cell formats 0: General, 1: built-in date 14, 2: custom "dd/mm/yyyy", 3: "#,##0".
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs count="4"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" xfId="0" applyNumberFormat="1"/></cellXfs>\
        </styleSheet>
        """

    static func sheet(_ rows: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="\(main)" xmlns:r="\(relationships)"><dimension ref="A1:D3"/>\
        <sheetData>\(rows)</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>
        """
    }

    /// All six parts, with `sheet` as the first worksheet.
    static func workbookParts(sheet: String, sharedStrings: [String] = []) -> [String: String] {
        [
            "[Content_Types].xml": contentTypes,
            "_rels/.rels": packageRels,
            "xl/workbook.xml": workbook(),
            "xl/_rels/workbook.xml.rels": workbookRels(),
            "xl/worksheets/sheet1.xml": sheet,
            "xl/sharedStrings.xml": Self.sharedStrings(sharedStrings),
            "xl/styles.xml": styles,
        ]
    }
}

extension SpreadsheetReader {
    /// Every data row to the end, for tests.
    func allRows() throws(ImportFileError) -> [SpreadsheetRow] {
        var rows: [SpreadsheetRow] = []
        while let row = try nextRow() { rows.append(row) }
        return rows
    }
}
