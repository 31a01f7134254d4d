/// Money is whole rupiah in `Int64`.
///
/// The one rounding rule (REGULATIONS.md ruling 1, docs/rulings.md): each program's amount for one worker
/// and one payer is computed exactly and rounded half-up to whole rupiah; totals are sums of rounded lines.
public typealias Rupiah = Int64

public enum Money {
    /// Rounds `numerator / denominator` half-up to whole rupiah. Both must be non-negative, the
    /// denominator positive; the intermediate product is `Int128`, so it cannot overflow for any
    /// rupiah amount times any rate.
    public static func roundHalfUp(_ numerator: Int128, over denominator: Int128) -> Rupiah {
        precondition(numerator >= 0 && denominator > 0, "money is rounded from non-negative quantities")
        let quotient = (numerator * 2 + denominator) / (denominator * 2)
        return Rupiah(quotient)
    }

    /// `amount` × `rate`, rounded half-up.
    public static func apply(_ rate: Rate, to amount: Rupiah) -> Rupiah {
        // Fast path, same result: when amount × rate × 2 fits in Int64 (every wage times every rate does),
        // the half-up division needs no 128-bit arithmetic. A billing run does this ten times per worker.
        let (product, overflow) = amount.multipliedReportingOverflow(by: rate.micropercent)
        if !overflow && amount >= 0 && product <= Int64.max / 4 {
            let denominator = Int64(Rate.scale)
            return (product * 2 + denominator) / (denominator * 2)
        }
        return roundHalfUp(Int128(amount) * Int128(rate.micropercent), over: Rate.scale)
    }

    /// `amount` × `rate` × `factor` (e.g. a relief factor of 1 %), exact until one final rounding.
    public static func apply(_ rate: Rate, and factor: Rate, to amount: Rupiah) -> Rupiah {
        roundHalfUp(
            Int128(amount) * Int128(rate.micropercent) * Int128(factor.micropercent),
            over: Rate.scale * Rate.scale)
    }

    /// Formats as `Rp1.234.567`, the way Indonesian documents write rupiah.
    public static func format(_ amount: Rupiah) -> String {
        let digits = String(amount.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(character)
        }
        return (amount < 0 ? "-Rp" : "Rp") + grouped
    }
}
