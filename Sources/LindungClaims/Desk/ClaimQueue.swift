public import LindungCore
public import LindungStorage

/// The branch officer's work queue: open claims oldest first, each flagged when it has waited longer than
/// `claim.overdue_working_days` (ClaimRules) working days since its submission.
public enum ClaimQueue {
    /// The statuses still waiting for an officer.
    public static let open: [ClaimStatus] = [.submitted, .verified, .approved]

    /// Working days (no weekend, no national holiday in `holidays`) from the day after submission through `today`.
    public static func waitingDays(_ claim: ClaimRecord, today: CalendarDate, holidays: HolidayCalendar?) -> Int {
        guard var day = CalendarDate(iso: String(claim.submittedAt.prefix(10))) else { return 0 }
        var count = 0
        while day < today {
            day = day.adding(days: 1)
            if holidays.map({ $0.isWorkingDay(day) }) ?? !day.isWeekend { count += 1 }
        }
        return count
    }

    public static func isOverdue(
        _ claim: ClaimRecord, today: CalendarDate, holidays: HolidayCalendar?, rules: ClaimRules = .standard
    ) -> Bool {
        guard let status = ClaimStatus(rawValue: claim.status), open.contains(status),
            let limit = try? rules.value("claim.overdue_working_days", on: today).value
        else { return false }
        return waitingDays(claim, today: today, holidays: holidays) > Int(limit)
    }
}
