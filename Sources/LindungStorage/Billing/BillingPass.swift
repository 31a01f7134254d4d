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
    public fileprivate(set) var segments: Set<Segment> = []

    init(employer: BillingEmployer) {
        self.employer = employer
    }
}

/// The streaming billing pass shared by both backends: the backend runs one query over the month's active
/// spells (ascending spell id) and feeds each row to `add`; the pass computes each worker's charge with the
/// month's tariff, packs the worker into the employer's snapshot, and sums per debtor. Nothing here reads
/// or writes storage, so the arithmetic is the same on SQLite and PostgreSQL.
public struct BillingPass: Sendable {
    public let request: BillingRequest
    let employers: [Int64: BillingEmployer]
    /// BPU spells whose month was paid ahead (`BillKind.prepaid`): not billed again.
    let prepaid: Set<Int64>
    public private(set) var months: [Int64: EmployerMonth] = [:]

    public init(request: BillingRequest, employers: [BillingEmployer], prepaidSpells: Set<Int64>) {
        self.request = request
        self.employers = Dictionary(uniqueKeysWithValues: employers.map { ($0.id, $0) })
        self.prepaid = prepaidSpells
    }

    /// Adds one spell; a row without a wage, or a prepaid BPU month, is left out.
    public mutating func add(_ row: BillingWorkerRow) throws(DomainError) {
        guard let employer = employers[row.employerID] else { return }
        let tariff = request.tariff
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
        if let paying = employer.payingRegion {
            switch paying.group {
            case .nonASN: regionPays = row.isNonASN
            case .vulnerable: regionPays = row.segment == .bpu
            case .electionWorkers: regionPays = true
            }
        }
        let basis = WorkerBasis(
            spellID: row.spellID, segment: row.segment, programs: row.programs, base: base,
            jpStopped: row.segment == .pu && row.programs.includes(.jp) && row.pastPensionAge, regionPays: regionPays)
        let charge = tariff.charge(basis, riskClass: employer.riskClass, regionPrograms: employer.payingRegion?.programs ?? [])
        // Mutated in place through the dictionary's default subscript: taking the month out and putting it
        // back would copy its snapshot bytes on every row.
        Self.record(basis, charge, into: &months[row.employerID, default: EmployerMonth(employer: employer)])
    }

    private static func record(_ basis: WorkerBasis, _ charge: WorkerCharge, into month: inout EmployerMonth) {
        month.snapshot.append(basis)
        month.workers += 1
        month.segments.insert(basis.segment)
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
