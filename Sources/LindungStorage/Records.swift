public import LindungCore

/// A BPJS branch office: a KC (kantor cabang) or a KCP (kantor cabang perintis, under a KC).
public struct BranchOffice: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case kc = "KC", kcp = "KCP" }
    public var code: String
    public var name: String
    public var kind: Kind
    public var parentCode: String?
    /// The regency/city codes this office serves.
    public var regionCodes: [String]

    public init(code: String, name: String, kind: Kind, parentCode: String? = nil, regionCodes: [String]) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.regionCodes = regionCodes
    }
}

public enum EmployerKind: String, Sendable, CaseIterable {
    case company
    /// A regional government agency (OPD), whose non-ASN staff the region pays for.
    case agency
    case constructionProject = "construction_project"
    /// A placement agency (P3MI) for migrant workers.
    case placementAgency = "placement_agency"
}

public enum SizeClass: String, Sendable, CaseIterable { case micro, small, medium, large }

/// Non-civil-servant government staff (non-ASN), by how they are engaged.
public enum NonASNCategory: String, Sendable, CaseIterable { case honorer, thl, ptt }

/// An employer as registered, or as an import row describes it (then `npp` may be nil: generated).
public struct EmployerRecord: Sendable, Equatable {
    public var npp: String?
    public var kind: EmployerKind
    public var name: String
    public var nib: String?
    public var npwp: String?
    /// The regency/city (or province) code where the employer is.
    public var regionCode: String
    /// For an agency: the region government (province or regency/city code) it belongs to.
    public var parentRegionCode: String?
    public var riskClass: Int
    public var sizeClass: SizeClass
    public var branchCode: String?

    public init(
        npp: String?, kind: EmployerKind, name: String, nib: String? = nil, npwp: String? = nil, regionCode: String,
        parentRegionCode: String? = nil, riskClass: Int, sizeClass: SizeClass, branchCode: String? = nil
    ) {
        self.npp = npp
        self.kind = kind
        self.name = name
        self.nib = nib
        self.npwp = npwp
        self.regionCode = regionCode
        self.parentRegionCode = parentRegionCode
        self.riskClass = riskClass
        self.sizeClass = sizeClass
        self.branchCode = branchCode
    }
}

public struct Employer: Sendable, Equatable {
    public let id: Int64
    public let npp: String
    public let record: EmployerRecord

    public init(id: Int64, npp: String, record: EmployerRecord) {
        self.id = id
        self.npp = npp
        self.record = record
    }
}

/// A person as an import row describes them; NIK, birth date and sex were checked against each other.
public struct PersonRecord: Sendable, Equatable {
    public var nik: String
    public var name: String
    public var birthDate: CalendarDate
    public var sex: NIK.Sex
    public var domicileRegion: String

    public init(nik: String, name: String, birthDate: CalendarDate, sex: NIK.Sex, domicileRegion: String) {
        self.nik = nik
        self.name = name
        self.birthDate = birthDate
        self.sex = sex
        self.domicileRegion = domicileRegion
    }
}

/// A registered person with their one participant number (KPJ).
public struct Person: Sendable, Equatable {
    public let id: Int64
    public let kpj: String
    public let record: PersonRecord
    public let registeredOn: CalendarDate

    public init(id: Int64, kpj: String, record: PersonRecord, registeredOn: CalendarDate) {
        self.id = id
        self.kpj = kpj
        self.record = record
        self.registeredOn = registeredOn
    }
}

/// The participant number Lindung issues: 11 characters (the length BPJS forms check), `1` followed by
/// the person's registry id zero-padded to 10 digits. Both backends compute it the same way in SQL.
public enum KPJ {
    public static func make(personID: Int64) -> String {
        let digits = String(personID)
        return "1" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }
}

/// A person's employment with one employer: segment, programs joined, dates and wage history.
public struct Spell: Sendable, Equatable {
    public let id: Int64
    public let employerNPP: String
    public let segment: Segment
    public let programs: [Program]
    public let category: NonASNCategory?
    public let startDate: CalendarDate
    public let endDate: CalendarDate?
    public let exitReason: String?
    /// Wage history, oldest first.
    public let wages: [WageChange]

    public init(id: Int64, employerNPP: String, segment: Segment, programs: [Program], category: NonASNCategory?, startDate: CalendarDate, endDate: CalendarDate?, exitReason: String?, wages: [WageChange]) {
        self.id = id
        self.employerNPP = employerNPP
        self.segment = segment
        self.programs = programs
        self.category = category
        self.startDate = startDate
        self.endDate = endDate
        self.exitReason = exitReason
        self.wages = wages
    }
}

