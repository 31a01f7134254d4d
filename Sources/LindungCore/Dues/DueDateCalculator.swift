/// When a month's contribution falls due (ruling 5): PU on the 15th of the following month, BPU on the
/// 15th of the month itself, moved to the next working day when that is a Saturday, a Sunday or a national
/// holiday. PP 49/2020's relief months fall due on the 30th (ruling 14). Collective leave moves nothing.
public struct DueDateCalculator: Sendable {
    public struct DueDate: Sendable, Equatable {
        public let month: YearMonth
        public let segment: Segment
        /// The day the rule names, before moving off weekends and holidays.
        public let nominal: CalendarDate
        public let dueDate: CalendarDate
        /// Why the date moved, one entry per skipped day that was a holiday or weekend.
        public let reasons: [String]
        public let regulation: String
    }

    let rules: RuleSet
    let holidays: HolidayCalendar

    public init(rules: RuleSet, holidays: HolidayCalendar) {
        self.rules = rules
        self.holidays = holidays
    }

    /// The PU month that falls due on `date`, if any: the previous month normally, or the one before that
    /// when a relief due date (the 30th) or a holiday pushed it into the next month (January 2021 fell
    /// due on 1 March 2021).
    public func puMonth(dueOn date: CalendarDate) -> YearMonth? {
        [1, 2].map { date.yearMonth.adding(months: -$0) }.first { month in
            (try? dueDate(segment: .pu, month: month).dueDate) == date
        }
    }

    public func dueDate(segment: Segment, month: YearMonth) throws(DomainError) -> DueDate {
        let key: String
        let dueMonth: YearMonth
        switch segment {
        case .pu, .jakon:
            key = "due.pu_day"
            dueMonth = month.adding(months: 1)
        case .bpu, .pmi:
            key = "due.bpu_day"
            dueMonth = month
        }
        let day = try rules.parameters.whole(key, on: month.firstDay)
        let nominal = CalendarDate(
            year: dueMonth.year, month: dueMonth.month,
            day: min(Int(day.value), CalendarDate.daysIn(year: dueMonth.year, month: dueMonth.month)))!
        var reasons: [String] = []
        if !holidays.years.contains(nominal.year) {
            reasons.append("the holiday calendar covers \(holidays.years.lowerBound)-\(holidays.years.upperBound): only weekends are skipped")
        }
        var date = nominal
        while !holidays.isWorkingDay(date) {
            reasons.append(holidays.holiday(on: date).map { "\(date.iso) is a national holiday (\($0.name))" } ?? "\(date.iso) is a weekend")
            date = date.adding(days: 1)
        }
        return DueDate(month: month, segment: segment, nominal: nominal, dueDate: date, reasons: reasons, regulation: day.regulation)
    }
}
