/// A percentage held exactly as millionths of a percent (0.24 % = 240,000).
///
/// Rates in the regulations have at most four decimals of a percent (PP 49/2020's Jakon 0.0021 %); six
/// leave room without ever needing floating point.
public struct Rate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Millionths of a percent.
    public let micropercent: Int64

    /// Units per whole (100 %): 100 × 1,000,000.
    static let scale: Int128 = 100_000_000

    public init(micropercent: Int64) {
        self.micropercent = micropercent
    }

    /// Parses a percentage written in decimal (`"0.24"`, `"3.7"`, `"100"`); nil when malformed, negative
    /// or more precise than a millionth of a percent.
    public init?(percent text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0,
            !parts[0].contains("+"), !parts[0].contains("-")
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCII), let value = Int64(digits),
                value >= 0, !digits.contains("+")
            else { return nil }
            fraction = value * Int64(Rate.pow10(6 - digits.count))
        }
        self.micropercent = whole * 1_000_000 + fraction
    }

    public static func percent(_ whole: Int64) -> Rate { Rate(micropercent: whole * 1_000_000) }

    /// The percentage as a decimal string without trailing zeros: `0.24`, `3.7`, `100`.
    public var description: String {
        let whole = micropercent / 1_000_000
        var fraction = String(micropercent % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
    }

    /// The percentage as a `Double`, for JSON output only (never for arithmetic).
    public var percentValue: Double { Double(micropercent) / 1_000_000 }

    /// This rate scaled by another (0.24 % at 1 % of normal = 0.0024 %), exact when representable.
    public func scaled(by factor: Rate) -> Rate {
        Rate(micropercent: Int64(Int128(micropercent) * Int128(factor.micropercent) / 100_000_000))
    }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.micropercent < rhs.micropercent }

    private static func pow10(_ n: Int) -> Int {
        (0..<n).reduce(1) { result, _ in result * 10 }
    }
}
