/// Composes `CoverageFigures` from the store's monthly count rows, the workforce denominators and the targets.
/// Pure: the same rows give the same figures on either backend.
public struct CoverageCalculator: Sendable {
    /// The national code used for Indonesia as a whole.
    public static let national = "00"

    public let regions: RegionDirectory
    public let workforce: WorkforceBook
    /// Targets entered by administrators (stored).
    public let ownTargets: [CoverageTarget]
    /// Bundled planning targets (`CoverageTargetTable`).
    public let bundledTargets: [CoverageTarget]

    public init(regions: RegionDirectory, workforce: WorkforceBook, ownTargets: [CoverageTarget], bundledTargets: [CoverageTarget]) {
        self.regions = regions
        self.workforce = workforce
        self.ownTargets = ownTargets
        self.bundledTargets = bundledTargets
    }

    /// Refuses a code that is neither `00` nor a region of the directory.
    public func validate(region code: String) throws(DomainError) {
        guard code == Self.national || regions.region(code: code) != nil else {
            throw .invalidInput(field: "region", value: code, reason: "is not 00 (Indonesia) or a province or regency/city code of regions.csv")
        }
    }

    public func name(of code: String) -> String {
        code == Self.national ? "Indonesia" : regions.region(code: code)?.name ?? code
    }

    /// Whether a count row's region lies in `code` (itself or below it).
    public static func row(_ rowRegion: String, isIn code: String) -> Bool {
        code == national || rowRegion == code || (code.count == 2 && rowRegion.hasPrefix(code))
    }

    /// The regions directly below `code`: provinces of the nation, regencies/cities of a province.
    public func parts(of code: String) -> [String] {
        if code == Self.national { return regions.all.filter { $0.level == .province }.map(\.code) }
        if code.count == 2 { return regions.children(ofProvince: code).map(\.code) }
        return []
    }

    /// The figures for `region` in `period`. `current`, `previousQuarter` and `yearAgo` are the count rows of
    /// the period's month, three and twelve months earlier (rows of any region: filtered here), nil when that
    /// month was never counted.
    public func figures(
        region code: String, period: CoveragePeriod, current: [CoverageCountRow]?, previousQuarter: [CoverageCountRow]?,
        yearAgo: [CoverageCountRow]?, branchNames: [String: String] = [:], agencies: [AgencyCoverage] = [], refreshedAt: String? = nil
    ) throws(DomainError) -> CoverageFigures {
        try validate(region: code)
        let month = period.month
        let parts = parts(of: code).map { part in
            regionCoverage(part, month: month, current: current, previousQuarter: previousQuarter, yearAgo: yearAgo)
        }
        var branches: [String: [CoverageCountRow]] = [:]
        for row in current ?? [] where Self.row(row.regionCode, isIn: code) {
            branches[row.branchCode ?? "", default: []].append(row)
        }
        let branchCoverage = branches.keys.sorted().map { branch in
            BranchCoverage(
                branchCode: branch, branchName: branch.isEmpty ? "(no branch office)" : branchNames[branch] ?? branch,
                counts: .sum(branches[branch]!))
        }
        let agencyCoverage = agencies.filter { Self.row($0.regionCode, isIn: code) }.sorted {
            ($0.gap ?? -1, $1.npp) > ($1.gap ?? -1, $0.npp)
        }
        return CoverageFigures(
            period: period, referenceDate: period.referenceDate, hasData: current != nil, refreshedAt: current == nil ? nil : refreshedAt,
            region: regionCoverage(code, month: month, current: current, previousQuarter: previousQuarter, yearAgo: yearAgo),
            parts: parts, branches: branchCoverage, agencies: agencyCoverage)
    }

    func counts(_ code: String, _ rows: [CoverageCountRow]) -> ParticipantCounts {
        .sum(rows.lazy.filter { Self.row($0.regionCode, isIn: code) })
    }

    func ucj(_ code: String, month: YearMonth, active: Int) -> CoverageRatio? {
        CoverageRatio(numerator: active, denominator: workforce.latest(\.employed, region: code, onOrBefore: month))
    }

    func change(_ code: String, now: ParticipantCounts, nowUCJ: CoverageRatio?, from month: YearMonth, rows: [CoverageCountRow]?) -> CoverageChange? {
        guard let rows else { return nil }
        let before = counts(code, rows)
        let beforeUCJ = ucj(code, month: month, active: before.active)
        return CoverageChange(
            from: month, previousActive: before.active, activeChange: now.active - before.active,
            activeChangePercent: before.active > 0 ? Double(now.active - before.active) / Double(before.active) * 100 : nil,
            previousUCJPercent: beforeUCJ?.percent,
            ucjChangePoints: nowUCJ.flatMap { now in beforeUCJ.map { now.percent - $0.percent } })
    }

    func regionCoverage(
        _ code: String, month: YearMonth, current: [CoverageCountRow]?, previousQuarter: [CoverageCountRow]?, yearAgo: [CoverageCountRow]?
    ) -> RegionCoverage {
        let now = counts(code, current ?? [])
        let employed = workforce.latest(\.employed, region: code, onOrBefore: month)
        let formal = workforce.latest(\.formalEmployed, region: code, onOrBefore: month)
        let informal = workforce.latest(\.informalEmployed, region: code, onOrBefore: month)
        let ucj = current == nil ? nil : CoverageRatio(numerator: now.active, denominator: employed)
        let qoq = current == nil ? nil : change(code, now: now, nowUCJ: ucj, from: month.adding(months: -3), rows: previousQuarter)
        let yoy = current == nil ? nil : change(code, now: now, nowUCJ: ucj, from: month.adding(months: -12), rows: yearAgo)
        let target = CoverageTargetTable.applicable(region: code, year: month.year, own: ownTargets, bundled: bundledTargets)
        // The recent pace: the year's UCJ change spread over its four quarters, else the last quarter's.
        let pace = yoy?.ucjChangePoints.map { $0 / 4 } ?? qoq?.ucjChangePoints
        let projection = target.map {
            CoverageProjection.project(target: $0, current: ucj?.percent, pace: pace, now: Quarter(containing: month))
        }
        return RegionCoverage(
            regionCode: code, regionName: name(of: code), month: month, counts: now, employed: employed, formalEmployed: formal,
            informalEmployed: informal, ucj: ucj,
            formalCoverage: current == nil ? nil : CoverageRatio(numerator: now.activeBySegment[.pu] ?? 0, denominator: formal),
            informalCoverage: current == nil ? nil : CoverageRatio(numerator: now.activeBySegment[.bpu] ?? 0, denominator: informal),
            quarterOverQuarter: qoq, yearOverYear: yoy, target: target, projection: projection)
    }
}
