public import LindungCore

/// Billing, payments and arrears, as intents; each method one transaction. Implemented by both backends
/// over the same schema (migration 0005) and held to the same contract tests.
public protocol BillingStore: Sendable {
    /// Issues the month's bills (all employers with active spells, or one), set-based in one streaming pass;
    /// re-running issues only adjustment bills for what changed, and nothing when nothing did.
    func issueBills(_ request: BillingRequest) async throws -> BillingRunSummary
    func bill(id: Int64) async throws -> Bill?
    /// Bills of a month, optionally of one employer, ordered by id.
    func bills(month: YearMonth, employerNPP: String?) async throws -> [Bill]
    /// The bill's workers, recomputed from its snapshot and tariff; for an adjustment, the differences.
    func billWorkers(id: Int64) async throws -> [BillWorkerLine]
    /// Posts a payment against the bill's debtor: oldest open bill first, the rest kept as credit; the
    /// same reference posted again returns the first receipt and records nothing.
    func postPayment(_ request: PaymentRequest, rules: RuleSet) async throws -> PaymentReceipt
    /// A BPU participant (or the sponsoring region) pays `months` months ahead from `from`: one prepaid
    /// bill per month, paid at once by the payment `reference`.
    func prepayBPU(_ request: PrepaymentRequest, rules: RuleSet, holidays: HolidayCalendar) async throws -> PaymentReceipt
    /// Unpaid amounts per debtor on a day, by how overdue they are.
    func arrears(on date: CalendarDate) async throws -> [ArrearsRow]
    /// The `limit` employers of a region (its code as a prefix; "00" for the nation) owing the most of their
    /// own bills on a day, largest first (ties by NPP): the quarterly report's arrears table.
    func largestEmployerArrears(on date: CalendarDate, region: String, limit: Int) async throws -> [ArrearsRow]
    /// A participant's standing on a day; nil when the NIK is not registered.
    func coverage(nik: String, on date: CalendarDate) async throws -> ParticipantCoverage?
    /// Sum of all bill totals of a month (regular and adjustments), by payer line.
    func monthTotals(_ month: YearMonth) async throws -> [Payer: Rupiah]
}

/// Months paid ahead by a BPU participant (ruling: 1, 3, 6 or 12 months, Permenaker 5/2021).
public struct PrepaymentRequest: Sendable, Equatable {
    public static let allowedMonths = [1, 3, 6, 12]

    public let nik: String
    public let from: YearMonth
    public let months: Int
    public let paidOn: CalendarDate
    public let reference: String
    public let actor: String

    public init(nik: String, from: YearMonth, months: Int, paidOn: CalendarDate, reference: String, actor: String) {
        self.nik = nik
        self.from = from
        self.months = months
        self.paidOn = paidOn
        self.reference = reference
        self.actor = actor
    }
}

extension BillingStore {
    /// From the full arrears list; a backend may answer it in one query instead (SQLite does).
    public func largestEmployerArrears(on date: CalendarDate, region: String, limit: Int) async throws -> [ArrearsRow] {
        let rows = try await arrears(on: date).filter {
            guard case .employer = $0.debtor else { return false }
            return region == "00" || $0.regionCode.hasPrefix(region)
        }
        return Array(rows.sorted(by: ArrearsRow.largestFirst).prefix(limit))
    }
}

extension ArrearsRow {
    /// The order of `largestEmployerArrears`: the largest total first, ties by debtor key ascending.
    public static func largestFirst(_ a: ArrearsRow, _ b: ArrearsRow) -> Bool { (a.total, b.debtor.key) > (b.total, a.debtor.key) }
}
