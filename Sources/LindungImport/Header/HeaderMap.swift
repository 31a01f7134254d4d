public import LindungStorage

/// Where each wanted field sits in a header row, found by its Indonesian or English names
/// (`HeaderField.acceptedNames`). Columns that match no wanted field are ignored.
public struct HeaderMap: Sendable {
    /// The header as the file has it.
    public let header: [String]
    private let columns: [HeaderField: Int]
    /// The same pairs as `columns`, searched linearly by `value(_:in:)`: comparing a dozen enum cases is
    /// several times faster than hashing one, and the importer asks ten times per row.
    private let pairs: [(field: HeaderField, index: Int)]

    /// Matches `header` against `fields`; throws (row 1) when a `required` field has no column, listing
    /// every missing one, or when two columns give the same field.
    public init(header: [String], fields: [HeaderField], required: Set<HeaderField>) throws(ImportFileError) {
        self.header = header
        let wanted = Set(fields).union(required)
        var columns: [HeaderField: Int] = [:]
        for (index, text) in header.enumerated() {
            for field in HeaderField.byNormalizedName[HeaderField.normalize(text)] ?? [] where wanted.contains(field) {
                if let earlier = columns[field] {
                    throw ImportFileError(
                        row: 1, column: text,
                        reason: "columns \(ColumnName.letters(earlier)) ('\(header[earlier])') and \(ColumnName.letters(index)) "
                            + "('\(text)') both give \(field.acceptedNames.first ?? field.rawValue); keep one")
                }
                columns[field] = index
            }
        }
        let order = fields + HeaderField.allCases.filter { required.contains($0) && !fields.contains($0) }
        let missing = order.filter { required.contains($0) && columns[$0] == nil }
        if !missing.isEmpty {
            let list = missing.map { field in
                field.acceptedNames.prefix(2).map { "'\($0)'" }.joined(separator: " or ")
            }
            let noun = missing.count == 1 ? "a required column" : "required columns"
            throw ImportFileError(row: 1, reason: "the header lacks \(noun): \(list.joined(separator: ", "))")
        }
        self.columns = columns
        self.pairs = columns.map { (field: $0.key, index: $0.value) }
    }

    /// The zero-based column of `field`, nil when the file has none.
    public func index(of field: HeaderField) -> Int? { columns[field] }

    public func contains(_ field: HeaderField) -> Bool { columns[field] != nil }

    /// The header text of `field`'s column as the file writes it, for messages ("Tgl Lahir").
    public func columnName(of field: HeaderField) -> String? {
        columns[field].map { header[$0] }
    }

    /// The trimmed value of `field` in `row`: nil when the file has no such column, "" when blank.
    public func value(_ field: HeaderField, in row: SpreadsheetRow) -> String? {
        guard let index = pairs.first(where: { $0.field == field })?.index else { return nil }
        guard index < row.fields.count else { return "" }
        return row.fields[index].trimmingWhitespace()
    }

    /// The trimmed value of `field` in `row`, nil when the file has no such column or the cell is blank.
    public func filledValue(_ field: HeaderField, in row: SpreadsheetRow) -> String? {
        guard let text = value(field, in: row), !text.isEmpty else { return nil }
        return text
    }

    /// A row error on `field`: its column as the file writes it (else the field's last accepted name), the
    /// cell's value (unless `value` is given) and the reason. Every file reader reports errors this way.
    public func rowError(_ field: HeaderField, in row: SpreadsheetRow, reason: String, value: String? = nil) -> RowError {
        RowError(
            line: row.number, column: columnName(of: field) ?? field.acceptedNames.last ?? field.rawValue,
            value: value ?? self.value(field, in: row) ?? "", reason: reason)
    }
}
