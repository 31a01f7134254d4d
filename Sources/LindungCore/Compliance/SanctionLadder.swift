/// A step of the administrative sanctions of PP 86/2013, per employer and finding.
public enum SanctionStage: String, Sendable, CaseIterable, Codable, Comparable {
    /// First written warning: 10 working days to cure.
    case warning1 = "warning_1"
    /// Second written warning: another 10 working days.
    case warning2 = "warning_2"
    /// A fine of 0.1 % of the contributions owed for each month, for up to 30 days after the second warning.
    case fine
    /// BPJS asks the central or regional government to deny public services (Permenaker 4/2018).
    case denialRequested = "denial_requested"
    /// The finding was cured: the ladder stops.
    case resolved

    public static func < (lhs: SanctionStage, rhs: SanctionStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var rule: ComplianceRule {
        switch self {
        case .warning1:
            ComplianceRule(
                code: "sanction.\(rawValue)", regulation: "PP 86/2013 (teguran tertulis pertama)",
                statement: "First written warning, to be cured within 10 working days.")
        case .warning2:
            ComplianceRule(
                code: "sanction.\(rawValue)", regulation: "PP 86/2013 (teguran tertulis kedua)",
                statement: "Second written warning, to be cured within 10 working days.")
        case .fine:
            ComplianceRule(
                code: "sanction.\(rawValue)", regulation: "PP 86/2013 (denda)",
                statement: "A fine of 0.1 % of the contributions owed for each month, for at most 30 days.")
        case .denialRequested:
            ComplianceRule(
                code: "sanction.\(rawValue)", regulation: "PP 86/2013 (tidak mendapat pelayanan publik tertentu); Permenaker 4/2018",
                statement: "BPJS asks the government to deny the employer public services (permits, tenders, IMB).")
        case .resolved:
            ComplianceRule(code: "sanction.\(rawValue)", regulation: "PP 86/2013", statement: "The finding was cured.")
        }
    }
}

/// Where a finding stands on the ladder: the stage, the day it was entered and the day it runs out.
public struct SanctionPosition: Sendable, Hashable {
    public let stage: SanctionStage
    public let enteredOn: CalendarDate
    /// The last day to cure before the next step; nil for the terminal stages.
    public let dueOn: CalendarDate?

    public init(stage: SanctionStage, enteredOn: CalendarDate, dueOn: CalendarDate?) {
        self.stage = stage
        self.enteredOn = enteredOn
        self.dueOn = dueOn
    }
}

/// The sanction ladder as a state machine: warning 1 → warning 2 → fine → request to deny public services,
/// and `resolved` from any stage once the finding is cured. Deadlines count working days (Monday to Friday,
/// not a national holiday; collective leave counts as a working day, as for due dates, ruling 5).
public struct SanctionLadder: Sendable {
    /// Working days each warning gives (PP 86/2013).
    public static let warningWorkingDays = 10
    /// Calendar days the fine runs at most (PP 86/2013: "paling lama 30 hari").
    public static let fineDays = 30
    /// 0.1 % of the contributions owed, for each month (PP 86/2013).
    public static let fineRate = Rate(micropercent: 100_000)

    let calendar: HolidayCalendar

    public init(calendar: HolidayCalendar) {
        self.calendar = calendar
    }

    /// The first step for a finding opened on `date`: the first written warning.
    public func start(on date: CalendarDate) -> SanctionPosition {
        SanctionPosition(stage: .warning1, enteredOn: date, dueOn: addingWorkingDays(Self.warningWorkingDays, to: date))
    }

    /// The next step once `position` has run out: entered the day after its deadline. Nil when the stage is
    /// terminal or not yet due on `date`.
    public func next(after position: SanctionPosition, on date: CalendarDate) -> SanctionPosition? {
        guard let due = position.dueOn, date > due else { return nil }
        let entered = due.adding(days: 1)
        switch position.stage {
        case .warning1:
            return SanctionPosition(stage: .warning2, enteredOn: entered, dueOn: addingWorkingDays(Self.warningWorkingDays, to: entered))
        case .warning2:
            return SanctionPosition(stage: .fine, enteredOn: entered, dueOn: entered.adding(days: Self.fineDays - 1))
        case .fine:
            return SanctionPosition(stage: .denialRequested, enteredOn: entered, dueOn: nil)
        case .denialRequested, .resolved:
            return nil
        }
    }

    /// Every step due by `date`, in order (a finding not looked at for weeks may pass several).
    public func steps(from position: SanctionPosition, through date: CalendarDate) -> [SanctionPosition] {
        var steps: [SanctionPosition] = []
        var current = position
        while let step = next(after: current, on: date) {
            steps.append(step)
            current = step
        }
        return steps
    }

    /// Cured on `date`: the ladder stops wherever it stood.
    public func resolve(on date: CalendarDate) -> SanctionPosition {
        SanctionPosition(stage: .resolved, enteredOn: date, dueOn: nil)
    }

    /// The fine for the contributions owed: 0.1 % a month, rounded half-up (ruling 1); the fine stage lasts
    /// at most 30 days, so it is one month's fine.
    public static func fine(owed: Rupiah) -> Rupiah {
        Money.apply(fineRate, to: max(owed, 0))
    }

    /// The `count`-th working day after `date` (the day of the letter itself does not count).
    public func addingWorkingDays(_ count: Int, to date: CalendarDate) -> CalendarDate {
        var day = date
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if calendar.isWorkingDay(day) { left -= 1 }
        }
        return day
    }
}
