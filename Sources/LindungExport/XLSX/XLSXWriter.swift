public import Foundation
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes tables as an Excel workbook (.xlsx, Office Open XML), one worksheet per table in order.
///
/// The package holds [Content_Types].xml, _rels/.rels, xl/workbook.xml, xl/_rels/workbook.xml.rels,
/// xl/styles.xml and xl/worksheets/sheetN.xml; ZIPFoundation deflates them. Each worksheet is first
/// streamed to a temporary file and deflated from there, so memory holds the tables but never their XML.
/// The workbook is built beside `url` and renamed into place: a failed export leaves no partial file
/// and an existing file at `url` untouched.
///
/// Sheet names are made valid for Excel (see `SheetNames`); dates use the 1900 date system.
public enum XLSXWriter {
    public static func write(_ sheets: [SheetTable], to url: URL) throws(ExportError) {
        guard !sheets.isEmpty else { throw ExportError(reason: "a workbook needs at least one table") }
        let names = SheetNames.unique(sheets.map(\.name))
        for (table, name) in zip(sheets, names) { try XLSXLimits.check(table, sheetName: name) }

        let staging = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-xlsx-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: scratch)
            try? FileManager.default.removeItem(at: staging)
        }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let archive = try Archive(url: staging, accessMode: .create)
            try add(XLSXPackageParts.contentTypes(sheetCount: sheets.count), as: "[Content_Types].xml", to: archive)
            try add(XLSXPackageParts.packageRelationships, as: "_rels/.rels", to: archive)
            try add(XLSXPackageParts.workbook(sheetNames: names), as: "xl/workbook.xml", to: archive)
            try add(XLSXPackageParts.workbookRelationships(sheetCount: sheets.count), as: "xl/_rels/workbook.xml.rels", to: archive)
            try add(XLSXStyleSheet.xml, as: "xl/styles.xml", to: archive)
            for (index, table) in sheets.enumerated() {
                let file = scratch.appendingPathComponent("sheet\(index + 1).xml")
                try stageWorksheet(table, sheetName: names[index], at: file)
                try add(file: file, as: XLSXPackageParts.worksheetPath(index + 1), to: archive)
                try FileManager.default.removeItem(at: file)
            }
        } catch let error as ExportError {
            throw error
        } catch {
            throw .cannotWrite(url.path, error)
        }
        try moveIntoPlace(staging, url)
    }

    private static func stageWorksheet(_ table: SheetTable, sheetName: String, at file: URL) throws(ExportError) {
        guard FileManager.default.createFile(atPath: file.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: file.path)
        else { throw ExportError(reason: "cannot create the temporary file '\(file.path)'") }
        defer { try? handle.close() }
        let output = ChunkedOutput(handle: handle, path: file.path)
        try XLSXWorksheet.write(table, sheetName: sheetName, to: output)
        try output.flush()
    }

    private static func add(_ text: String, as path: String, to archive: Archive) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
            position, size in data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    private static func add(file: URL, as path: String, to archive: Archive) throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { position, chunk in
            try handle.seek(toOffset: UInt64(position))
            return try handle.read(upToCount: chunk) ?? Data()
        }
    }

    /// Renames the finished workbook over `url`: POSIX rename replaces an existing file atomically.
    private static func moveIntoPlace(_ staging: URL, _ url: URL) throws(ExportError) {
        if rename(staging.path, url.path) != 0 {
            throw ExportError(reason: "cannot write '\(url.path)': \(String(cString: strerror(errno)))")
        }
    }
}
