/// `coverage_targets.csv`: the national UCJ targets of the planning documents (RPJMN 2025-2029, RKP 2026,
/// RPJPN 2025-2045) as quoted in REGULATIONS.md §5, with their source. A region's own targets are entered by
/// an administrator and stored (`CoverageStore`); they are not in this table.
public struct CoverageTargetTable: Sendable {
    static let file = "coverage_targets.csv"

    public let targets: [CoverageTarget]

    public init(source: TableSource = .bundled) throws(DomainError) {
        let table = try source.table(Self.file, in: "reference", requiredColumns: ["region_code", "year", "ucj_target_pct", "source"])
        var targets: [CoverageTarget] = []
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let yearText = try fields.text("year")
            guard let year = Int(yearText) else { throw fields.refusal("year", "'\(yearText)' is not a year") }
            let percentText = try fields.text("ucj_target_pct")
            guard let percent = Double(percentText), (0...100).contains(percent) else {
                throw fields.refusal("ucj_target_pct", "'\(percentText)' is not a percentage between 0 and 100")
            }
            targets.append(
                CoverageTarget(regionCode: try fields.text("region_code"), year: year, ucjPercent: percent, source: try fields.text("source"), origin: .bundled))
        }
        self.targets = targets
    }

    /// The target that applies to a region in a year: the region's own (administrator) target for that year or
    /// the next year that has one, else the bundled one the same way; nil when neither exists.
    public static func applicable(region code: String, year: Int, own: [CoverageTarget], bundled: [CoverageTarget]) -> CoverageTarget? {
        func first(_ list: [CoverageTarget]) -> CoverageTarget? {
            list.filter { $0.regionCode == code && $0.year >= year }.min { $0.year < $1.year }
        }
        return first(own) ?? first(bundled)
    }
}
