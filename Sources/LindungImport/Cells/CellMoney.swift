/// Reads a rupiah amount typed into a cell, as a whole number of rupiah.
///
/// Accepted: "5000000", "5.000.000" (Indonesian thousands dots), "5,000,000", a "Rp", "Rp." or "IDR"
/// prefix with or without a space, the Indonesian ",-" suffix ("Rp 5.000.000,-"), and zero decimals
/// ("5000000.00", "5.000.000,00", "5,000,000.00"). A single separator followed by exactly three digits
/// after at most three is a thousands separator ("5.000" is 5000). Refused (nil): fractions of a rupiah
/// ("5000000,50"), misplaced separators ("50.00.000"), three decimals after more than three digits
/// ("5000.000": 5000 or a mistyped 5.000.000?), anything else. A leading minus gives a negative
/// amount so that the caller can say it must not be negative.
public enum CellMoney {
    public static func parse(_ text: String) -> Int64? {
        var rest = Substring(text.trimmingWhitespace())
        var negative = false
        if rest.first == "-" {
            negative = true
            rest = rest.dropFirst().drop(while: \.isWhitespace)
        }
        for prefix in ["rp.", "rp", "idr"] where rest.lowercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count).drop(while: \.isWhitespace)
            break
        }
        if !negative, rest.first == "-" {
            negative = true
            rest = rest.dropFirst().drop(while: \.isWhitespace)
        }
        if rest.hasSuffix(",-") || rest.hasSuffix(".-") { rest = rest.dropLast(2) }
        guard let amount = amount(String(rest)) else { return nil }
        return negative ? -amount : amount
    }

    private static func amount(_ text: String) -> Int64? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let dots = text.filter { $0 == "." }.count
        let commas = text.filter { $0 == "," }.count
        switch (dots, commas) {
        case (0, 0):
            return Int64(text)
        case (_, 0) where dots > 1:
            return grouped(text, separator: ".")
        case (0, _) where commas > 1:
            return grouped(text, separator: ",")
        case (1, 0), (0, 1):
            let separator: Character = dots == 1 ? "." : ","
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            let (whole, fraction) = (parts[0], parts[1])
            guard !whole.isEmpty, !fraction.isEmpty else { return nil }
            // Three digits after one separator mean thousands ("5.000"); after more than three whole digits
            // ("5000.000") it could be a mistyped 5.000.000 as well as 5000, so it is refused.
            if fraction.count == 3 { return whole.count <= 3 ? grouped(text, separator: separator) : nil }
            return fraction.allSatisfy({ $0 == "0" }) ? Int64(whole) : nil
        default:
            // Both kinds: the last one is the decimal mark and must appear once, with zero decimals.
            guard let last = text.last(where: { $0 == "." || $0 == "," }) else { return nil }
            let parts = text.split(separator: last, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy({ $0 == "0" }) else { return nil }
            return grouped(String(parts[0]), separator: last == "." ? "," : ".")
        }
    }

    /// Digits in thousands groups: 1–3 digits, then groups of exactly 3.
    private static func grouped(_ text: String, separator: Character) -> Int64? {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy(\.isNumber) })
        else { return nil }
        return Int64(groups.joined())
    }
}
