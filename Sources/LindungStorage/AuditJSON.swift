/// The JSON objects the audit log stores as `before` and `after`, written the same way by every backend.
public enum AuditJSON {
    /// A value of one audited column.
    public enum Value: Sendable, Equatable {
        case null
        case int(Int64)
        case text(String)
    }

    /// A JSON object of column values, keys in the given order.
    public static func object(_ pairs: [(String, Value)]) -> String {
        let members = pairs.map { key, value in
            let rendered: String
            switch value {
            case .null: rendered = "null"
            case .int(let number): rendered = String(number)
            case .text(let text): rendered = string(text)
            }
            return "\(string(key)):\(rendered)"
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A JSON string literal (RFC 8259 escapes).
    public static func string(_ text: String) -> String {
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
