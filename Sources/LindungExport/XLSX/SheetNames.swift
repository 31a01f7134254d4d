/// Sheet names Excel accepts: at most 31 characters, none of `[ ] : * ? / \`, no leading or trailing
/// apostrophe, not blank, not "History" (reserved), and unique ignoring case. Rather than fail an export
/// over a table's name, forbidden characters become "_", long names are cut, and repeats get " (2)", " (3)".
enum SheetNames {
    static let maxLength = 31
    private static let forbidden: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// One valid, distinct name per table, in order.
    static func unique(_ names: [String]) -> [String] {
        var taken: Set<String> = []
        return names.enumerated().map { index, name in
            let base = sanitize(name, fallback: "Sheet\(index + 1)")
            var candidate = base
            var copy = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(copy))"
                candidate = trimmedEnd(cut(base, toUTF16: maxLength - suffix.utf16.count)) + suffix
                copy += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }

    static func sanitize(_ name: String, fallback: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if forbidden.contains(scalar) {
                scalars.append("_")
            } else if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                scalars.append(scalar)
            }
        }
        var text = Substring(String(scalars))
        while let first = text.first, first.isWhitespace || first == "'" { text.removeFirst() }
        let cutText = trimmedEnd(cut(String(text), toUTF16: maxLength))
        if cutText.isEmpty || cutText.lowercased() == "history" { return fallback }
        return cutText
    }

    private static func trimmedEnd(_ text: String) -> String {
        var text = text
        while let last = text.last, last.isWhitespace || last == "'" { text.removeLast() }
        return text
    }

    /// The longest prefix of whole characters within `limit` UTF-16 units (Excel counts in UTF-16).
    private static func cut(_ text: String, toUTF16 limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var result = ""
        var length = 0
        for character in text {
            length += character.utf16.count
            if length > limit { break }
            result.append(character)
        }
        return result
    }
}
