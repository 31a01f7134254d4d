public import LindungCore

/// Who a bill is owed by. Each employer's month yields up to three bills: the employer's own (employer
/// and worker shares, or the participants' shares a collective collects), the region's (what an
/// agreement makes a regional government pay), and the central government's JKP share.
public enum Debtor: Sendable, Hashable, CustomStringConvertible {
    case employer(npp: String)
    case region(code: String)
    case government
    /// A BPU participant paying their own months ahead.
    case participant(nik: String)

    public var kind: String {
        switch self {
        case .employer: "employer"
        case .region: "region"
        case .government: "government"
        case .participant: "participant"
        }
    }

    /// NPP, region code, `central`, or NIK.
    public var key: String {
        switch self {
        case .employer(let npp): npp
        case .region(let code): code
        case .government: "central"
        case .participant(let nik): nik
        }
    }

    public init?(kind: String, key: String) {
        switch kind {
        case "employer": self = .employer(npp: key)
        case "region": self = .region(code: key)
        case "government": self = .government
        case "participant": self = .participant(nik: key)
        default: return nil
        }
    }

    public var description: String { "\(kind) \(key)" }
}

public enum BillKind: String, Sendable, CaseIterable {
    /// The month's bill, issued once by the first billing run that covers the employer.
    case regular
    /// A correction found by a later run (late registration, a wage reported late): the difference,
    /// referencing the regular bill. Negative when less is owed (a credit note).
    case adjustment
    /// A BPU month paid ahead by the participant or the sponsoring region.
    case prepaid
}

/// One amount on a bill: a program and the payer inside the debtor (employer or worker share, …).
public struct BillLine: Sendable, Equatable {
    public let program: Program
    public let payer: Payer
    public let amount: Rupiah

    public init(program: Program, payer: Payer, amount: Rupiah) {
        self.program = program
        self.payer = payer
        self.amount = amount
    }
}

/// An issued bill. Never changed once written (the schema refuses updates); what is paid on it is
/// recorded as allocations of payments.
public struct Bill: Sendable, Equatable {
    public let id: Int64
    public let number: String
    public let employerNPP: String
    public let employerName: String
    public let month: YearMonth
    public let debtor: Debtor
    public let kind: BillKind
    public let adjustsBillID: Int64?
    public let issuedOn: CalendarDate
    public let dueDate: CalendarDate
    public let workers: Int
    public let lines: [BillLine]
    /// The JKP allocation by fund (ruling 2), shown beside the lines and not part of the total.
    public let jkpFromJKK: Rupiah
    public let jkpFromJKM: Rupiah
    public let contribution: Rupiah
    /// Late fines from earlier bills of the same debtor, carried onto this one (ruling 5).
    public let fine: Rupiah
    public let total: Rupiah
    /// What allocations have paid so far (not part of the bill itself).
    public let paid: Rupiah

    public init(
        id: Int64, number: String, employerNPP: String, employerName: String, month: YearMonth, debtor: Debtor, kind: BillKind,
        adjustsBillID: Int64?, issuedOn: CalendarDate, dueDate: CalendarDate, workers: Int, lines: [BillLine], jkpFromJKK: Rupiah,
        jkpFromJKM: Rupiah, contribution: Rupiah, fine: Rupiah, total: Rupiah, paid: Rupiah
    ) {
        self.id = id
        self.number = number
        self.employerNPP = employerNPP
        self.employerName = employerName
        self.month = month
        self.debtor = debtor
        self.kind = kind
        self.adjustsBillID = adjustsBillID
        self.issuedOn = issuedOn
        self.dueDate = dueDate
        self.workers = workers
        self.lines = lines
        self.jkpFromJKK = jkpFromJKK
        self.jkpFromJKM = jkpFromJKM
        self.contribution = contribution
        self.fine = fine
        self.total = total
        self.paid = paid
    }

    public var open: Rupiah { total - paid }
}

/// One worker's part of a bill, recomputed from the bill's stored worker snapshot and tariff.
public struct BillWorkerLine: Sendable, Equatable {
    public let spellID: Int64
    public let nik: String
    public let kpj: String
    public let name: String
    public let segment: Segment
    public let base: Rupiah
    public let jpStopped: Bool
    /// The worker's amounts for this bill's debtor only (zero elsewhere).
    public let charge: WorkerCharge
    public let total: Rupiah

