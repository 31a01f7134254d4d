/// A CSV file read into memory: header and rows of fields, with the file's row numbers kept for errors.
///
/// Only the core's own small tables pass through here (rules and reference data, a few hundred rows), so a
/// plain RFC 4180 reader is enough: quoted fields, doubled quotes, `\n` or `\r\n` line ends, optional BOM.
struct CSVTable: Sendable {
    struct Row: Sendable {
        /// Row number as a spreadsheet shows it: the header is row 1.
        let number: Int
        let fields: [String]
    }

    let file: String
    let header: [String]
    let rows: [Row]

    init(file: String, text: String, requiredColumns: [String]) throws(DomainError) {
        self.file = file
        var records = CSVTable.parse(text)
        guard !records.isEmpty else { throw .malformedTable(file: file, row: 1, reason: "the file is empty") }
        let header = records.removeFirst().fields.map { $0.trimmingWhitespace() }
        for column in requiredColumns where !header.contains(column) {
            throw .malformedTable(file: file, row: 1, reason: "missing column '\(column)'")
        }
        for record in records where record.fields.count != header.count {
            throw .malformedTable(
                file: file, row: record.number,
                reason: "expected \(header.count) fields as in the header, found \(record.fields.count)")
        }
        self.header = header
        self.rows = records
    }

    /// The value of `column` in `row`, trimmed.
    func value(_ column: String, in row: Row) -> String {
        guard let index = header.firstIndex(of: column) else { return "" }
        return row.fields[index].trimmingWhitespace()
    }

    private static func parse(_ text: String) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRow() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(number: rowStart, fields: fields)) }
            fields = []
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if scalar == "\u{FEFF}" && rows.isEmpty && fields.isEmpty && field.isEmpty { continue }
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",": fields.append(field); field = ""
            case "\r": break
            case "\n":
                endRow()
                line += 1
                rowStart = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
