public import LindungCore

/// One business licence as a licensing system (OSS) exports it.
public struct BusinessLicence: Sendable, Equatable {
    public var nib: String
    public var name: String
    public var regionCode: String
    /// The KBLI sector code or name, as given.
    public var sector: String
    /// The headcount the business reported to the licensing system.
    public var headcount: Int64

    public init(nib: String, name: String, regionCode: String, sector: String, headcount: Int64) {
        self.nib = nib
        self.name = name
        self.regionCode = regionCode
        self.sector = sector
        self.headcount = headcount
    }
}

public struct LicenceImportSummary: Sendable, Equatable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public init() {}
}

/// What a scan needs besides the registry: the day, the scope, the minimum wages and the ladder's first step.
public struct ComplianceScanRequest: Sendable {
    public var on: CalendarDate
    /// A regency/city code (4 digits) or a province (2 digits); nil scans everything.
    public var region: String?
    public var minimumWages: MinimumWageTable
    public var ladder: SanctionLadder
    public var actor: String

    public init(on: CalendarDate, region: String?, minimumWages: MinimumWageTable, ladder: SanctionLadder, actor: String) {
        self.on = on
        self.region = region
        self.minimumWages = minimumWages
        self.ladder = ladder
        self.actor = actor
    }

    /// The last due date whose unpaid bill is more than 3 started months overdue on the scan day (ruling 5).
    public var arrearsCutoff: CalendarDate {
        var day = on.adding(months: -(ComplianceRules.arrearsMonths + 2))
        while LateFineCalculator.monthsLate(dueDate: day.adding(days: 1), paidOn: on) > ComplianceRules.arrearsMonths { day = day.adding(days: 1) }
        return day
    }
}

public struct ComplianceScanSummary: Sendable, Equatable {
    /// Findings seen on the day, by kind.
    public var seen: [FindingKind: Int] = [:]
    public var opened = 0
    public var stillOpen = 0
    public var cured = 0
    public init() {}
}

/// A stored finding with its dates and where it stands on the ladder.
public struct StoredFinding: Sendable, Equatable {
    public var id: Int64
    public var kind: FindingKind
    /// NPP, or the NIB of an unregistered business.
    public var subject: String
    public var employerNPP: String?
    public var nib: String?
    public var regionCode: String
    public var evidence: [String: EvidenceValue]
    /// The regulation(s) the finding rests on.
    public var rule: String
    public var openedOn: CalendarDate
    public var curedOn: CalendarDate?
    public var lastSeenOn: CalendarDate
    public var position: SanctionPosition
    public var history: [SanctionStepRecord]

    public init(
        id: Int64, kind: FindingKind, subject: String, employerNPP: String?, nib: String?, regionCode: String, evidence: [String: EvidenceValue],
        rule: String, openedOn: CalendarDate, curedOn: CalendarDate?, lastSeenOn: CalendarDate, position: SanctionPosition,
        history: [SanctionStepRecord] = []
    ) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.employerNPP = employerNPP
        self.nib = nib
        self.regionCode = regionCode
        self.evidence = evidence
        self.rule = rule
        self.openedOn = openedOn
        self.curedOn = curedOn
        self.lastSeenOn = lastSeenOn
        self.position = position
        self.history = history
    }
}

/// One step of a finding's ladder as recorded: when it was entered, its deadline, the fine (fine stage).
public struct SanctionStepRecord: Sendable, Equatable {
    public var findingID: Int64
    public var subject: String
    public var kind: FindingKind
    public var stage: SanctionStage
    public var enteredOn: CalendarDate
    public var dueOn: CalendarDate?
    public var fine: Rupiah?
    public var actor: String

    public init(
        findingID: Int64, subject: String, kind: FindingKind, stage: SanctionStage, enteredOn: CalendarDate, dueOn: CalendarDate?, fine: Rupiah?,
        actor: String
    ) {
        self.findingID = findingID
        self.subject = subject
        self.kind = kind
        self.stage = stage
        self.enteredOn = enteredOn
        self.dueOn = dueOn
        self.fine = fine
        self.actor = actor
    }
}

/// Whether an employer is compliant, as a licensing office needs to know it.
public enum ComplianceStatus: String, Sendable, Codable {
    /// Registered, no open finding.
    case compliant
    /// Registered with at least one open finding.
    case nonCompliant = "non_compliant"
    /// No employer with this NPP or NIB is registered.
    case notRegistered = "not_registered"
}

/// What the store knows about one NPP or NIB.
public struct ComplianceSubject: Sendable, Equatable {
    public var npp: String?
    public var nib: String?
    public var name: String
    public var regionCode: String
    /// The reported headcount on the licence list, when there is a licence.
    public var licenceHeadcount: Int64?
    /// Open findings first, then cured ones, newest first.
    public var findings: [StoredFinding]

    public init(npp: String?, nib: String?, name: String, regionCode: String, licenceHeadcount: Int64?, findings: [StoredFinding]) {
        self.npp = npp
        self.nib = nib
        self.name = name
        self.regionCode = regionCode
        self.licenceHeadcount = licenceHeadcount
        self.findings = findings
    }

    public var openFindings: [StoredFinding] { findings.filter { $0.curedOn == nil } }

    public var status: ComplianceStatus {
        if npp == nil { return .notRegistered }
        return openFindings.isEmpty ? .compliant : .nonCompliant
    }

    /// The furthest ladder stage among the open findings (nil when none is open).
    public var stage: SanctionStage? { openFindings.map(\.position.stage).max() }
}

/// One question a licensing office (or an operator) asked: who, about whom, when, and the answer's status.
public struct ComplianceQueryLogEntry: Sendable, Equatable {
    public var at: String
    public var client: String
    public var identifier: String
    public var status: String
    public var operation: String

    public init(at: String, client: String, identifier: String, status: String, operation: String) {
        self.at = at
        self.client = client
        self.identifier = identifier
        self.status = status
        self.operation = operation
    }
}
