public import LindungCore

/// The claim rules that `parameters.csv` does not hold (it carries the benefit amounts): waiting periods,
/// thresholds and windows, each with its effective period and regulation, so a later text replaces a value
/// without a code change. `standard` is what the sources give (REGULATIONS.md §3, §4); a test or an
/// operator can pass other rows.
public struct ClaimRules: Sendable {
    public struct Row: Sendable {
        public let key: String
        public let value: Int64
        public let regulation: String
        public let period: EffectivePeriod

        public init(key: String, value: Int64, regulation: String, from: CalendarDate, to: CalendarDate? = nil) {
            self.key = key
            self.value = value
            self.regulation = regulation
            self.period = EffectivePeriod(start: from, end: to)
        }
    }

    public let rows: [Row]

    public init(rows: [Row]) {
        self.rows = rows
    }

    /// The value of `key` in force on `date`, with its regulation.
    public func value(_ key: String, on date: CalendarDate) throws(DomainError) -> Ruled<Int64> {
        let matching = rows.filter { $0.key == key }
        guard let row = matching.first(where: { $0.period.contains(date) }) else {
            throw .noRuleInForce(rule: key, date: date, tableStarts: matching.map(\.period.start).min())
        }
        return Ruled(value: row.value, regulation: row.regulation, period: row.period)
    }

    private static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    public static let standard = ClaimRules(rows: [
        // JHT is paid one month after leaving work (Permenaker 4/2022, REGULATIONS.md §3.4).
        Row(key: "jht.waiting_months", value: 1, regulation: "Permenaker 4/2022", from: day("2015-07-01")),
        // Partial JHT after at least 10 years of membership, once: 10 % or 30 % (PP 60/2015).
        Row(key: "jht.partial_min_months", value: 120, regulation: "PP 60/2015", from: day("2015-07-01")),
        Row(key: "jht.partial_retirement_percent", value: 10, regulation: "PP 60/2015", from: day("2015-07-01")),
        Row(key: "jht.partial_housing_percent", value: 30, regulation: "PP 60/2015", from: day("2015-07-01")),
        // More than 3 months of arrears: the employer pays JKK benefits first (REGULATIONS.md §4).
        Row(key: "jkk.employer_pays_after_months", value: 3, regulation: "PP 44/2015; PP 82/2019", from: day("2015-07-01")),
        // JKP claim window after the layoff: 3 months, 6 from PP 6/2025 (in force 7 February 2025).
        Row(key: "jkp.claim_window_months", value: 3, regulation: "PP 37/2021", from: day("2021-02-02"), to: day("2025-02-06")),
        Row(key: "jkp.claim_window_months", value: 6, regulation: "PP 6/2025", from: day("2025-02-07")),
        // JKP: under 54 at registration (PP 37/2021).
        Row(key: "jkp.max_age_at_registration", value: 53, regulation: "PP 37/2021", from: day("2021-02-02")),
        // The work queue flags an open claim (submitted, verified, approved) not paid or rejected within this many
        // working days of its submission. The sources give no service standard for claims: a Lindung convention,
        // replaceable as data when BPJS's own standard is at hand.
        Row(key: "claim.overdue_working_days", value: 5, regulation: "Lindung convention (no service standard in the sources)", from: day("2015-07-01")),
        // The scholarship ends at age 23 (PP 82/2019; Permenaker 5/2021).
        Row(key: "scholarship.end_age", value: 23, regulation: "PP 82/2019; Permenaker 5/2021", from: day("2019-12-02")),
        // School levels start at these ages for the schedule of future payments (TK at 4, SD 6, SMP 12, SMA 15, PT 18).
        Row(key: "scholarship.start_age.TK-SD", value: 4, regulation: "Permenaker 5/2021", from: day("2019-12-02")),
        Row(key: "scholarship.start_age.SMP", value: 12, regulation: "Permenaker 5/2021", from: day("2019-12-02")),
        Row(key: "scholarship.start_age.SMA", value: 15, regulation: "Permenaker 5/2021", from: day("2019-12-02")),
        Row(key: "scholarship.start_age.PT", value: 18, regulation: "Permenaker 5/2021", from: day("2019-12-02")),
    ])
}
