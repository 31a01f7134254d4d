/// Numbers the way Indonesian documents write them: `1.234.567`, `12,3%`, `Rp1.234.567` (Money.format).
/// Pure integer arithmetic, no locale: the same text on every machine, so SVG and HTML are deterministic.
public enum NumberFormat {
    /// `5234117` → `5.234.117`.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var text = value < 0 ? "-" : ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(".") }
            text.append(character)
        }
        return text
    }

    public static func grouped(_ value: Int) -> String { grouped(Int64(value)) }

    /// A decimal with `places` digits after a comma: `decimal(12.345, 1)` → `12,3`; thousands grouped.
    public static func decimal(_ value: Double, _ places: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        var scale: Double = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((value.magnitude * scale).rounded(.toNearestOrAwayFromZero))
        let whole = scaled / Int64(scale)
        let fraction = scaled % Int64(scale)
        var text = (value < 0 && scaled != 0 ? "-" : "") + grouped(whole)
        if places > 0 {
            let digits = String(fraction)
            text += "," + String(repeating: "0", count: places - digits.count) + digits
        }
        return text
    }

    /// A ratio as a percentage: `percent(0.1023)` → `10,2%`; nil (no denominator) → `tidak ada data`'s dash.
    public static func percent(_ ratio: Double?, places: Int = 1) -> String {
        guard let ratio, ratio.isFinite else { return "–" }
        return decimal(ratio * 100, places) + "%"
    }

    /// A change in percentage points with its sign: `+1,2 pp`, `-0,4 pp`, `0,0 pp`.
    public static func points(_ change: Double?, places: Int = 1) -> String {
        guard let change, change.isFinite else { return "–" }
        let text = decimal(change * 100, places)
        return (change * 100 >= 0.05 ? "+" : "") + text + " pp"
    }

    /// A signed count change: `+1.204`, `-37`, `0`.
    public static func signed(_ value: Int64) -> String { (value > 0 ? "+" : "") + grouped(value) }

    /// Short axis labels: `1,2 jt`, `350 rb` (Indonesian juta, ribu) or `1.2 M`, `350 k`.
    public static func compact(_ value: Double, english: Bool = false) -> String {
        let magnitude = value.magnitude
        if magnitude >= 1_000_000_000 { return decimal(value / 1_000_000_000, 1) + (english ? " bn" : " M") }
        if magnitude >= 1_000_000 { return decimal(value / 1_000_000, magnitude >= 10_000_000 ? 0 : 1) + (english ? " M" : " jt") }
        if magnitude >= 10_000 { return decimal(value / 1_000, 0) + (english ? " k" : " rb") }
        return grouped(Int64(value.rounded()))
    }
}
