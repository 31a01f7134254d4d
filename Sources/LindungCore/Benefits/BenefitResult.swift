/// One part of a benefit: a lump sum, a funeral allowance, one period of wage replacement.
public struct BenefitComponent: Sendable, Equatable {
    /// A stable machine name (`lump_sum`, `funeral`, `stmb_full`).
    public let name: String
    public let description: String
    public let amount: Rupiah
    public let regulation: String
}

/// A benefit's cash components, their total, and a scholarship where the benefit carries one.
public struct BenefitResult: Sendable, Equatable {
    public let benefit: String
    public let eventDate: CalendarDate
    public let components: [BenefitComponent]
    public let scholarship: ScholarshipEntitlement?
    public let notes: [String]

    public var total: Rupiah { components.reduce(0) { $0 + $1.amount } }
}

/// The education benefit for a deceased participant's children: whether it is due, for how many
/// children, and the yearly schedule per child by school level.
public struct ScholarshipEntitlement: Sendable, Equatable {
    public struct Level: Sendable, Equatable {
        public let level: String
        public let amountPerYear: Rupiah
        public let maxYears: Int
        public var maxAmount: Rupiah { amountPerYear * Rupiah(maxYears) }
    }

    public let eligible: Bool
    /// Why it is (not) due, e.g. "48 contribution months, at least 36 needed".
    public let reason: String
    public let maxChildren: Int
    public let schedule: [Level]
    public let regulation: String

    /// The most one child can receive over the whole schedule.
    public var maxPerChild: Rupiah { schedule.reduce(0) { $0 + $1.maxAmount } }
    public var maxTotal: Rupiah { eligible ? maxPerChild * Rupiah(maxChildren) : 0 }
}
