import Testing

@testable import LindungCore

private func day(_ iso: String) -> CalendarDate {
    CalendarDate(iso: iso)!
}

/// Late fines (ruling 5: 2 % of the unpaid contribution per started month of delay after the due date;
/// ruling 14: 0.5 % for the PP 49/2020 relief months; ruling 1: rounded half-up to whole rupiah).
@Suite("Late fines")
struct FineTests {
    let calculator: LateFineCalculator

    init() throws {
        calculator = LateFineCalculator(rules: try RuleSet())
    }

    // MARK: - Counting months of delay

    @Test(
        "Started months of delay for a 15 February due date",
        arguments: [
            ("2025-02-14", 0), ("2025-02-15", 0),
            ("2025-02-16", 1), ("2025-03-01", 1), ("2025-03-15", 1),
            ("2025-03-16", 2), ("2025-04-15", 2),
            ("2025-04-16", 3),
        ])
    func monthsLateFebruary(paid: String, months: Int) {
        // Ruling 5: due 15 Feb, paid 16 Feb-15 Mar = 1 month; 16 Mar-15 Apr = 2 months.
        #expect(LateFineCalculator.monthsLate(dueDate: day("2025-02-15"), paidOn: day(paid)) == months)
    }

    @Test("Months of delay across a year end")
    func monthsLateAcrossYear() {
        // Ruling 5: due 15 Dec 2024, paid 16 Jan 2025 → the second started month.
        #expect(LateFineCalculator.monthsLate(dueDate: day("2024-12-15"), paidOn: day("2025-01-15")) == 1)
        #expect(LateFineCalculator.monthsLate(dueDate: day("2024-12-15"), paidOn: day("2025-01-16")) == 2)
        #expect(LateFineCalculator.monthsLate(dueDate: day("2024-12-15"), paidOn: day("2025-12-15")) == 12)
        #expect(LateFineCalculator.monthsLate(dueDate: day("2024-12-15"), paidOn: day("2025-12-16")) == 13)
    }

    @Test("Months of delay from an end-of-month due date (30 September)")
    func monthsLateEndOfMonth() {
        // Ruling 5/14: due 30 Sep 2020 (relief PU 2020-08); paid 30 Oct = 1 month, 31 Oct = 2 months.
        #expect(LateFineCalculator.monthsLate(dueDate: day("2020-09-30"), paidOn: day("2020-10-30")) == 1)
        #expect(LateFineCalculator.monthsLate(dueDate: day("2020-09-30"), paidOn: day("2020-10-31")) == 2)
    }

    // MARK: - Ruling 5: 2 % per month

    @Test("477,000 due 15 May 2025 paid 10 July 2025 → 2 months × 2 % = 19,080")
    func twoMonths() throws {
        // Ruling 5: paid 16 Jun-15 Jul is the second started month; 477,000 × 4 % = 19,080.
        let fine = try calculator.fine(amount: 477_000, dueDate: day("2025-05-15"), paidOn: day("2025-07-10"))
        #expect(fine.monthsLate == 2)
        #expect(fine.monthlyRate == Rate.percent(2))
        #expect(fine.fine == 19_080)
        #expect(fine.amount == 477_000)
        #expect(fine.dueDate == day("2025-05-15"))
        #expect(fine.paidOn == day("2025-07-10"))
        #expect(!fine.regulation.isEmpty)
    }

    @Test("Paid on the due date → no fine")
    func onTime() throws {
        // Ruling 5: a month of delay starts after the due date.
        let fine = try calculator.fine(amount: 477_000, dueDate: day("2025-05-15"), paidOn: day("2025-05-15"))
        #expect(fine.monthsLate == 0)
        #expect(fine.fine == 0)
    }

    @Test("Paid before the due date → no fine")
    func early() throws {
        // Ruling 5.
        let fine = try calculator.fine(amount: 477_000, dueDate: day("2025-05-15"), paidOn: day("2025-05-02"))
        #expect(fine.fine == 0)
    }

    @Test("Paid the day after the due date → 1 month (9,540)")
    func oneDayLate() throws {
        // Ruling 5: any started month; 477,000 × 2 % = 9,540.
        let fine = try calculator.fine(amount: 477_000, dueDate: day("2025-05-15"), paidOn: day("2025-05-16"))
        #expect(fine.monthsLate == 1)
        #expect(fine.fine == 9_540)
    }

    @Test("Paid one month after the due date, same day → still 1 month")
    func exactlyOneMonth() throws {
        // Ruling 5: due 15 May, paid 16 May-15 Jun = 1 month.
        let fine = try calculator.fine(amount: 477_000, dueDate: day("2025-05-15"), paidOn: day("2025-06-15"))
        #expect(fine.monthsLate == 1)
        #expect(fine.fine == 9_540)
    }

    @Test("Paid one month and a day after → 2 months")
    func oneMonthAndADay() throws {
        // Ruling 5: 16 Jun starts the second month.
        let fine = try calculator.fine(amount: 477_000, dueDate: day("2025-05-15"), paidOn: day("2025-06-16"))
        #expect(fine.monthsLate == 2)
        #expect(fine.fine == 19_080)
    }

    @Test("A zero amount has a zero fine")
    func zeroAmount() throws {
        // Ruling 5: 2 % of nothing.
        let fine = try calculator.fine(amount: 0, dueDate: day("2025-05-15"), paidOn: day("2025-09-01"))
        #expect(fine.fine == 0)
    }

    // MARK: - Ruling 1: half-up rounding

    @Test("A fine of exactly .5 rupiah rounds up")
    func roundsHalfUp() throws {
        // Ruling 1 (rounding half-up) applied to ruling 5: 477,025 × 2 % = 9,540.5 → 9,541.
        let fine = try calculator.fine(amount: 477_025, dueDate: day("2025-05-15"), paidOn: day("2025-05-20"))
        #expect(fine.fine == 9_541)
    }

