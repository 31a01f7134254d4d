public import LindungCore

/// Coverage figures' storage (issue 7): the maintained monthly aggregate of active participants, imported
/// workforce figures and administrators' region targets. Implemented by both backends over migration 0008.
public protocol CoverageStore: Sendable {
    /// Recounts one month set-based from spells, bills and payments (`ActiveParticipantRule`, taken on the
    /// month's last day) and replaces that month's rows of `coverage_month` and `coverage_agency_month`.
    func refreshCoverage(month: YearMonth) async throws -> CoverageRefreshSummary
    /// The month's count rows for the participants domiciled in `region` (`00`: all), nil when the month was
    /// never refreshed.
    func coverageCounts(month: YearMonth, region: String) async throws -> CoverageCounts?
    /// Non-ASN per agency of the region governments in `region` (`00`: all), from the month's aggregate.
    func agencyCoverage(month: YearMonth, region: String) async throws -> [AgencyCoverage]
    /// The months refreshed so far, with when, oldest first.
    func coverageMonths() async throws -> [CoverageMonthStatus]

    /// Stores imported workforce figures, replacing those of the same region and round; all or nothing.
    func saveWorkforce(_ figures: [WorkforceFigure], actor: String) async throws
    /// Every imported workforce figure (the bundled table is not in the store).
    func importedWorkforce() async throws -> [WorkforceFigure]
    /// Adds or replaces an administrator's target for a region and year.
    func saveCoverageTarget(_ target: CoverageTarget, actor: String) async throws
    /// Every administrator's target, by region and year.
    func coverageTargets() async throws -> [CoverageTarget]
}

/// One month's rows of the aggregate and when they were counted.
public struct CoverageCounts: Sendable, Equatable {
    public let month: YearMonth
    /// ISO 8601 time of the refresh.
    public let refreshedAt: String
    public let rows: [CoverageCountRow]
    /// Names of the branch offices in `rows`, by code.
    public let branchNames: [String: String]

    public init(month: YearMonth, refreshedAt: String, rows: [CoverageCountRow], branchNames: [String: String]) {
        self.month = month
        self.refreshedAt = refreshedAt
        self.rows = rows
        self.branchNames = branchNames
    }
}

public struct CoverageMonthStatus: Sendable, Equatable {
    public let month: YearMonth
    public let refreshedAt: String
    public let activeParticipants: Int

    public init(month: YearMonth, refreshedAt: String, activeParticipants: Int) {
        self.month = month
        self.refreshedAt = refreshedAt
        self.activeParticipants = activeParticipants
    }
}

public struct CoverageRefreshSummary: Sendable, Equatable {
    public let month: YearMonth
    /// Aggregate rows written.
    public let rows: Int
    public let enrolledParticipants: Int
    public let activeParticipants: Int

    public init(month: YearMonth, rows: Int, enrolledParticipants: Int, activeParticipants: Int) {
        self.month = month
        self.rows = rows
        self.enrolledParticipants = enrolledParticipants
        self.activeParticipants = activeParticipants
    }
}

/// Reads the figures for a region and period: the one call the CLI, the API, the report and the pages make.
/// Fetches the period's month, the month a quarter and a year earlier, the agencies and the targets, and
/// composes them with `CoverageCalculator`.
public struct CoverageReader: Sendable {
    let store: any CoverageStore
    let reference: ReferenceData
    let bundledTargets: [CoverageTarget]

    public init(store: any CoverageStore, reference: ReferenceData, bundledTargets: CoverageTargetTable) {
        self.store = store
        self.reference = reference
        self.bundledTargets = bundledTargets.targets
    }

    /// Builds a calculator with the store's imported workforce figures and targets.
    public func calculator() async throws -> CoverageCalculator {
        CoverageCalculator(
            regions: reference.regions, workforce: WorkforceBook(bundled: reference.labourForce, imported: try await store.importedWorkforce()),
            ownTargets: try await store.coverageTargets(), bundledTargets: bundledTargets)
    }

    public func figures(region code: String, period: CoveragePeriod) async throws -> CoverageFigures {
        let calculator = try await calculator()
        try calculator.validate(region: code)
        let month = period.month
        // A province's figures need its rows only; the national figures need all.
        async let current = store.coverageCounts(month: month, region: code)
        async let previous = store.coverageCounts(month: period.previousQuarterMonth, region: code)
        async let yearAgo = store.coverageCounts(month: period.yearAgoMonth, region: code)
        async let agencies = store.agencyCoverage(month: month, region: code)
        let now = try await current
        return try calculator.figures(
            region: code, period: period, current: now?.rows, previousQuarter: try await previous?.rows, yearAgo: try await yearAgo?.rows,
            branchNames: now?.branchNames ?? [:], agencies: try await agencies, refreshedAt: now?.refreshedAt)
    }
}
