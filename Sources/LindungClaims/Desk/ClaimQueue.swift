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

    /// The first day whose submissions are not overdue today: a claim submitted before it (and still open)
    /// has waited more than `claim.overdue_working_days` working days. Nil when the rule is not in force.
    public static func overdueCutoff(today: CalendarDate, holidays: HolidayCalendar?, rules: ClaimRules = .standard) -> CalendarDate? {
        guard let limit = try? rules.value("claim.overdue_working_days", on: today).value else { return nil }
        var day = today
        var waited = 0
        // Walk back until the days after `day` through today hold more than `limit` working days.
        while waited <= Int(limit) {
            if holidays.map({ $0.isWorkingDay(day) }) ?? !day.isWeekend { waited += 1 }
            day = day.adding(days: -1)
        }
        return day.adding(days: 1)
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
