public import LindungCore

/// Benefits paid to participants of a region over a period, by program and payer (the quarterly report's
/// "benefits paid" table, issue 7, from issue 8's claims). One grouped query per call on both backends.
public protocol BenefitTotalsStore: Sendable {
    /// Claims paid (their `pay` step dated from `from` through `through`) to persons whose domicile is in
    /// `region` (`00`: all; a province: every code starting with it), totalled by claim type and payer.
    func benefitsPaid(from: CalendarDate, through: CalendarDate, region: String) async throws -> [BenefitPaidTotal]
}

/// One program's paid claims in a period: how many and how much, and who paid (BPJS, or the employer for an
/// accident while over three months in arrears).
public struct BenefitPaidTotal: Sendable, Equatable {
    /// The claim type as stored: `jkk`, `jkm`, `jht`, `jp`, `jkp`.
    public let type: String
    /// `bpjs` or `employer`.
    public let payer: String
    public let claims: Int
    public let amount: Rupiah

    public init(type: String, payer: String, claims: Int, amount: Rupiah) {
        self.type = type
        self.payer = payer
        self.claims = claims
        self.amount = amount
    }
}
