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

    /// A JSON object of column values, keys in the given order.
    static func json(_ pairs: [(String, ColumnValue)]) -> String {
        let members = pairs.map { key, value in
            let rendered: String
            switch value {
            case .null: rendered = "null"
            case .int(let number): rendered = String(number)
            case .text(let text): rendered = jsonString(text)
            }
            return "\(jsonString(key)):\(rendered)"
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
