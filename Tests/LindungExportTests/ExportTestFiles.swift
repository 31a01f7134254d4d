import Foundation
import LindungImport
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A temporary folder per test, and ways to look inside the files written there.
/// `let files = try ExportTestFiles(); defer { files.remove() }`.
struct ExportTestFiles {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-export-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    func url(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }

    /// The names in the folder, hidden ones included (to prove no partial file stays behind).
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// Worksheet `number` (1-based) read back through LindungImport's reader, which reads the first sheet:
    /// for a later sheet, a copy of the workbook lists only that sheet.
    func readBack(_ url: URL, sheet number: Int = 1) throws -> (header: [String], rows: [SpreadsheetRow]) {
        var path = url.path
        if number > 1 {
            let copy = self.url("sheet\(number)-first-\(UUID().uuidString).xlsx")
            try FileManager.default.copyItem(at: url, to: copy)
            let archive = try Archive(url: copy, accessMode: .update)
            try archive.remove(archive["xl/workbook.xml"]!)
            let workbook = Data(
                ("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId\(number)\"/></sheets></workbook>").utf8)
            try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(workbook.count)) { position, size in
                workbook.subdata(in: Int(position)..<Int(position) + size)
            }
            path = copy.path
        }
        let reader = try SpreadsheetReader(path: path)
        let header = try reader.header()
        var rows: [SpreadsheetRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return (header, rows)
    }
}

/// The parts of a ZIP package, by path.
struct PackageContents {
    let paths: [String]
    private let archive: Archive

    init(_ url: URL) throws {
        archive = try Archive(url: url, accessMode: .read)
        paths = archive.map(\.path)
    }

    func text(_ path: String) throws -> String {
        guard let entry = archive[path] else { throw PartMissing(path: path) }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    struct PartMissing: Error {
        let path: String
    }
}

/// The values of `attribute` on every `element` in `xml`, in document order; nil when the XML is not
/// well-formed.
func attributeValues(_ attribute: String, of element: String, in xml: String) -> [String]? {
    final class Collector: NSObject, XMLParserDelegate {
        let element: String
        let attribute: String
        var values: [String] = []

        init(element: String, attribute: String) {
            self.element = element
            self.attribute = attribute
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if elementName == element, let value = attributes[attribute] { values.append(value) }
        }
    }
    let collector = Collector(element: element, attribute: attribute)
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = collector
    return parser.parse() ? collector.values : nil
}
