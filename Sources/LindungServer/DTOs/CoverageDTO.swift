public import LindungCore

/// `GET /api/v1/coverage` and `lindung coverage --format json`: a region's coverage figures (docs/coverage.md).
/// Unknown ratios (no workforce figure) are null, never 0.
public struct CoverageDTO: Encodable, Sendable {
    struct Workforce: Encodable, Sendable {
        let persons: Int64
        let period: String
        let source: String
        let origin: String
        init?(_ value: WorkforceValue?) {
            guard let value else { return nil }
            persons = value.persons
            period = value.period.description
            source = value.source
            origin = value.origin.rawValue
        }
    }

    struct Change: Encodable, Sendable {
        let from_month: String
        let previous_active: Int
        let active_change: Int
        let active_change_percent: Nullable<Double>
        let previous_ucj_percent: Nullable<Double>
        let ucj_change_points: Nullable<Double>
        init?(_ change: CoverageChange?) {
            guard let change else { return nil }
            from_month = change.from.description
            previous_active = change.previousActive
            active_change = change.activeChange
            active_change_percent = Nullable(change.activeChangePercent)
            previous_ucj_percent = Nullable(change.previousUCJPercent)
            ucj_change_points = Nullable(change.ucjChangePoints)
        }
    }

    struct Target: Encodable, Sendable {
        let year: Int
        let ucj_percent: Double
        let source: String
        let origin: String
    }

    struct Projection: Encodable, Sendable {
        let reason: String
        let reached_in: Nullable<String>
        let pace_points_per_quarter: Nullable<Double>
    }

    struct Counts: Encodable, Sendable {
        let enrolled: Int
        let active: Int
        let active_by_segment: [String: Int]
        let enrolled_by_segment: [String: Int]
        let active_by_program: [String: Int]
        let active_non_asn: Int
        init(_ counts: ParticipantCounts) {
            enrolled = counts.enrolled
            active = counts.active
            active_by_segment = Dictionary(uniqueKeysWithValues: Segment.allCases.map { ($0.rawValue, counts.activeBySegment[$0] ?? 0) })
            enrolled_by_segment = Dictionary(uniqueKeysWithValues: Segment.allCases.map { ($0.rawValue, counts.enrolledBySegment[$0] ?? 0) })
            active_by_program = Dictionary(
                uniqueKeysWithValues: [Program.jkk, .jkm, .jht, .jp, .jkp].map { ($0.rawValue, counts.activeByProgram[$0] ?? 0) })
            active_non_asn = counts.activeNonASN
        }
    }

    struct Region: Encodable, Sendable {
        let region_code: String
        let name: String
        let counts: Counts
        let employed: Nullable<Workforce>
        let formal_employed: Nullable<Workforce>
        let informal_employed: Nullable<Workforce>
        let ucj_percent: Nullable<Double>
        let formal_coverage_percent: Nullable<Double>
        let informal_coverage_percent: Nullable<Double>
        let quarter_over_quarter: Nullable<Change>
        let year_over_year: Nullable<Change>
        let target: Nullable<Target>
        let projection: Nullable<Projection>

        init(_ region: RegionCoverage) {
            region_code = region.regionCode
            name = region.regionName
            counts = Counts(region.counts)
            employed = Nullable(Workforce(region.employed))
            formal_employed = Nullable(Workforce(region.formalEmployed))
            informal_employed = Nullable(Workforce(region.informalEmployed))
            ucj_percent = Nullable(region.ucj?.percent)
            formal_coverage_percent = Nullable(region.formalCoverage?.percent)
            informal_coverage_percent = Nullable(region.informalCoverage?.percent)
            quarter_over_quarter = Nullable(Change(region.quarterOverQuarter))
            year_over_year = Nullable(Change(region.yearOverYear))
            target = Nullable(region.target.map { Target(year: $0.year, ucj_percent: $0.ucjPercent, source: $0.source, origin: $0.origin.rawValue) })
            projection = Nullable(
                region.projection.map {
                    Projection(reason: $0.reason.rawValue, reached_in: Nullable($0.reachedIn?.description), pace_points_per_quarter: Nullable($0.pacePointsPerQuarter))
                })
        }
    }

    struct Branch: Encodable, Sendable {
        let branch_code: String
        let name: String
        let counts: Counts
    }

    struct Agency: Encodable, Sendable {
        let npp: String
        let name: String
        let region_code: String
        let roster: Nullable<Int>
        let roster_as_of: Nullable<String>
        let registered: Int
        let active: Int
        let coverage_percent: Nullable<Double>
        let gap: Nullable<Int>
    }

    let period: String
    let month: String
    let reference_date: String
    let has_data: Bool
    let refreshed_at: Nullable<String>
    let region: Region
    let parts: [Region]
    let branches: [Branch]
    let agencies: [Agency]

    public init(_ figures: CoverageFigures) {
        period = figures.period.description
        month = figures.period.month.description
        reference_date = figures.referenceDate.iso
        has_data = figures.hasData
        refreshed_at = Nullable(figures.refreshedAt)
        region = Region(figures.region)
        parts = figures.parts.map(Region.init)
        branches = figures.branches.map { Branch(branch_code: $0.branchCode, name: $0.branchName, counts: Counts($0.counts)) }
        agencies = figures.agencies.map {
            Agency(
                npp: $0.npp, name: $0.name, region_code: $0.regionCode, roster: Nullable($0.roster), roster_as_of: Nullable($0.rosterAsOf?.iso),
                registered: $0.registered, active: $0.active, coverage_percent: Nullable($0.percent), gap: Nullable($0.gap))
        }
    }
}
