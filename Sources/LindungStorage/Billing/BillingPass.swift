public import LindungCore

/// What the billing pass needs to know of an employer, read once before the workers stream by.
public struct BillingEmployer: Sendable {
    public let id: Int64
    public let npp: String
    public let riskClass: Int
    /// The region government paying for this employer's covered workers, and the programs its agreement
    /// names: an agency's non-ASN staff, or a collective's vulnerable members (docs/billing.md).
    public let payingRegion: PayingRegion?

    public struct PayingRegion: Sendable {
        public let code: String
        public let programs: ProgramSet
        /// Who the region pays for at this employer.
        public let group: Agreement.Group

        public init(code: String, programs: ProgramSet, group: Agreement.Group) {
            self.code = code
            self.programs = programs
            self.group = group
        }
    }

    public init(id: Int64, npp: String, riskClass: Int, payingRegion: PayingRegion?) {
        self.id = id
        self.npp = npp
        self.riskClass = riskClass
        self.payingRegion = payingRegion
    }
}

/// One active spell as the billing query returns it, already reduced to numbers.
public struct BillingWorkerRow: Sendable {
    public var spellID: Int64
    public var employerID: Int64
    public var segment: Segment
    public var programs: ProgramSet
    public var isNonASN: Bool
    /// The wage (or BPU declared income) in force at the end of the month; nil when none was reported.
    public var wage: Rupiah?
    /// The worker is at or past the pension age on the month's first day (`BillingTariff.jpLastBirthDate`).
    public var pastPensionAge: Bool
    /// For a migrant worker's placement starting this month: its first and last day.
    public var placement: (start: CalendarDate, end: CalendarDate?)?

    public init(
        spellID: Int64, employerID: Int64, segment: Segment, programs: ProgramSet, isNonASN: Bool, wage: Rupiah?, pastPensionAge: Bool,
        placement: (start: CalendarDate, end: CalendarDate?)? = nil
    ) {
        self.spellID = spellID
        self.employerID = employerID
        self.segment = segment
        self.programs = programs
        self.isNonASN = isNonASN
        self.wage = wage
        self.pastPensionAge = pastPensionAge
        self.placement = placement
    }
}

/// One employer's month as the pass builds it: the packed worker snapshot and the sums per debtor.
public struct EmployerMonth: Sendable {
    public let employer: BillingEmployer
    public fileprivate(set) var snapshot = WorkerSnapshotCodec.Writer()
    public fileprivate(set) var workers = 0
    /// The charges summed by debtor part: `.employer` holds employer, worker and participant amounts.
    public fileprivate(set) var employerPart = WorkerCharge()
    public fileprivate(set) var regionPart = WorkerCharge()
    public fileprivate(set) var governmentPart = WorkerCharge()
    public fileprivate(set) var employerPartWorkers = 0
    public fileprivate(set) var regionPartWorkers = 0
    public fileprivate(set) var governmentPartWorkers = 0
    fileprivate var segmentBits: UInt8 = 0

    /// The segments of the workers billed (they decide the due date).
    public var segments: [Segment] {
        Segment.allCases.enumerated().filter { segmentBits & (1 << $0.offset) != 0 }.map(\.element)
    }

    init(employer: BillingEmployer) {
        self.employer = employer
    }
}

/// The streaming billing pass shared by both backends: the backend runs one query over the month's active
/// spells (ascending spell id) and feeds each row to `add`; the pass computes each worker's charge with the
/// month's tariff, packs the worker into the employer's snapshot, and sums per debtor. Nothing here reads
/// or writes storage, so the arithmetic is the same on SQLite and PostgreSQL.
///
/// `add` runs millions of times a month, so the employers sit in arrays of plain values looked up through
/// one dictionary (skipped while consecutive rows share an employer, as spells registered together do).
public struct BillingPass {
    public let request: BillingRequest
    private let tariff: BillingTariff
    private let employers: [BillingEmployer]
    private let slotByID: [Int64: Int]
    private let riskClasses: [Int]
    private let regionPrograms: [ProgramSet]
    private let regionGroups: [Agreement.Group?]
    /// BPU spells whose month was paid ahead (`BillKind.prepaid`): not billed again.
    private let prepaid: Set<Int64>
    /// Boxed so that each row mutates its employer's month in place: a month copied out of an array and
    /// written back would copy its snapshot bytes, once per row.
    private final class MonthBox {
        var month: EmployerMonth
        init(_ month: EmployerMonth) { self.month = month }
    }
    private var slots: [MonthBox?]
    private var lastEmployerID: Int64 = -1
    private var lastSlot = -1

