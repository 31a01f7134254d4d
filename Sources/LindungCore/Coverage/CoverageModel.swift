/// The coverage figures of issue 7: who is covered, of how many, how that changed, and against which target.
/// Pure values; the store counts (`CoverageCountRow`), `CoverageCalculator` composes them.

/// One row of the maintained monthly aggregate: the participants domiciled in one region and served by one
/// branch office, in one segment, as they stood on the month's last day. Additive: every participant is
/// counted in exactly one row per segment (`enrolled`, `active`, the programs) and in exactly one row
/// overall (`enrolledPersons`, `activePersons`, their primary segment), so sums over rows never count a
/// person twice.
public struct CoverageCountRow: Sendable, Equatable {
    public let month: YearMonth
    /// The participant's domicile (a regency/city code, or a province code when only that is known).
    public let regionCode: String
    /// The branch office (KC/KCP) of the employer of the participant's spell; nil when none is recorded.
    public let branchCode: String?
    public let segment: Segment
    /// Participants with a spell of this segment covering the month.
    public let enrolled: Int
    /// Of them, active (`ActiveParticipantRule`).
    public let active: Int
    /// Participants counted in this row overall (their primary segment: PU, Jakon, BPU, PMI in that order).
    public let enrolledPersons: Int
    public let activePersons: Int
    /// Active participants of this segment joined to each program.
    public let activeByProgram: [Program: Int]
    /// Active non-ASN government workers (PU spells at an agency with a non-ASN category).
    public let activeNonASN: Int

    public init(
        month: YearMonth, regionCode: String, branchCode: String?, segment: Segment, enrolled: Int, active: Int,
        enrolledPersons: Int, activePersons: Int, activeByProgram: [Program: Int], activeNonASN: Int
    ) {
        self.month = month
        self.regionCode = regionCode
        self.branchCode = branchCode
        self.segment = segment
        self.enrolled = enrolled
        self.active = active
        self.enrolledPersons = enrolledPersons
        self.activePersons = activePersons
        self.activeByProgram = activeByProgram
        self.activeNonASN = activeNonASN
    }
}

/// Participants of a region (or branch), summed from count rows.
public struct ParticipantCounts: Sendable, Equatable {
    /// Distinct participants with a spell covering the month.
    public var enrolled: Int = 0
    /// Distinct active participants (the UCJ numerator).
    public var active: Int = 0
    /// Active participants per segment (a person with spells in two segments counts in both).
    public var activeBySegment: [Segment: Int] = [:]
    /// Enrolled participants per segment.
    public var enrolledBySegment: [Segment: Int] = [:]
    /// Active participants per program (JKK, JKM, JHT, JP, JKP), summed over segments.
    public var activeByProgram: [Program: Int] = [:]
    public var activeNonASN: Int = 0

    public init() {}

    public mutating func add(_ row: CoverageCountRow) {
        enrolled += row.enrolledPersons
        active += row.activePersons
        activeBySegment[row.segment, default: 0] += row.active
        enrolledBySegment[row.segment, default: 0] += row.enrolled
        for (program, count) in row.activeByProgram { activeByProgram[program, default: 0] += count }
        activeNonASN += row.activeNonASN
    }

    public static func sum(_ rows: some Sequence<CoverageCountRow>) -> ParticipantCounts {
        var counts = ParticipantCounts()
        for row in rows { counts.add(row) }
        return counts
    }
}

/// One published workforce figure (BPS Sakernas, August round) for a region, bundled or imported.
public struct WorkforceFigure: Sendable, Equatable {
    public enum Origin: String, Sendable { case bundled, imported }

    public let regionCode: String
    /// The Sakernas round, e.g. 2024-08.
    public let period: YearMonth
    public let workingAgePopulation: Int64?
    public let labourForce: Int64?
    public let employed: Int64?
    public let unemployed: Int64?
    public let formalEmployed: Int64?
    public let informalEmployed: Int64?
    /// Who published it (SOURCES.md §2, or the imported file's `source_publisher`).
    public let source: String
    public let origin: Origin

    public init(
        regionCode: String, period: YearMonth, workingAgePopulation: Int64? = nil, labourForce: Int64? = nil, employed: Int64?,
        unemployed: Int64? = nil, formalEmployed: Int64? = nil, informalEmployed: Int64? = nil, source: String, origin: Origin
    ) {
        self.regionCode = regionCode
        self.period = period
        self.workingAgePopulation = workingAgePopulation
        self.labourForce = labourForce
        self.employed = employed
        self.unemployed = unemployed
        self.formalEmployed = formalEmployed
        self.informalEmployed = informalEmployed
        self.source = source
        self.origin = origin
    }

    public init(bundled figures: LabourForceTable.Figures) {
        self.init(
            regionCode: figures.regionCode, period: figures.period, workingAgePopulation: figures.workingAgePopulation,
            labourForce: figures.labourForce, employed: figures.employed, unemployed: figures.unemployed,
            formalEmployed: figures.formalEmployed, informalEmployed: figures.informalEmployed, source: figures.sourcePublisher,
            origin: .bundled)
    }
}