public struct WageChange: Sendable, Equatable {
    public let effectiveFrom: CalendarDate
    public let amount: Rupiah

    public init(effectiveFrom: CalendarDate, amount: Rupiah) {
        self.effectiveFrom = effectiveFrom
        self.amount = amount
    }
}

public struct PersonDetail: Sendable, Equatable {
    public let person: Person
    public let spells: [Spell]

    public init(person: Person, spells: [Spell]) {
        self.person = person
        self.spells = spells
    }
}

/// A worker of an employer on a date, with the wage in force then.
public struct EmployedWorker: Sendable, Equatable {
    public let person: Person
    public let spellID: Int64
    public let segment: Segment
    public let category: NonASNCategory?
    public let startDate: CalendarDate
    public let endDate: CalendarDate?
    public let wage: Rupiah

    public init(person: Person, spellID: Int64, segment: Segment, category: NonASNCategory?, startDate: CalendarDate, endDate: CalendarDate?, wage: Rupiah) {
        self.person = person
        self.spellID = spellID
        self.segment = segment
        self.category = category
        self.startDate = startDate
        self.endDate = endDate
        self.wage = wage
    }
}

/// A regional government's agreement (MoU or PKS) with BPJS or another counterpart: who pays for which group.
public struct Agreement: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case mou = "MoU", pks = "PKS" }
    /// The group a region pays for under the agreement.
    public enum Group: String, Sendable, CaseIterable {
        case nonASN = "non_asn", vulnerable, electionWorkers = "election_workers"
    }

    public var number: String
    public var kind: Kind
    public var regionCode: String
    public var counterpart: String
    public var group: Group
    public var programs: [Program]
    public var effectiveFrom: CalendarDate
    public var effectiveTo: CalendarDate?

    public init(
        number: String, kind: Kind, regionCode: String, counterpart: String, group: Group, programs: [Program],
        effectiveFrom: CalendarDate, effectiveTo: CalendarDate? = nil
    ) {
        self.number = number
        self.kind = kind
        self.regionCode = regionCode
        self.counterpart = counterpart
        self.group = group
        self.programs = programs
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
    }
}

/// The non-ASN headcount an agency reports on a date, the denominator of its coverage.
public struct NonASNRoster: Sendable, Equatable {
    public var agencyNPP: String
    public var asOf: CalendarDate
    public var headcount: [NonASNCategory: Int]

    public init(agencyNPP: String, asOf: CalendarDate, headcount: [NonASNCategory: Int]) {
        self.agencyNPP = agencyNPP
        self.asOf = asOf
        self.headcount = headcount
    }
}

public struct NonASNStatus: Sendable, Equatable {
    public let agency: Employer
    /// The latest roster on or before the date, if any was reported.
    public let roster: NonASNRoster?
    /// Registered non-ASN with an active spell on the date, by category.
    public let registered: [NonASNCategory: Int]
    public let workers: [EmployedWorker]

    public var rosterTotal: Int { roster?.headcount.values.reduce(0, +) ?? 0 }
    public var registeredTotal: Int { registered.values.reduce(0, +) }

    public init(agency: Employer, roster: NonASNRoster?, registered: [NonASNCategory: Int], workers: [EmployedWorker]) {
        self.agency = agency
        self.roster = roster
        self.registered = registered
        self.workers = workers
    }
}

public enum AuditEntity: String, Sendable, CaseIterable { case person, employer, spell, wage }

/// One change as the append-only audit log holds it: who, when, what, before and after (JSON text).
public struct AuditEntry: Sendable, Equatable {
    public let id: Int64
    /// UTC timestamp, ISO 8601.
    public let at: String
    public let actor: String
    public let entity: AuditEntity
    public let entityKey: String
    public let action: String
    public let before: String?
    public let after: String?

    public init(id: Int64, at: String, actor: String, entity: AuditEntity, entityKey: String, action: String, before: String?, after: String?) {
        self.id = id
        self.at = at
        self.actor = actor
        self.entity = entity
        self.entityKey = entityKey
        self.action = action
        self.before = before
        self.after = after
    }
}

public struct RegistryCounts: Sendable, Equatable {
    public let branchOffices: Int
    public let employers: Int
    public let persons: Int
    public let spells: Int
    public let wages: Int
    public let auditEntries: Int

    public init(branchOffices: Int, employers: Int, persons: Int, spells: Int, wages: Int, auditEntries: Int) {
        self.branchOffices = branchOffices
        self.employers = employers
        self.persons = persons
        self.spells = spells
        self.wages = wages
        self.auditEntries = auditEntries
    }
}
