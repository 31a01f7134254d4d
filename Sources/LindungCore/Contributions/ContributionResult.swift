/// Where part of a program's contribution goes when a fund is financed by another (the JKP
/// "recomposition", ruling 2): shown beside the bill, never added to it.
public struct FundAllocation: Sendable, Equatable {
    /// The fund that receives the amount (JKP).
    public let fund: Program
    /// The program whose contribution it comes out of (JKK or JKM).
    public let source: Program
    public let base: Rupiah
    public let rate: Rate
    public let amount: Rupiah
    public let regulation: String
}

/// A month's contribution for one participant: lines per program and payer, and totals by payer.
public struct ContributionResult: Sendable, Equatable {
    public let segment: Segment
    public let month: YearMonth
    public let lines: [ContributionLine]
    public let allocations: [FundAllocation]
    /// Facts that change what is billed (JP stopped at pension age, a relief month).
    public let notes: [String]

    /// Sum of rounded lines owed by one payer (ruling 1: totals are sums of rounded lines).
    public func total(for payer: Payer) -> Rupiah {
        lines.filter { $0.payer == payer }.reduce(0) { $0 + $1.amount }
    }

    public var total: Rupiah { lines.reduce(0) { $0 + $1.amount } }
}
