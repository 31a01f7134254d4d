/// Spreads money over a debtor's open bills, oldest first, and prices the late part (ruling 5).
///
/// Pure: a store reads the debtor's open bills and unspent funds inside its transaction, calls
/// `allocate`, and writes the result. Funds are payments and credit notes (negative adjustment bills),
/// spent in the order given; whatever is left stays as credit for the next bill.
public struct PaymentAllocator: Sendable {
    public struct OpenBill: Sendable, Equatable {
        public let id: Int64
        public let month: YearMonth
        public let dueDate: CalendarDate
        /// The contribution part of the bill (fines carried from earlier bills are not fined again).
        public let contribution: Rupiah
        public let total: Rupiah
        /// What earlier allocations already paid: in total, and toward the contribution part.
        public let paid: Rupiah
        public let paidContribution: Rupiah

        public init(id: Int64, month: YearMonth, dueDate: CalendarDate, contribution: Rupiah, total: Rupiah, paid: Rupiah, paidContribution: Rupiah) {
            self.id = id
            self.month = month
            self.dueDate = dueDate
            self.contribution = contribution
            self.total = total
            self.paid = paid
            self.paidContribution = paidContribution
        }

        public var open: Rupiah { total - paid }
    }

    public enum Source: Sendable, Hashable {
        case payment(Int64)
        case creditNote(Int64)
    }

    public struct Fund: Sendable, Equatable {
        public let source: Source
        /// The day the money counts as paid: the payment date, or the day a credit note was issued.
        public let date: CalendarDate
        public let available: Rupiah

        public init(source: Source, date: CalendarDate, available: Rupiah) {
            self.source = source
            self.date = date
            self.available = available
        }
    }

    public struct Allocation: Sendable, Equatable {
        public let source: Source
        public let billID: Int64
        public let amount: Rupiah
        public let towardContribution: Rupiah
        public let monthsLate: Int
        /// The late fine this allocation incurs, charged on the debtor's next bill.
        public let fine: Rupiah
    }

    let fines: LateFineCalculator

    public init(rules: RuleSet) {
        fines = LateFineCalculator(rules: rules)
    }

    /// Allocations of `funds` to `bills` (oldest month first, then lowest id), each bill's contribution
    /// part before its carried fines.
    public func allocate(bills: [OpenBill], funds: [Fund]) throws(DomainError) -> [Allocation] {
        var allocations: [Allocation] = []
        var remaining = funds.map(\.available)
        var fundIndex = 0
        for bill in bills.filter({ $0.open > 0 }).sorted(by: { ($0.month, $0.id) < ($1.month, $1.id) }) {
            var open = bill.open
            var contributionOpen = max(0, bill.contribution - bill.paidContribution)
            while open > 0 && fundIndex < funds.count {
                let amount = min(open, remaining[fundIndex])
                if amount > 0 {
                    let fund = funds[fundIndex]
                    let toward = min(amount, contributionOpen)
                    let fine = try fines.fine(amount: toward, dueDate: bill.dueDate, paidOn: fund.date, billingMonth: bill.month)
                    allocations.append(
                        Allocation(
                            source: fund.source, billID: bill.id, amount: amount, towardContribution: toward, monthsLate: fine.monthsLate,
                            fine: fine.fine))
                    open -= amount
                    contributionOpen -= toward
                    remaining[fundIndex] -= amount
                }
                if remaining[fundIndex] == 0 { fundIndex += 1 }
            }
        }
        return allocations
    }
}
