public import LindungCore

/// The value of one exported cell. Money is `.integer` (whole rupiah); identifiers such as a NIK are
/// `.text`, so no spreadsheet turns them into numbers and rounds their last digits.
public enum Cell: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case date(CalendarDate)
    case empty
}

extension Cell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) {
        self = .text(value)
    }

    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension Cell {
    /// The cell as plain text: integers without grouping, dates as `YYYY-MM-DD`, empty as "".
    public var plainText: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .date(let date): date.iso
        case .empty: ""
        }
    }
}