    public init(request: BillingRequest, employers: [BillingEmployer], prepaidSpells: Set<Int64>) {
        self.request = request
        tariff = request.tariff
        self.employers = employers
        slotByID = Dictionary(employers.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        riskClasses = employers.map(\.riskClass)
        regionPrograms = employers.map { $0.payingRegion?.programs ?? [] }
        regionGroups = employers.map { $0.payingRegion?.group }
        prepaid = prepaidSpells
        slots = Array(repeating: nil, count: employers.count)
    }

    /// The months built so far, by employer id. Built on each access (O(employers)): read it once.
    public var months: [Int64: EmployerMonth] {
        var result: [Int64: EmployerMonth] = [:]
        for case let box? in slots { result[box.month.employer.id] = box.month }
        return result
    }

    /// The months built so far, in the order the employers were given.
    public var monthsInOrder: [EmployerMonth] {
        slots.compactMap { $0?.month }
    }

    /// Adds one spell; a row without a wage, or a prepaid BPU month, is left out.
    public mutating func add(_ row: BillingWorkerRow) throws(DomainError) {
        let slot: Int
        if row.employerID == lastEmployerID {
            slot = lastSlot
        } else {
            guard let found = slotByID[row.employerID] else { return }
            slot = found
            lastEmployerID = row.employerID
            lastSlot = found
        }
        let base: Rupiah
        switch row.segment {
        case .pu, .jakon:
            guard let wage = row.wage else { return }
            base = wage
        case .bpu:
            guard let income = row.wage, !prepaid.contains(row.spellID) else { return }
            base = try tariff.bpuBase(income: income)
        case .pmi:
            guard let placement = row.placement else { return }
            base = try request.pmiPlacementPrice(contractMonths: BillingRequest.contractMonths(start: placement.start, end: placement.end))
        }
        var regionPays = false
        if let group = regionGroups[slot] {
            switch group {
            case .nonASN: regionPays = row.isNonASN
            case .vulnerable: regionPays = row.segment == .bpu
            case .electionWorkers: regionPays = true
            }
        }
        let basis = WorkerBasis(
            spellID: row.spellID, segment: row.segment, programs: row.programs, base: base,
            jpStopped: row.segment == .pu && row.programs.includes(.jp) && row.pastPensionAge, regionPays: regionPays)
        let charge = tariff.charge(basis, riskClass: riskClasses[slot], regionPrograms: regionPrograms[slot])
        let box: MonthBox
        if let existing = slots[slot] {
            box = existing
        } else {
            box = MonthBox(EmployerMonth(employer: employers[slot]))
            slots[slot] = box
        }
        Self.record(basis, charge, into: &box.month)
    }

    private static func record(_ basis: WorkerBasis, _ charge: WorkerCharge, into month: inout EmployerMonth) {
        month.snapshot.append(basis)
        month.workers += 1
        month.segmentBits |= 1 << UInt8(Segment.allCases.firstIndex(of: basis.segment)!)
        let own = employerPart(of: charge)
        if own.total > 0 {
            month.employerPart += own
            month.employerPartWorkers += 1
        }
        if charge.region.total > 0 {
            month.regionPart.region += charge.region
            month.regionPartWorkers += 1
        }
        if charge.government.total > 0 {
            month.governmentPart += part(of: charge, for: .government)
            month.governmentPartWorkers += 1
        }
    }

    /// The part of a worker's charge the employer's own bill carries: employer, worker and participant
    /// amounts (the employer deducts the worker's share from wages; a collective collects its members').
    public static func employerPart(of charge: WorkerCharge) -> WorkerCharge {
        var part = WorkerCharge()
        part.employer = charge.employer
        part.worker = charge.worker
        part.participant = charge.participant
        return part
    }

    /// The part of a worker's charge that belongs on a bill owed by `debtor`.
    public static func part(of charge: WorkerCharge, for debtor: Debtor) -> WorkerCharge {
        switch debtor {
        case .employer: return employerPart(of: charge)
        case .region:
            var part = WorkerCharge()
            part.region = charge.region
            return part
        case .participant:
            var part = WorkerCharge()
            part.participant = charge.participant
            part.region = charge.region
            return part
        case .government:
            var part = WorkerCharge()
            part.government = charge.government
            part.jkpFromJKK = charge.jkpFromJKK
            part.jkpFromJKM = charge.jkpFromJKM
            return part
        }
    }
}
