import LindungStorage
import PostgresNIO

/// One employer column's value, to compare a stored row with an import row, bind only the changed columns,
/// and write the audit's before/after JSON (as SQLite's store does with GRDB's `DatabaseValue`).
enum ColumnValue: Equatable {
    case null
    case int(Int64)
    case text(String)

    init(_ text: String?) { self = text.map(ColumnValue.text) ?? .null }
    init(_ number: Int64?) { self = number.map(ColumnValue.int) ?? .null }

    /// Reads an integer or text cell (the employer table has no other kinds).
    init(_ cell: PostgresCell) throws {
        if cell.bytes == nil {
            self = .null
        } else if [.int2, .int4, .int8].contains(cell.dataType) {
            self = .int(try cell.decode(Int64.self))
        } else {
            self = .text(try cell.decode(String.self))
        }
    }

    func bind(_ binds: inout PostgresBindings) {
        switch self {
        case .null: binds.appendNull()
        case .int(let number): binds.append(number)
        case .text(let text): binds.append(text)
        }
    }

    /// A JSON object of column values for the audit log, keys in the given order.
    static func json(_ pairs: [(String, ColumnValue)]) -> String {
        AuditJSON.object(
            pairs.map { key, value in
                switch value {
                case .null: (key, .null)
                case .int(let number): (key, .int(number))
                case .text(let text): (key, .text(text))
                }
            })
    }
}