/// One denominator as used: the number, the Sakernas round it was published for, and who published it.
public struct WorkforceValue: Sendable, Equatable {
    public let persons: Int64
    public let period: YearMonth
    public let source: String
    public let origin: WorkforceFigure.Origin

    public init(persons: Int64, period: YearMonth, source: String, origin: WorkforceFigure.Origin) {
        self.persons = persons
        self.period = period
        self.source = source
        self.origin = origin
    }
}

/// The bundled labour-force table with imported figures over it: an imported row replaces the bundled row of
/// the same region and round. Each denominator is the latest round on or before the month that publishes it.
public struct WorkforceBook: Sendable {
    public let figures: [WorkforceFigure]

    public init(bundled: LabourForceTable, imported: [WorkforceFigure]) {
        var byKey: [String: WorkforceFigure] = [:]
        for figure in bundled.figures { byKey["\(figure.regionCode)|\(figure.period)"] = WorkforceFigure(bundled: figure) }
        for figure in imported { byKey["\(figure.regionCode)|\(figure.period)"] = figure }
        figures = byKey.values.sorted { ($0.regionCode, $0.period) < ($1.regionCode, $1.period) }
    }

    public func latest(_ measure: KeyPath<WorkforceFigure, Int64?>, region code: String, onOrBefore month: YearMonth) -> WorkforceValue? {
        figures.last { $0.regionCode == code && $0.period <= month && $0[keyPath: measure] != nil }
            .map { WorkforceValue(persons: $0[keyPath: measure]!, period: $0.period, source: $0.source, origin: $0.origin) }
    }
}

/// A share of a denominator. Only made when the denominator is known and positive: a region without a
/// workforce figure has no ratio (unknown), never 0 % and never a division by zero.
public struct CoverageRatio: Sendable, Equatable {
    public let numerator: Int
    public let denominator: WorkforceValue
    /// numerator / denominator × 100.
    public let percent: Double

    public init?(numerator: Int, denominator: WorkforceValue?) {
        guard let denominator, denominator.persons > 0 else { return nil }
        self.numerator = numerator
        self.denominator = denominator
        percent = Double(numerator) / Double(denominator.persons) * 100
    }
}

/// Change against an earlier month: nil parts when the earlier month has no figures (never refreshed) or no ratio.
public struct CoverageChange: Sendable, Equatable {
    public let from: YearMonth
    public let previousActive: Int
    public let activeChange: Int
    /// Growth of active participants in percent of the earlier count; nil when that was 0.
    public let activeChangePercent: Double?
    public let previousUCJPercent: Double?
    /// UCJ change in percentage points; nil when either ratio is unknown.
    public let ucjChangePoints: Double?
}

/// A UCJ target (percent of employed persons) for a region and year, as data.
public struct CoverageTarget: Sendable, Equatable {
    public enum Origin: String, Sendable {
        /// Bundled national planning figures (RPJMN, RKP, RPJPN: coverage_targets.csv).
        case bundled
        /// Entered by an administrator for the region (`lindung target set`, PUT /api/v1/coverage/targets).
        case administrator
    }

    public let regionCode: String
    public let year: Int
    public let ucjPercent: Double
    /// The planning document or the administrator who entered it.
    public let source: String
    public let origin: Origin

    public init(regionCode: String, year: Int, ucjPercent: Double, source: String, origin: Origin) {
        self.regionCode = regionCode
        self.year = year
        self.ucjPercent = ucjPercent
        self.source = source
        self.origin = origin
    }

    /// Refuses a percent outside 0–100 or a year outside 2000–2100.
    public static func validated(regionCode: String, year: Int, ucjPercent: Double, source: String) throws(DomainError) -> CoverageTarget {
        guard ucjPercent.isFinite, (0...100).contains(ucjPercent) else {
            throw .invalidInput(field: "ratio", value: String(ucjPercent), reason: "must be a percentage between 0 and 100")
        }
        guard (2000...2100).contains(year) else {
            throw .invalidInput(field: "year", value: String(year), reason: "must be between 2000 and 2100")
        }
        guard regionCode == "00" || [2, 4].contains(regionCode.count), regionCode.allSatisfy(\.isNumber) else {
            throw .invalidInput(field: "region", value: regionCode, reason: "must be 00, a province (2 digits) or a regency/city (4 digits)")
        }
        return CoverageTarget(regionCode: regionCode, year: year, ucjPercent: ucjPercent, source: source, origin: .administrator)
    }
}

