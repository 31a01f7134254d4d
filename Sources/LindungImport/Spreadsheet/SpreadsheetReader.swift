/// Reads a CSV or XLSX file as a stream of rows, from a synchronous loop:
///
/// ```swift
/// let reader = try SpreadsheetReader(path: "pekerja.xlsx")
/// let header = try reader.header()
/// while let row = try reader.nextRow() { ... }
/// ```
///
/// Memory stays flat however long the file is: CSV is parsed from 1 MiB chunks, XLSX row by row from the
/// worksheet XML. The rules shared by both formats live here: the first non-blank row is the header;
/// blank rows are skipped (but keep their numbers); short rows are padded; a row with non-empty fields
/// past the header's last column is an error. Not `Sendable`: one reader belongs to one loop.
public final class SpreadsheetReader: TabularSource {
    public let path: String
    /// Chosen by content: a ZIP archive ("PK\u{3}\u{4}") is XLSX, anything else is read as CSV.
    public let format: SpreadsheetFormat

    private enum Source {
        case csv(CSVRecordReader)
        case xlsx(XLSXRowSource)
    }

    private let source: Source
    private var headerFields: [String]?
    private var headerNumber = 1

    public init(path: String) throws(ImportFileError) {
        self.path = path
        let looksLikeXLSX = path.lowercased().hasSuffix(".xlsx")
        switch try FileSniffer.sniff(path: path) {
        case .empty:
            throw looksLikeXLSX ? .damagedXLSX("the file is empty (0 bytes)") : ImportFileError(reason: "the file is empty")
        case .zip:
            format = .xlsx
            source = .xlsx(try XLSXRowSource(path: path))
        case .text:
            format = .csv
            source = .csv(try CSVRecordReader(path: path))
        }
    }

    /// The spreadsheet row number of the header (1 unless blank rows come first).
    public var headerRowNumber: Int { headerNumber }

    public func header() throws(ImportFileError) -> [String] {
        if let headerFields { return headerFields }
        guard let first = try nextNonBlankRecord() else {
            throw ImportFileError(reason: "the file has no header row")
        }
        var names = first.fields.map { $0.trimmingWhitespace() }
        while names.last?.isEmpty == true { names.removeLast() }
        try Self.checkDistinct(names, row: first.number)
        headerFields = names
        headerNumber = first.number
        return names
    }

    public func nextRow() throws(ImportFileError) -> SpreadsheetRow? {
        let width = try header().count
        guard let record = try nextNonBlankRecord() else { return nil }
        var fields = record.fields
        if fields.count > width {
            if let extra = fields[width...].firstIndex(where: { !$0.isBlank }) {
                throw ImportFileError(
                    row: record.number,
                    reason: "the row has a value in column \(ColumnName.letters(extra)) but the header has only \(width) columns")
            }
            fields.removeSubrange(width...)
        } else if fields.count < width {
            fields.reserveCapacity(width)
            for _ in fields.count..<width { fields.append("") }
        }
        return SpreadsheetRow(number: record.number, fields: fields)
    }

    private func nextNonBlankRecord() throws(ImportFileError) -> SpreadsheetRow? {
        while true {
            let record: SpreadsheetRow?
            switch source {
            case .csv(let csv): record = try csv.nextRecord()
            case .xlsx(let xlsx): record = try xlsx.nextRecord()
            }
            guard let record else { return nil }
            if record.fields.contains(where: { !$0.isBlank }) { return record }
        }
    }

    private static func checkDistinct(_ names: [String], row: Int) throws(ImportFileError) {
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            let key = name.lowercased()
            if let earlier = seen[key] {
                throw ImportFileError(
                    row: row, column: name,
                    reason: "the header names this column twice (columns \(ColumnName.letters(earlier)) and \(ColumnName.letters(index)))")
            }
            seen[key] = index
        }
    }
}

/// Spreadsheet column letters: 0 → "A", 25 → "Z", 26 → "AA".
enum ColumnName {
    static func letters(_ index: Int) -> String {
        var n = index + 1
        var scalars: [Character] = []
        while n > 0 {
            let rem = (n - 1) % 26
            scalars.append(Character(Unicode.Scalar(UInt8(65 + rem))))
            n = (n - 1) / 26
        }
        return String(scalars.reversed())
    }

    /// The zero-based column of a cell reference such as "C5" or "AA10"; nil without letters.
    static func index(ofReference reference: String) -> Int? {
        var column = 0
        var sawLetter = false
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): column = column * 26 + Int(byte - 64)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): column = column * 26 + Int(byte - 96)
            case UInt8(ascii: "$"): continue
            default:
                return sawLetter ? column - 1 : nil
            }
            sawLetter = true
        }
        return sawLetter ? column - 1 : nil
    }
}

extension String {
    /// True for "" and for text made only of whitespace.
    var isBlank: Bool {
        if isEmpty { return true }
        // Fast path: most cells start with a visible ASCII character.
        if let first = utf8.first, first > 0x20, first < 0x80 { return false }
        return allSatisfy(\.isWhitespace)
    }

    func trimmingWhitespace() -> String {
        // Fast path: nothing to trim when both ends are visible ASCII (nearly every cell).
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
