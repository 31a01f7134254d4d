public import LindungCore
public import LindungStorage
import PostgresNIO

/// The region's compliance overview on PostgreSQL (`ComplianceOverviewStore`), as on SQLite.
extension PostgresStore {
    public func complianceOverview(region: String?, limit: Int) async throws -> ComplianceOverview {
        if let region, !region.allSatisfy(\.isNumber) { throw StoreError.invalid("region '\(region)' is not a region code") }
        let scope = ComplianceSQL.scope(column: "f.region_code", region: region, placeholder: region.map { "'\($0)'" } ?? "NULL")
        return try await read { db in
            var overview = ComplianceOverview()
            let counts = try await db.rows(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT f.kind, f.stage, count(*)::bigint, f.cured_on IS NOT NULL FROM compliance_finding f
                        WHERE \(scope) GROUP BY f.kind, f.stage, f.cured_on IS NOT NULL
                        """))
            for row in counts {
                let (kindText, stageText, n, cured) = try row.decode((String, String, Int64, Bool).self)
                if cured {
                    overview.cured += Int(n)
                } else if let kind = FindingKind(rawValue: kindText), let stage = SanctionStage(rawValue: stageText) {
                    overview.counts[kind, default: [:]][stage, default: 0] += Int(n)
                }
            }
            let findings = try await Self.findingRows(
                db, where: "f.cured_on IS NULL AND \(scope)",
                order: "f.stage_due_on IS NULL, f.stage_due_on, f.region_code, f.subject, f.kind", limit: limit, binds: PostgresBindings())
            var names: [String: String] = [:]
            let subjects = Array(Set(findings.map(\.subject)))
            if !subjects.isEmpty {
                for row in try await db.rows(
                    """
                    SELECT s.subject, COALESCE(e.name, l.name, s.subject) FROM unnest(\(subjects)::text[]) AS s(subject)
                    LEFT JOIN employer e ON e.npp = s.subject LEFT JOIN business_licence l ON l.nib = s.subject
                    """)
                {
                    let (subject, name) = try row.decode((String, String).self)
                    names[subject] = name
                }
            }
            overview.toAct = findings.map { ComplianceOverview.Item(finding: $0, name: names[$0.subject] ?? $0.subject) }
            return overview
        }
    }
}
