import GRDB
public import LindungCore
public import LindungStorage

/// The region's compliance overview on SQLite (`ComplianceOverviewStore`).
extension SQLiteStore {
    public func complianceOverview(region: String?, limit: Int) async throws -> ComplianceOverview {
        try await mapped {
            try await writer.read { db in
                let scope = ComplianceSQL.scope(column: "f.region_code", region: region, placeholder: ":region")
                var overview = ComplianceOverview()
                let counts = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT f.kind, f.stage, count(*) AS n, f.cured_on IS NOT NULL AS cured FROM compliance_finding f
                        WHERE \(scope) GROUP BY f.kind, f.stage, f.cured_on IS NOT NULL
                        """, arguments: ["region": region])
                for row in counts {
                    let n: Int = row["n"]
                    if row["cured"] as Bool {
                        overview.cured += n
                    } else if let kind = FindingKind(rawValue: row["kind"]), let stage = SanctionStage(rawValue: row["stage"]) {
                        overview.counts[kind, default: [:]][stage, default: 0] += n
                    }
                }
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT f.*, e.npp, COALESCE(e.name, l.name, f.subject) AS subject_name
                        FROM compliance_finding f LEFT JOIN employer e ON e.id = f.employer_id LEFT JOIN business_licence l ON l.nib = f.subject
                        WHERE f.cured_on IS NULL AND \(scope)
                        ORDER BY f.stage_due_on IS NULL, f.stage_due_on, f.region_code, f.subject, f.kind LIMIT :limit
                        """, arguments: ["region": region, "limit": limit])
                overview.toAct = try rows.map { ComplianceOverview.Item(finding: try Self.finding($0, history: []), name: $0["subject_name"]) }
                return overview
            }
        }
    }
}
