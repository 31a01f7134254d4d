import Foundation
import LindungCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Streams the rows of one worksheet part (`<sheetData><row r="2"><c r="C2" t="s" s="1"><v>…`) into a
/// channel, cell text already resolved: shared and inline strings, booleans as TRUE/FALSE, numbers as
/// written, and numbers in a date style as "YYYY-MM-DD". Cell references place each value in its column,
/// so a skipped empty cell leaves an empty field.
final class XLSXSheetParser: NSObject, XMLParserDelegate {
    private let channel: XLSXRowChannel
    private let sharedStrings: [String]
    private let styles: XLSXStyles
    private let uses1904: Bool

    private var batch: [SpreadsheetRow] = []
    private var rowNumber = 0
    private var cells: [String] = []
    private var column = 0
    private var cellType = "n"
    private var cellStyle = 0
    private var cellReference = ""
    private var text = ""
    private var capturing = false
    private var inInlineString = false
    private var phoneticDepth = 0
    private(set) var sawEndOfSheetData = false
    private(set) var failure: ImportFileError?
    private(set) var stopped = false

    init(channel: XLSXRowChannel, sharedStrings: [String], styles: XLSXStyles, uses1904: Bool) {
        self.channel = channel
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.uses1904 = uses1904
    }

    /// Parses the worksheet file at `url` to the end (or until the reader is dropped), calls `done` (which
    /// removes the file) and finishes the channel. Runs on the parsing thread.
    static func run(
        url: URL, channel: XLSXRowChannel, sharedStrings: [String], styles: XLSXStyles, uses1904: Bool,
        done: () -> Void
    ) {
        let sheet = XLSXSheetParser(channel: channel, sharedStrings: sharedStrings, styles: styles, uses1904: uses1904)
        guard let parser = XMLParser(contentsOf: url) else {
            done()
            channel.finish(.damagedXLSX("the worksheet cannot be read"))
            return
        }
        parser.shouldProcessNamespaces = true
        parser.delegate = sheet
        _ = parser.parse()
        // Before the last rows are handed over, so that a caller that exits right after reading them
        // leaves no temporary file behind.
        done()
        if sheet.stopped && sheet.failure == nil { return }
        if sheet.failure == nil && !sheet.sawEndOfSheetData {
            sheet.failure = .damagedXLSX("the worksheet ends before its last row")
        }
        if sheet.failure == nil && !sheet.batch.isEmpty && !channel.put(sheet.batch) { return }
        channel.finish(sheet.failure)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard !stopped else { return }
        switch elementName {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = 0
        case "c":
            cellReference = attributes["r"] ?? ""
            column = ColumnName.index(ofReference: cellReference) ?? column
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            text = ""
            inInlineString = false
        case "v": capturing = true
        case "is": inInlineString = true
        case "rPh": phoneticDepth += 1
        case "t": capturing = inInlineString && phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard !stopped else { return }
        switch elementName {
        case "v", "t": capturing = false
        case "rPh": phoneticDepth -= 1
        case "c":
            guard let value = cellText(parser) else { return }
            while cells.count <= column { cells.append("") }
            cells[column] = value
            column += 1
        case "row":
            guard !cells.isEmpty else { return }
            batch.append(SpreadsheetRow(number: rowNumber, fields: cells))
            if batch.count >= XLSXRowChannel.batchSize {
                if !channel.put(batch) { stop(parser) }
                batch = []
                batch.reserveCapacity(XLSXRowChannel.batchSize)
            }
        case "sheetData": sawEndOfSheetData = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard !stopped else { return }
        fail(parser, .damagedXLSX("the worksheet is not well-formed XML (line \(parser.lineNumber))"))
    }

    private func cellText(_ parser: XMLParser) -> String? {
        switch cellType {
        case "s":
            guard let index = Int(text.trimmingWhitespace()), sharedStrings.indices.contains(index) else {
                fail(parser, .damagedXLSX("cell \(cellReference) refers to shared string '\(text)', which does not exist"))
                return nil
            }
            return sharedStrings[index]
        case "b":
            return text == "1" ? "TRUE" : text == "0" ? "FALSE" : text
        case "inlineStr", "str", "e":
            return text
        case "d":
            // An ISO 8601 date (strict Open XML); keep the day.
            return text.count >= 10 && CalendarDate(iso: text.prefix(10)) != nil ? String(text.prefix(10)) : text
        default:
            if text.isEmpty { return "" }
            if styles.isDate(style: cellStyle), let date = XLSXCellText.date(serial: text, uses1904: uses1904) {
                return date
            }
            return XLSXCellText.number(text)
        }
    }

    private func fail(_ parser: XMLParser, _ error: ImportFileError) {
        if failure == nil { failure = error }
        stop(parser)
    }

    private func stop(_ parser: XMLParser) {
        stopped = true
        parser.abortParsing()
    }
}