/// When the region reaches its target at the recent pace (the UCJ change per quarter over the last year,
/// else over the last quarter). `reachedIn` is nil, and `reason` says why, when it cannot be said.
public struct CoverageProjection: Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// The target is reached already.
        case reached
        /// At the recent pace, in `reachedIn`.
        case onPace = "on_pace"
        /// The pace is flat or falling: at this pace the target is never reached.
        case flatOrFalling = "flat_or_falling"
        /// No UCJ for now or for the earlier quarter (no workforce figure, or no figures then).
        case unknownPace = "unknown_pace"
    }

    public let target: CoverageTarget
    public let currentPercent: Double?
    /// UCJ percentage points gained per quarter.
    public let pacePointsPerQuarter: Double?
    public let reachedIn: Quarter?
    public let reason: Reason

    /// `current` is the UCJ at the end of quarter `now`; `pace` points a quarter.
    public static func project(target: CoverageTarget, current: Double?, pace: Double?, now: Quarter) -> CoverageProjection {
        guard let current else { return .init(target: target, currentPercent: nil, pacePointsPerQuarter: pace, reachedIn: nil, reason: .unknownPace) }
        if current >= target.ucjPercent {
            return .init(target: target, currentPercent: current, pacePointsPerQuarter: pace, reachedIn: now, reason: .reached)
        }
        guard let pace else { return .init(target: target, currentPercent: current, pacePointsPerQuarter: nil, reachedIn: nil, reason: .unknownPace) }
        guard pace > 1e-9 else {
            return .init(target: target, currentPercent: current, pacePointsPerQuarter: pace, reachedIn: nil, reason: .flatOrFalling)
        }
        let quarters = Int(((target.ucjPercent - current) / pace).rounded(.up))
        return .init(
            target: target, currentPercent: current, pacePointsPerQuarter: pace, reachedIn: now.adding(quarters: max(quarters, 1)), reason: .onPace)
    }
}

/// The coverage of one region (national `00`, a province or a regency/city) in one month.
public struct RegionCoverage: Sendable, Equatable {
    public let regionCode: String
    public let regionName: String
    public let month: YearMonth
    public let counts: ParticipantCounts
    /// Employed persons (BPS Sakernas): the UCJ denominator. nil: not published for this region.
    public let employed: WorkforceValue?
    public let formalEmployed: WorkforceValue?
    public let informalEmployed: WorkforceValue?
    /// UCJ index: active participants / employed persons (REGULATIONS.md §5). nil: unknown.
    public let ucj: CoverageRatio?
    /// Active PU participants / formally employed persons. nil: unknown.
    public let formalCoverage: CoverageRatio?
    /// Active BPU participants / informally employed persons. nil: unknown.
    public let informalCoverage: CoverageRatio?
    public let quarterOverQuarter: CoverageChange?
    public let yearOverYear: CoverageChange?
    /// The target for the period's year or the next year that has one; nil when none is set.
    public let target: CoverageTarget?
    public let projection: CoverageProjection?
}

/// Coverage per branch office (KC/KCP) of the employers of the participants.
public struct BranchCoverage: Sendable, Equatable {
    public let branchCode: String
    public let branchName: String
    public let counts: ParticipantCounts
}

/// A government agency's non-ASN staff against the roster it reported.
public struct AgencyCoverage: Sendable, Equatable {
    public let npp: String
    public let name: String
    /// The region government the agency belongs to.
    public let regionCode: String
    /// The latest roster headcount on or before the reference day; nil when the agency never reported one.
    public let roster: Int?
    public let rosterAsOf: CalendarDate?
    /// Non-ASN with a spell covering the month.
    public let registered: Int
    /// Of them, active.
    public let active: Int

    public init(npp: String, name: String, regionCode: String, roster: Int?, rosterAsOf: CalendarDate?, registered: Int, active: Int) {
        self.npp = npp
        self.name = name
        self.regionCode = regionCode
        self.roster = roster
        self.rosterAsOf = rosterAsOf
        self.registered = registered
        self.active = active
    }

    /// Active / roster × 100; nil without a roster (or an empty one).
    public var percent: Double? {
        guard let roster, roster > 0 else { return nil }
        return Double(active) / Double(roster) * 100
    }
    /// Roster staff not active; nil without a roster.
    public var gap: Int? { roster.map { max($0 - active, 0) } }
}

/// Everything issue 7's figures ask for one region and period: the region itself, its parts (provinces of
/// the nation, regencies/cities of a province), its branch offices and its agencies' non-ASN.
public struct CoverageFigures: Sendable, Equatable {
    public let period: CoveragePeriod
    /// The day the figures are taken on (the month's last day).
    public let referenceDate: CalendarDate
    /// False when the month was never counted (`lindung coverage refresh`): all counts are then 0 and
    /// mean "no data", not "nobody covered".
    public let hasData: Bool
    /// When the month's aggregate was last refreshed (ISO 8601), nil without data.
    public let refreshedAt: String?
    public let region: RegionCoverage
    /// Provinces (for `00`) or regencies/cities (for a province), by code; empty for a regency.
    public let parts: [RegionCoverage]
    public let branches: [BranchCoverage]
    /// Agencies of the region's governments, largest non-ASN gap first.
    public let agencies: [AgencyCoverage]
}
