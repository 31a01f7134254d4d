public import LindungCore

/// What moved a JHT balance.
public enum JHTEntryKind: String, Sendable, CaseIterable, Codable {
    /// A paid JHT contribution (employer 3.7 % + worker 2 %, or a BPU's 2 %), credited in the month paid.
    case contribution
    /// The yearly development return, credited on 31 December at the rate the administrator entered.
    case yearReturn = "return"
    /// A JHT claim paid out (full or partial); stored negative.
    case withdrawal
}

/// One line of a person's JHT ledger. The ledger is the person's (NIK), not the employer's: an entry
/// names the employer it came from, but the balance carries over every job change.
public struct JHTLedgerEntry: Sendable, Equatable {
    public let nik: String
    public let date: CalendarDate
    public let kind: JHTEntryKind
    /// Signed: credits positive, withdrawals negative.
    public let amount: Rupiah
    /// The employer (NPP) a contribution came from; nil for returns, withdrawals and BPU participants.
    public let employer: String?
    /// What the entry is for: a bill number, `return:2025`, a claim id. Unique per person and kind.
    public let reference: String

    public init(nik: String, date: CalendarDate, kind: JHTEntryKind, amount: Rupiah, employer: String?, reference: String) {
        self.nik = nik
        self.date = date
        self.kind = kind
        self.amount = amount
        self.employer = employer
        self.reference = reference
    }

    /// The reference a year's return is posted under; its uniqueness makes the posting idempotent.
    public static func returnReference(year: Int) -> String { "return:\(year)" }
}

/// The development return rate for one year, entered by an administrator (data, not code).
public struct JHTReturnRate: Sendable, Equatable {
    public let year: Int
    public let rate: Rate
    public let enteredBy: String

    public init(year: Int, rate: Rate, enteredBy: String) {
        self.year = year
        self.rate = rate
        self.enteredBy = enteredBy
    }
}

/// A statement for a date range: the balance before it, the entries in it, the balance after.
public struct JHTStatement: Sendable, Equatable {
    public let nik: String
    public let from: CalendarDate
    public let to: CalendarDate
    public let opening: Rupiah
    public let entries: [JHTLedgerEntry]
    public var closing: Rupiah { opening + entries.reduce(0) { $0 + $1.amount } }

    public init(nik: String, from: CalendarDate, to: CalendarDate, opening: Rupiah, entries: [JHTLedgerEntry]) {
        self.nik = nik
        self.from = from
        self.to = to
        self.opening = opening
        self.entries = entries
    }
}

/// One person's JHT ledger: the arithmetic the stores repeat in SQL (docs/claims.md).
public struct JHTLedger: Sendable, Equatable {
    public let nik: String
    public private(set) var entries: [JHTLedgerEntry]

    public init(nik: String, entries: [JHTLedgerEntry] = []) {
        self.nik = nik
        self.entries = entries.sorted(by: Self.order)
    }

    static func order(_ a: JHTLedgerEntry, _ b: JHTLedgerEntry) -> Bool {
        (a.date, a.reference) < (b.date, b.reference)
    }

    public func balance(on date: CalendarDate) -> Rupiah {
        entries.lazy.filter { $0.date <= date }.reduce(0) { $0 + $1.amount }
    }

    public func statement(from: CalendarDate, to: CalendarDate) throws(DomainError) -> JHTStatement {
        guard from <= to else { throw .invalidInput(field: "to", value: to.iso, reason: "is before from \(from.iso)") }
        let opening = entries.lazy.filter { $0.date < from }.reduce(0) { $0 + $1.amount }
        return JHTStatement(nik: nik, from: from, to: to, opening: opening, entries: entries.filter { $0.date >= from && $0.date <= to })
    }

    /// Credits a paid contribution; a reference already credited is not credited twice.
    @discardableResult
    public mutating func credit(_ amount: Rupiah, paidOn date: CalendarDate, employer: String?, reference: String) throws(DomainError) -> Bool {
        guard amount > 0 else { throw .invalidInput(field: "amount", value: String(amount), reason: "a JHT credit must be more than zero") }
        return insert(JHTLedgerEntry(nik: nik, date: date, kind: .contribution, amount: amount, employer: employer, reference: reference))
    }

    /// Debits a paid claim; never more than the balance on the day.
    public mutating func withdraw(_ amount: Rupiah, on date: CalendarDate, reference: String) throws(DomainError) {
        guard amount > 0 else { throw .invalidInput(field: "amount", value: String(amount), reason: "a withdrawal must be more than zero") }
        let available = balance(on: date)
        guard amount <= available else {
            throw .invalidInput(field: "amount", value: String(amount), reason: "more than the JHT balance \(Money.format(available)) on \(date.iso)")
        }
        insert(JHTLedgerEntry(nik: nik, date: date, kind: .withdrawal, amount: -amount, employer: nil, reference: reference))
    }

    /// The year's development return: `rate` on the balance weighted by whole months held in the year.
    /// A balance brought into the year earns 12 months; a credit or withdrawal in month m counts from the
    /// month's end, 12 − m months (December's entries earn nothing that year). Rounded half-up once per
    /// person (ruling 1). The SQL posting in both stores computes exactly this.
    public func yearReturn(year: Int, rate: Rate) -> Rupiah {
        let weighted = Self.weightedBalance(entries.filter { !($0.kind == .yearReturn && $0.date.year >= year) }, year: year)
        guard weighted > 0 else { return 0 }
        return Money.roundHalfUp(Int128(weighted) * Int128(rate.micropercent), over: Int128(Rate.percent(100).micropercent) * 12)
    }

    /// Σ amount × months held in `year`, for entries up to 31 December of it.
    static func weightedBalance(_ entries: [JHTLedgerEntry], year: Int) -> Int64 {
        entries.reduce(0) { sum, entry in
            guard entry.date.year <= year else { return sum }
            let months = entry.date.year < year ? 12 : 12 - entry.date.month
            return sum + entry.amount * Int64(months)
        }
    }

    /// Posts the year's return on 31 December, once: a second run finds `return:YEAR` and posts nothing.
    /// Returns the entry posted now, or nil when it was posted before or the return is zero.
    @discardableResult
    public mutating func postYearReturn(_ rate: JHTReturnRate) -> JHTLedgerEntry? {
        let reference = JHTLedgerEntry.returnReference(year: rate.year)
        guard !entries.contains(where: { $0.kind == .yearReturn && $0.reference == reference }) else { return nil }
        let amount = yearReturn(year: rate.year, rate: rate.rate)
        guard amount > 0 else { return nil }
        let entry = JHTLedgerEntry(
            nik: nik, date: CalendarDate(year: rate.year, month: 12, day: 31)!, kind: .yearReturn, amount: amount, employer: nil,
            reference: reference)
        insert(entry)
        return entry
    }

    @discardableResult
    private mutating func insert(_ entry: JHTLedgerEntry) -> Bool {
        guard !entries.contains(where: { $0.kind == entry.kind && $0.reference == entry.reference }) else { return false }
        entries.append(entry)
        entries.sort(by: Self.order)
        return true
    }
}
