import Foundation

/// The rows of an XLSX file's first worksheet, pulled one at a time.
///
/// Opening reads the small parts (workbook, relationships, styles) and the shared-string table, and
/// unpacks the worksheet to a temporary file; a thread then streams that file through `XMLParser`, a few
/// batches ahead of the caller (see `XLSXRowChannel`). The temporary folder is removed when parsing ends
/// or the reader is dropped, whichever comes first.
final class XLSXRowSource {
    private let channel = XLSXRowChannel()
    private let temporaryFolder: URL
    private var batch: [SpreadsheetRow] = []
    private var index = 0

    init(path: String) throws(ImportFileError) {
        let package = try XLSXPackage(path: path)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-xlsx-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ImportFileError(reason: "cannot create a temporary folder to unpack the XLSX file: \(error.localizedDescription)")
        }
        temporaryFolder = folder
        var started = false
        defer { if !started { try? FileManager.default.removeItem(at: folder) } }

        var sharedStrings: [String] = []
        if let part = package.sharedStringsPath {
            let url = folder.appendingPathComponent("sharedStrings.xml")
            try package.extract(part, to: url)
            sharedStrings = try XLSXSharedStrings.load(from: url, part: part)
            try? FileManager.default.removeItem(at: url)
        }
        var styles = XLSXStyles()
        if let part = package.stylesPath, let data = try XLSXPackage.data(of: part, in: package.archive) {
            styles = try XLSXStyles(data: data, part: part)
        }
        let sheetURL = folder.appendingPathComponent("sheet.xml")
        try package.extract(package.worksheetPath, to: sheetURL)

        let channel = self.channel
        let uses1904 = package.uses1904Dates
        let thread = Thread { [sharedStrings, styles] in
            XLSXSheetParser.run(
                url: sheetURL, channel: channel, sharedStrings: sharedStrings, styles: styles, uses1904: uses1904
            ) {
                try? FileManager.default.removeItem(at: folder)
            }
        }
        thread.name = "lindung-xlsx-parser"
        thread.start()
        started = true
    }

    deinit {
        channel.cancel()
        // Unlinking a file that the parsing thread still reads is safe on POSIX systems.
        try? FileManager.default.removeItem(at: temporaryFolder)
    }

    func nextRecord() throws(ImportFileError) -> SpreadsheetRow? {
        while index >= batch.count {
            guard let next = try channel.take() else { return nil }
            batch = next
            index = 0
        }
        defer { index += 1 }
        return batch[index]
    }
}