    public init(spellID: Int64, nik: String, kpj: String, name: String, segment: Segment, base: Rupiah, jpStopped: Bool, charge: WorkerCharge, total: Rupiah) {
        self.spellID = spellID
        self.nik = nik
        self.kpj = kpj
        self.name = name
        self.segment = segment
        self.base = base
        self.jpStopped = jpStopped
        self.charge = charge
        self.total = total
    }
}

/// What a billing run did.
public struct BillingRunSummary: Sendable, Equatable {
    public let month: YearMonth
    public var employers = 0
    public var workers = 0
    public var regularBills = 0
    public var adjustmentBills = 0
    /// Bills already issued and still right: left as they are.
    public var unchangedBills = 0
    public var contribution: Rupiah = 0
    public var fines: Rupiah = 0
    /// Total of the bills issued by this run, by payer.
    public var byPayer: [Payer: Rupiah] = [:]

    public init(month: YearMonth) {
        self.month = month
    }
}

/// A payment to post: idempotent by `reference` (the bank's or the payment channel's id).
public struct PaymentRequest: Sendable, Equatable {
    public let billID: Int64
    public let amount: Rupiah
    public let paidOn: CalendarDate
    public let reference: String
    public let actor: String

    public init(billID: Int64, amount: Rupiah, paidOn: CalendarDate, reference: String, actor: String) {
        self.billID = billID
        self.amount = amount
        self.paidOn = paidOn
        self.reference = reference
        self.actor = actor
    }
}

/// A posted payment and where its money went.
public struct PaymentReceipt: Sendable, Equatable {
    public struct Allocation: Sendable, Equatable {
        public let billID: Int64
        public let billNumber: String
        public let month: YearMonth
        public let amount: Rupiah
        public let monthsLate: Int
        public let fine: Rupiah

        public init(billID: Int64, billNumber: String, month: YearMonth, amount: Rupiah, monthsLate: Int, fine: Rupiah) {
            self.billID = billID
            self.billNumber = billNumber
            self.month = month
            self.amount = amount
            self.monthsLate = monthsLate
            self.fine = fine
        }
    }

    public let paymentID: Int64
    public let reference: String
    public let debtor: Debtor
    public let amount: Rupiah
    public let paidOn: CalendarDate
    /// False when the reference was already posted: nothing new was recorded.
    public let newlyPosted: Bool
    public let allocations: [Allocation]
    /// The debtor's money not yet allocated to a bill, after this payment.
    public let credit: Rupiah

    public init(
        paymentID: Int64, reference: String, debtor: Debtor, amount: Rupiah, paidOn: CalendarDate, newlyPosted: Bool,
        allocations: [Allocation], credit: Rupiah
    ) {
        self.paymentID = paymentID
        self.reference = reference
        self.debtor = debtor
        self.amount = amount
        self.paidOn = paidOn
        self.newlyPosted = newlyPosted
        self.allocations = allocations
        self.credit = credit
    }
}

/// Unpaid amounts of one debtor (or one region's employers) on a day, by how overdue they are.
public struct ArrearsRow: Sendable, Equatable {
    public let debtor: Debtor
    public let name: String
    public let regionCode: String
    public var buckets: [ArrearsBucket: Rupiah]
    public var oldestDueDate: CalendarDate?

    public init(debtor: Debtor, name: String, regionCode: String, buckets: [ArrearsBucket: Rupiah] = [:], oldestDueDate: CalendarDate? = nil) {
        self.debtor = debtor
        self.name = name
        self.regionCode = regionCode
        self.buckets = buckets
        self.oldestDueDate = oldestDueDate
    }

    public var total: Rupiah { buckets.values.reduce(0, +) }
}

/// A participant's standing on a day, with the spells and bills it rests on.
public struct ParticipantCoverage: Sendable, Equatable {
    public struct SpellStanding: Sendable, Equatable {
        public let spellID: Int64
        public let employerNPP: String
        public let segment: Segment
        public let status: CoverageStatus
        /// The oldest unpaid bill's due date, when one is overdue.
        public let oldestOverdue: CalendarDate?

        public init(spellID: Int64, employerNPP: String, segment: Segment, status: CoverageStatus, oldestOverdue: CalendarDate?) {
            self.spellID = spellID
            self.employerNPP = employerNPP
            self.segment = segment
            self.status = status
            self.oldestOverdue = oldestOverdue
        }
    }

    public let nik: String
    public let on: CalendarDate
    public let status: CoverageStatus
    public let spells: [SpellStanding]

    public init(nik: String, on: CalendarDate, status: CoverageStatus, spells: [SpellStanding]) {
        self.nik = nik
        self.on = on
        self.status = status
        self.spells = spells
    }
}
