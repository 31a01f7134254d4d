public import LindungCore

/// A region's compliance at a glance (the `/compliance` page): open findings counted by kind and ladder stage,
/// the cured ones, and the open findings to act on, next deadline first.
public struct ComplianceOverview: Sendable, Equatable {
    /// Open findings by kind, then by stage.
    public var counts: [FindingKind: [SanctionStage: Int]] = [:]
    /// Findings of the scope that were cured.
    public var cured = 0
    /// Open findings, the earliest deadline first (the request to deny public services, with none, last).
    public var toAct: [Item] = []

    public init() {}

    public var open: Int { counts.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    public func count(kind: FindingKind) -> Int { counts[kind]?.values.reduce(0, +) ?? 0 }
    public func count(stage: SanctionStage) -> Int { counts.values.reduce(0) { $0 + ($1[stage] ?? 0) } }

    /// An open finding and the name of whom it is about (the employer, or the licence of an unregistered business).
    public struct Item: Sendable, Equatable {
        public var finding: StoredFinding
        public var name: String

        public init(finding: StoredFinding, name: String) {
            self.finding = finding
            self.name = name
        }
    }
}

/// The overview in one read (a grouped count and one ordered, limited list, both set-based), and the ladder
/// moved for one region.
public protocol ComplianceOverviewStore: Sendable {
    /// The overview of a region (a regency/city code, or a province's two digits; nil: everything).
    func complianceOverview(region: String?, limit: Int) async throws -> ComplianceOverview
    /// `ComplianceStore.advanceSanctions` for the open findings of one region only (nil: all), so a regional
    /// officer's page moves its own region's ladder and no other.
    func advanceSanctions(on date: CalendarDate, ladder: SanctionLadder, actor: String, region: String?) async throws -> [SanctionStepRecord]
}
