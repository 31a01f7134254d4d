/// Small helpers for writing SVG by hand: escaped text and coordinates with one decimal (deterministic,
/// locale-free, and short enough that a province map stays a few tens of kilobytes).
enum SVGText {
    /// Escapes text for XML content and attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `12.345` → `12.3`, `-0.04` → `0`, `7.0` → `7`: one decimal, a point, no trailing zero.
    static func number(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded(.toNearestOrAwayFromZero))
        if tenths % 10 == 0 { return String(tenths / 10) }
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    /// Whole-number (tenths) coordinates as integers, for comparing rounded points cheaply.
    static func tenths(_ value: Double) -> Int64 { Int64((value * 10).rounded(.toNearestOrAwayFromZero)) }

    static func fromTenths(_ tenths: Int64) -> String {
        if tenths % 10 == 0 { return String(tenths / 10) }
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    /// "Nice" axis ticks from 0 to at least `maximum`: steps of 1, 2 or 5 × 10^n, about `count` of them.
    static func ticks(maximum: Double, count: Int = 5) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        let rough = maximum / Double(count)
        var power: Double = 1
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? power * 10
        var ticks: [Double] = []
        var value: Double = 0
        while value < maximum + step * 0.5 {
            ticks.append(value)
            if value >= maximum { break }
            value += step
        }
        return ticks
    }
}
