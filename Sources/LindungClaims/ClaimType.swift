public import LindungCore

/// The benefit a claim asks for (issue 8).
public enum ClaimType: String, Sendable, CaseIterable, Codable {
    /// Death not from a work accident (PP 44/2015 as amended by PP 82/2019).
    case jkm
    /// Work accident or occupational disease (PP 44/2015, PP 82/2019).
    case jkk
    /// Old-age savings (PP 46/2015, PP 60/2015; payout Permenaker 4/2022).
    case jht
    /// Job loss (PP 37/2021, PP 6/2025).
    case jkp
    /// Pension lump sum at pension age with fewer than 15 years (PP 45/2015).
    case jp
}

/// What exactly is claimed: the type and the facts of the event that only that type needs.
public enum ClaimBenefit: Sendable, Equatable {
    case jkm
    case jkk(JKKClaim)
    case jht(JHTClaim)
    case jkp
    case jp

    public var type: ClaimType {
        switch self {
        case .jkm: .jkm
        case .jkk: .jkk
        case .jht: .jht
        case .jkp: .jkp
        case .jp: .jp
        }
    }
}

/// The stages of a work-accident case (PP 82/2019): the report itself, treatment costs, wage replacement
/// while unable to work (STMB), permanent disability, or death.
public enum JKKClaim: Sendable, Equatable {
    /// The accident report (tahap I): no cash, it opens the case.
    case report
    /// Treatment costs as invoiced (no cost cap under PP 82/2019).
    case treatment(cost: Rupiah)
    /// Wage replacement for the months off work (ruling 7).
    case stmb(monthsOff: Int)
    /// Permanent disability: total when `partialPercent` is nil.
    case disability(partialPercent: Rate?)
    case death

    public var name: String {
        switch self {
        case .report: "report"
        case .treatment: "treatment"
        case .stmb: "stmb"
        case .disability: "disability"
        case .death: "death"
        }
    }
}

/// Why the JHT balance is claimed (PP 46/2015, Permenaker 4/2022).
public enum JHTClaim: Sendable, Equatable {
    /// All of it, after leaving work and the waiting month.
    case leftWork
    /// All of it, at pension age.
    case pensionAge
    /// Part of it (10 % for retirement preparation, 30 % for housing), once, after 10 years of membership.
    case partial(percent: Rate)
}
