/// How overdue an unpaid bill is on a day: the buckets an arrears report groups by, and what they mean for
/// the workers the bill covers.
public enum ArrearsBucket: String, Sendable, CaseIterable, Comparable {
    /// Not yet due.
    case current
    /// Overdue by 1 to 3 started months (ruling 5's months of delay).
    case upTo3Months = "1-3_months"
    /// Overdue by more than 3 months: JKK benefits are the employer's to pay first (REGULATIONS.md §4).
    case over3Months = "over_3_months"

    public static func of(dueDate: CalendarDate, on date: CalendarDate) -> ArrearsBucket {
        switch LateFineCalculator.monthsLate(dueDate: dueDate, paidOn: date) {
        case 0: .current
        case 1...3: .upTo3Months
        default: .over3Months
        }
    }

    public static func < (lhs: ArrearsBucket, rhs: ArrearsBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A participant's standing on a day, from the bills that cover them: defined once here and used by
/// billing, coverage and claims alike.
public enum CoverageStatus: String, Sendable, CaseIterable {
    /// Covered: no bill for them is overdue (or, for a BPU participant, the month is paid).
    case active
    /// A bill covering them is overdue by 1 to 3 months: still covered, BPJS pays JKK benefits.
    case inArrears = "in_arrears"
    /// Overdue by more than 3 months: the employer pays JKK benefits first, BPJS once arrears are settled.
    case inArrearsOver3Months = "in_arrears_over_3_months"
    /// No spell covers the day, or a BPU month not paid by its due date.
    case notActive = "not_active"

    /// The status given the most overdue unpaid bill among those covering the participant.
    public static func from(worstBucket: ArrearsBucket?) -> CoverageStatus {
        switch worstBucket {
        case nil, .current: .active
        case .upTo3Months: .inArrears
        case .over3Months: .inArrearsOver3Months
        }
    }
}
