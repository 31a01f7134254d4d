public import LindungCore

/// What the registry, billing and the JHT ledger know about the participant for one claim, on its
/// event date. The store gathers it (docs/claims.md); the assessor only judges it.
public struct ClaimFacts: Sendable {
    /// Standing on the event date (billing's `CoverageStatus`).
    public var status: CoverageStatus
    public var birthDate: CalendarDate
    /// The wage in force on the event date (JKK, JKP); nil when there is none.
    public var wage: Rupiah?
    /// Months with a paid contribution, ever (JKM scholarship, JP).
    public var contributionMonths: Int
    /// The first day of membership (JHT partial: 10 years).
    public var membershipStart: CalendarDate?
    /// The last day of the last employment (JHT on leaving work; JKP's layoff).
    public var employmentEnded: CalendarDate?
    /// A spell with another employer on the claim date (JHT on leaving work needs none).
    public var workingElsewhere: Bool
    /// JKP: contribution months in the 24 before the layoff and consecutive ones right before it.
    public var jkpRecord: JKPContributionRecord?
    /// Age at JKP registration (the first spell's start).
    public var ageAtRegistration: Int?
    /// The JHT balance on the claim date.
    public var jhtBalance: Rupiah
    /// A partial JHT withdrawal was paid before (allowed once).
    public var partialJHTTaken: Bool
    /// JP: the contributions and their returns on the JP account, paid as the lump sum.
    public var jpAccount: Rupiah

    public init(
        status: CoverageStatus, birthDate: CalendarDate, wage: Rupiah? = nil, contributionMonths: Int = 0,
        membershipStart: CalendarDate? = nil, employmentEnded: CalendarDate? = nil, workingElsewhere: Bool = false,
        jkpRecord: JKPContributionRecord? = nil, ageAtRegistration: Int? = nil, jhtBalance: Rupiah = 0,
        partialJHTTaken: Bool = false, jpAccount: Rupiah = 0
    ) {
        self.status = status
        self.birthDate = birthDate
        self.wage = wage
        self.contributionMonths = contributionMonths
        self.membershipStart = membershipStart
        self.employmentEnded = employmentEnded
        self.workingElsewhere = workingElsewhere
        self.jkpRecord = jkpRecord
        self.ageAtRegistration = ageAtRegistration
        self.jhtBalance = jhtBalance
        self.partialJHTTaken = partialJHTTaken
        self.jpAccount = jpAccount
    }
}

/// Who pays the benefit: BPJS, or the employer first (JKK with more than 3 months of arrears).
public enum ClaimPayer: String, Sendable, Codable {
    case bpjs
    case employer
}

/// A rule the claim fails, with the regulation that sets it.
public struct ClaimRefusal: Sendable, Equatable, CustomStringConvertible {
    public let rule: String
    public let reason: String
    public let regulation: String

    public var description: String { regulation.isEmpty ? reason : "\(reason) (\(regulation))" }
}

/// The assessor's verdict: eligible or the rules failed, who pays, and the amount by LindungCore's
/// calculators (zero when refused).
public struct ClaimAssessment: Sendable, Equatable {
    public let benefit: ClaimBenefit
    public let eventDate: CalendarDate
    public let refusals: [ClaimRefusal]
    public let payer: ClaimPayer
    public let amount: Rupiah
    /// The calculator's breakdown where one applies (JKM, JKK, JKP).
    public let result: BenefitResult?
    public let notes: [String]

    public var eligible: Bool { refusals.isEmpty }
}
