/// The five programs, and the combined JKK+JKM package migrant workers pay.
public enum Program: String, Sendable, CaseIterable {
    case jkk = "JKK", jkm = "JKM", jht = "JHT", jp = "JP", jkp = "JKP"
    case jkkJkm = "JKK+JKM"
}

/// Who owes a line: the employer, the worker (deducted from wages), the central government (its JKP
/// share), a participant paying for themselves (BPU, PMI), or a regional government paying under an
/// agreement (MoU/PKS) for its non-ASN staff and the vulnerable workers it sponsors. The calculators never
/// name the region: billing moves lines to it when an agreement covers the worker.
public enum Payer: String, Sendable, CaseIterable {
    case employer, worker, government, participant, region
}

/// The participant segments (see docs/GLOSSARY.md).
public enum Segment: String, Sendable, CaseIterable {
    case pu, bpu, jakon, pmi
}

/// One amount owed: one program, one payer, its base and rate (or flat amount), and the regulation.
public struct ContributionLine: Sendable, Equatable {
    public let program: Program
    public let payer: Payer
    /// The amount the rate applies to (capped wage, bracket base, contract slice); nil for flat amounts.
    public let base: Rupiah?
    /// The rate charged, relief included; nil for flat amounts.
    public let rate: Rate?
    /// The unit price of a flat amount (per month or per package); nil for rated lines.
    public let flatAmount: Rupiah?
    /// How many flat units the line holds (months beyond a PMI package); 1 otherwise.
    public let quantity: Int
    /// Rounded half-up to whole rupiah (ruling 1).
    public let amount: Rupiah
    public let regulation: String
    /// Why the line is what it is, when that is not obvious (a cap, a relief period, a tier).
    public let note: String?

    static func rated(
        _ program: Program, _ payer: Payer, base: Rupiah, rate: Ruled<Rate>, relief: Ruled<Rate>? = nil, note: String? = nil
    ) -> ContributionLine {
        let amount = relief.map { Money.apply(rate.value, and: $0.value, to: base) } ?? Money.apply(rate.value, to: base)
        return ContributionLine(
            program: program, payer: payer, base: base, rate: relief.map { rate.value.scaled(by: $0.value) } ?? rate.value,
            flatAmount: nil, quantity: 1, amount: amount, regulation: Self.cite(rate.regulation, relief),
            note: relief == nil ? note : Self.reliefNote(relief!, note))
    }

    static func flat(
        _ program: Program, _ payer: Payer, amount: Ruled<Rupiah>, quantity: Int = 1, relief: Ruled<Rate>? = nil,
        note: String? = nil
    ) -> ContributionLine {
        let unit = relief.map { Money.apply($0.value, to: amount.value) } ?? amount.value
        return ContributionLine(
            program: program, payer: payer, base: nil, rate: nil, flatAmount: unit, quantity: quantity,
            amount: unit * Rupiah(quantity), regulation: Self.cite(amount.regulation, relief),
            note: relief == nil ? note : Self.reliefNote(relief!, note))
    }

    private static func cite(_ regulation: String, _ relief: Ruled<Rate>?) -> String {
        relief.map { "\(regulation); \($0.regulation)" } ?? regulation
    }

    private static func reliefNote(_ relief: Ruled<Rate>, _ note: String?) -> String {
        let text = "relief: charged at \(relief.value)% of the normal amount"
        return note.map { "\($0); \(text)" } ?? text
    }
}
