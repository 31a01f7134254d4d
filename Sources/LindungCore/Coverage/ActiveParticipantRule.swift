/// Who counts as an **active participant** in a month: the one definition coverage figures, the quarterly
/// report and the dashboards use (docs/coverage.md).
///
/// A participant is active in a month when
/// 1. a spell covers the month (starts on or before its last day and has not ended before its first), and
/// 2. on the month's reference day (its last day) the bills that cover the spell (the employer's own and
///    the region's for that employer, as in the participant's standing, `CoverageStatus`) are paid, or the
///    oldest unpaid one is overdue by at most `allowedArrearsMonths` started months (ruling 5's months of
///    delay), or, for a BPU participant, the month was paid ahead.
///
/// The allowed period is REGULATIONS.md §4: with arrears under 3 months BPJS still pays JKK benefits; beyond
/// 3 months the employer must pay them first, so the worker is no longer covered by the fund. This is the
/// same line `ArrearsBucket` draws (`upTo3Months` still covered, `over3Months` not): active means a standing
/// of `active` or `inArrears`.
public enum ActiveParticipantRule {
    /// Started months of delay after which a participant no longer counts as active (REGULATIONS.md §4).
    public static let allowedArrearsMonths = 3

    /// Whether a participant's standing counts them as active.
    public static func isActive(_ status: CoverageStatus) -> Bool {
        switch status {
        case .active, .inArrears: true
        case .inArrearsOver3Months, .notActive: false
        }
    }

    /// Whether an unpaid bill due on `dueDate` still leaves its workers active on `date`.
    public static func allows(oldestUnpaidDueDate dueDate: CalendarDate, on date: CalendarDate) -> Bool {
        isActive(.from(worstBucket: ArrearsBucket.of(dueDate: dueDate, on: date)))
    }

    /// The earliest due date an unpaid bill may have on `date` and still leave its workers active: a bill due
    /// before it is overdue by more than `allowedArrearsMonths`. Lets a set-based query apply this rule as a
    /// plain comparison (`oldest_unpaid_due >= :cutoff`).
    public static func oldestAllowedDueDate(on date: CalendarDate) -> CalendarDate {
        // Months late only grows as the due date moves back; step back to the last allowed day.
        var candidate = date.adding(months: -(allowedArrearsMonths + 1))
        while !allows(oldestUnpaidDueDate: candidate, on: date) { candidate = candidate.adding(days: 1) }
        while allows(oldestUnpaidDueDate: candidate.adding(days: -1), on: date) { candidate = candidate.adding(days: -1) }
        return candidate
    }

    /// The day a month's figures are taken on: its last day (payments dated on or before it count).
    public static func referenceDate(of month: YearMonth) -> CalendarDate { month.lastDay }
}
