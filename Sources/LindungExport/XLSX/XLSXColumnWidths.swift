/// Column widths (in characters, Excel's unit) wide enough for the header and the values, so a bill
/// opens readable. Only the first rows are measured, which keeps a million-row export from scanning
/// its text twice.
enum XLSXColumnWidths {
    static let sampledRows = 1000
    static let minimum = 8
    static let maximum = 60

    static func widths(_ table: SheetTable) -> [Int] {
        var widths = table.columns.map { length(.text($0)) + 2 }
        for row in table.rows.prefix(sampledRows) {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], length(cell))
            }
        }
        return widths.map { min(max($0 + 1, minimum), maximum) }
    }

    /// The characters a cell shows: integers with their separators, dates as 10 characters, text by
    /// its longest line.
    private static func length(_ cell: Cell) -> Int {
        switch cell {
        case .text(let text):
            return text.unicodeScalars.split(separator: "\n").map(\.count).max() ?? 0
        case .integer(let value):
            let digits = String(value.magnitude).count
            return digits + (digits - 1) / 3 + (value < 0 ? 1 : 0)
        case .date:
            return 10
        case .empty:
            return 0
        }
    }
}