    @Test("A fine below .5 rupiah rounds down")
    func roundsBelowHalfDown() throws {
        // Ruling 1: 477,024 × 2 % = 9,540.48 → 9,540.
        let fine = try calculator.fine(amount: 477_024, dueDate: day("2025-05-15"), paidOn: day("2025-05-20"))
        #expect(fine.fine == 9_540)
    }

    @Test("The fine is rounded once, not per month")
    func roundedOnce() throws {
        // Ruling 5 × ruling 1: 3 months of 2 % on 1,025 = 6 % = 61.5 → 62 (per-month rounding would give 21 × 3 = 63).
        let fine = try calculator.fine(amount: 1_025, dueDate: day("2025-05-15"), paidOn: day("2025-08-01"))
        #expect(fine.monthsLate == 3)
        #expect(fine.fine == 62)
    }

    // MARK: - Ruling 14: 0.5 % for the relief months

    @Test("Relief billing month 2020-09 (due 30 Oct 2020), billing month given → 0.5 % a month")
    func reliefExplicit() throws {
        // Ruling 14: the late fine for August 2020-January 2021 is 0.5 % a month.
        // Paid 1 Dec 2020: after 30 Nov (due + 1 month) → 2 months → 1 % of 1,000,000 = 10,000.
        let fine = try calculator.fine(
            amount: 1_000_000, dueDate: day("2020-10-30"), paidOn: day("2020-12-01"),
            billingMonth: YearMonth(year: 2020, month: 9))
        #expect(fine.monthsLate == 2)
        #expect(fine.monthlyRate == Rate(percent: "0.5"))
        #expect(fine.fine == 10_000)
        #expect(fine.regulation.contains("49/2020"))
    }

    @Test("Relief billing month inferred from the due date (30 Oct 2020 → 2020-09) → 0.5 %")
    func reliefInferred() throws {
        // Ruling 14: with no billing month the calculator takes the month before the due date's month.
        let fine = try calculator.fine(amount: 1_000_000, dueDate: day("2020-10-30"), paidOn: day("2020-11-02"))
        #expect(fine.monthsLate == 1)
        #expect(fine.monthlyRate == Rate(percent: "0.5"))
        #expect(fine.fine == 5_000)
    }

    @Test("Relief fine rounds half-up too")
    func reliefRounding() throws {
        // Ruling 14 + ruling 1: 100 × 0.5 % = 0.5 → 1.
        let fine = try calculator.fine(
            amount: 100, dueDate: day("2020-10-30"), paidOn: day("2020-10-31"), billingMonth: YearMonth(year: 2020, month: 9))
        #expect(fine.fine == 1)
    }

    @Test("Relief PU 2021-01 whose due date moved to 1 March 2021 needs its billing month")
    func reliefMovedDueDateNeedsBillingMonth() throws {
        // Ruling 14: PU 2021-01 falls due on 2021-03-01 (Sunday 28 Feb moved); its fine rate is 0.5 %.
        // docs/rulings.md §5: with no billing month the calculator assumes the month before the due date's
        // month (here 2021-02, 2 %), so the caller must pass 2021-01.
        let explicit = try calculator.fine(
            amount: 1_000_000, dueDate: day("2021-03-01"), paidOn: day("2021-03-02"),
            billingMonth: YearMonth(year: 2021, month: 1))
        #expect(explicit.monthlyRate == Rate(percent: "0.5"))
        #expect(explicit.fine == 5_000)
        let inferred = try calculator.fine(amount: 1_000_000, dueDate: day("2021-03-01"), paidOn: day("2021-03-02"))
        #expect(inferred.monthlyRate == Rate.percent(2))
    }

    @Test("The months before and after the relief pay 2 %")
    func aroundRelief() throws {
        // Ruling 14 covers billing months 2020-08 to 2021-01; 2020-07 and 2021-02 are at 2 % (ruling 5).
        let july = try calculator.fine(
            amount: 1_000_000, dueDate: day("2020-08-18"), paidOn: day("2020-08-19"),
            billingMonth: YearMonth(year: 2020, month: 7))
        #expect(july.monthlyRate == Rate.percent(2))
        let august = try calculator.fine(
            amount: 1_000_000, dueDate: day("2020-09-30"), paidOn: day("2020-10-01"),
            billingMonth: YearMonth(year: 2020, month: 8))
        #expect(august.monthlyRate == Rate(percent: "0.5"))
        let january = try calculator.fine(
            amount: 1_000_000, dueDate: day("2021-03-01"), paidOn: day("2021-03-02"),
            billingMonth: YearMonth(year: 2021, month: 1))
        #expect(january.monthlyRate == Rate(percent: "0.5"))
        let february = try calculator.fine(
            amount: 1_000_000, dueDate: day("2021-03-15"), paidOn: day("2021-03-16"),
            billingMonth: YearMonth(year: 2021, month: 2))
        #expect(february.monthlyRate == Rate.percent(2))
        #expect(february.fine == 20_000)
    }

    // MARK: - Refusals

    @Test("A negative amount is refused")
    func negativeAmount() throws {
        // Ruling 5: the fine is on an unpaid contribution, which cannot be negative.
        let error = #expect(throws: DomainError.self) {
            try calculator.fine(amount: -1, dueDate: day("2025-05-15"), paidOn: day("2025-07-10"))
        }
        guard case .invalidInput(let field, let value, let reason) = error else {
            Issue.record("expected invalidInput, got \(String(describing: error))")
            return
        }
        #expect(field == "amount")
        #expect(value == "-1")
        #expect(reason.contains("negative"))
    }
}
