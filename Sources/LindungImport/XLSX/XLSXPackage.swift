import Foundation
import ZIPFoundation

/// The parts of an XLSX package (a ZIP archive of XML files) that reading the first worksheet needs:
/// where that worksheet is, whether the workbook counts dates from 1904, and where the shared-string
/// and style parts are. ZIPFoundation reads the archive; nothing here parses ZIP structures by hand.
struct XLSXPackage {
    let archive: Archive
    let workbookPath: String
    let worksheetPath: String
    let sharedStringsPath: String?
    let stylesPath: String?
    let uses1904Dates: Bool

    init(path: String) throws(ImportFileError) {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .damagedXLSX("it is not a complete ZIP archive (\(Self.explain(error)))")
        }
        self.archive = archive
        if archive["mimetype"] != nil && archive["content.xml"] != nil {
            throw ImportFileError(reason: "this is an OpenDocument (.ods) spreadsheet; save it as .xlsx or as CSV UTF-8")
        }
        workbookPath = try Self.workbookPath(in: archive)
        let relationships = try Self.relationships(of: workbookPath, in: archive)

        var sheetIDs: [String] = []
        var uses1904 = false
        if let workbook = try Self.data(of: workbookPath, in: archive) {
            try XMLElementVisitor.visit(workbook, part: workbookPath) { name, attributes, _ in
                switch name {
                case "sheet": if let id = attributes.attribute("id") { sheetIDs.append(id) }
                case "workbookPr": uses1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
                default: break
                }
            }
        }
        uses1904Dates = uses1904
        let worksheets = sheetIDs.compactMap { relationships[$0] }.filter { $0.type.hasSuffix("/worksheet") }
        if let first = worksheets.first(where: { archive[$0.target] != nil }) {
            worksheetPath = first.target
        } else if archive["xl/worksheets/sheet1.xml"] != nil {
            worksheetPath = "xl/worksheets/sheet1.xml"
        } else {
            throw .damagedXLSX("it holds no worksheet (is it an Excel workbook?)")
        }
        let others = relationships.values
        sharedStringsPath =
            others.first { $0.type.hasSuffix("/sharedStrings") }?.target
            ?? (archive["xl/sharedStrings.xml"] != nil ? "xl/sharedStrings.xml" : nil)
        stylesPath =
            others.first { $0.type.hasSuffix("/styles") }?.target
            ?? (archive["xl/styles.xml"] != nil ? "xl/styles.xml" : nil)
    }

    /// The whole of a small part, or nil when the archive has no such entry.
    static func data(of path: String, in archive: Archive) throws(ImportFileError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw .damagedXLSX("\(path) cannot be unpacked (\(explain(error)))")
        }
        return data
    }

    /// Unpacks a part, possibly large (a worksheet, the shared strings), to a file to stream from.
    func extract(_ path: String, to url: URL) throws(ImportFileError) {
        guard let entry = archive[path] else { throw .damagedXLSX("\(path) is missing") }
        do {
            _ = try archive.extract(entry, to: url)
        } catch {
            throw .damagedXLSX("\(path) cannot be unpacked (\(Self.explain(error)))")
        }
    }

    /// The workbook part named by the package relationships (_rels/.rels), usually xl/workbook.xml.
    private static func workbookPath(in archive: Archive) throws(ImportFileError) -> String {
        let fallback = "xl/workbook.xml"
        guard let rels = try data(of: "_rels/.rels", in: archive) else { return fallback }
        var target: String?
        try XMLElementVisitor.visit(rels, part: "_rels/.rels") { name, attributes, _ in
            if name == "Relationship", target == nil, attributes["Type"]?.hasSuffix("/officeDocument") == true {
                target = attributes["Target"]
            }
        }
        guard let target, let resolved = resolve(target, from: "") else { return fallback }
        return archive[resolved] != nil ? resolved : fallback
    }

    struct Relationship {
        let type: String
        let target: String
    }

    /// The relationships of `part` by id, with targets resolved to archive paths.
    private static func relationships(of part: String, in archive: Archive) throws(ImportFileError) -> [String: Relationship] {
        let directory = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? part
        let relsPath = (directory.isEmpty ? "" : directory + "/") + "_rels/" + file + ".rels"
        guard let rels = try data(of: relsPath, in: archive) else { return [:] }
        var result: [String: Relationship] = [:]
        try XMLElementVisitor.visit(rels, part: relsPath) { name, attributes, _ in
            guard name == "Relationship", let id = attributes["Id"], let type = attributes["Type"],
                let target = attributes["Target"], attributes["TargetMode"] != "External",
                let resolved = resolve(target, from: directory)
            else { return }
            result[id] = Relationship(type: type, target: resolved)
        }
        return result
    }

    /// Resolves a relationship target against the folder of its source part ("/xl/x.xml" is absolute).
    static func resolve(_ target: String, from directory: String) -> String? {
        var parts: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(piece)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    private static func explain(_ error: any Error) -> String {
        guard let error = error as? Archive.ArchiveError else { return "\(error)" }
        switch error {
        case .unreadableArchive, .missingEndOfCentralDirectoryRecord: return "the end of the archive is missing"
        case .invalidCRC32: return "its checksum does not match"
        default: return "\(error)"
        }
    }
}
