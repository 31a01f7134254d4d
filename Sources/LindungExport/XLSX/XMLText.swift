/// Text made safe for XML 1.0 element content and attribute values.
enum XMLText {
    /// Escapes `&`, `<`, `>` and `"`, writes CR as `&#13;` (a parser would turn a literal CR into LF),
    /// and drops the characters XML 1.0 cannot carry at all: C0 controls other than tab, LF and CR, and
    /// U+FFFE/U+FFFF. (Swift strings hold no lone surrogates, the only other excluded code points.)
    static func escape(_ text: String) -> String {
        // Fast path: most cells need nothing.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF })
        else { return text }
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\r": escaped += "&#13;"
            case "\t", "\n": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// True when the text starts or ends with whitespace, which `<t>` keeps only with `xml:space`.
    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first.properties.isWhitespace || last.properties.isWhitespace
    }
}
