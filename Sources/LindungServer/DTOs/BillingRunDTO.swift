import LindungCore
public import LindungStorage

/// A billing run's summary as `lindung bill --json` prints it (docs/cli.md).
public struct BillingRunDTO: Encodable, Sendable {
    let month: String
    let employers: Int
    let workers: Int
    let regular_bills: Int
    let adjustment_bills: Int
    let unchanged_bills: Int
    let contribution: Int64
    let fines: Int64
    let by_payer: [String: Int64]

    public init(_ summary: BillingRunSummary) {
        month = summary.month.description
        employers = summary.employers
        workers = summary.workers
        regular_bills = summary.regularBills
        adjustment_bills = summary.adjustmentBills
        unchanged_bills = summary.unchangedBills
        contribution = summary.contribution
        fines = summary.fines
        by_payer = Dictionary(uniqueKeysWithValues: summary.byPayer.map { ($0.key.rawValue, $0.value) })
    }
}

/// `POST /api/v1/billing-runs`: the month, optionally one employer and the issue date (default today).
struct BillingRunInput: Decodable, Sendable {
    let month: String
    let employer: String?
    let issued_on: String?
}
