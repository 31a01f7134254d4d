import Foundation
import GRDB
public import LindungCore
public import LindungStorage

/// The compliance scan on SQLite: a handful of set-based statements in one write transaction. What is seen on
/// the day goes into a temporary table; the findings table is then merged with it (new → first warning,
/// still seen → evidence refreshed, no longer seen → cured and resolved).
extension SQLiteStore {
    public func scanCompliance(_ request: ComplianceScanRequest) async throws -> ComplianceScanSummary {
        if let region = request.region, !(region.count == 2 || region.count == 4) || !region.allSatisfy(\.isNumber) {
            throw StoreError.invalid("region '\(region)' is not a 2- or 4-digit region code")
        }
        let at = timestamp()
        return try await mapped {
            try await writer.write { db in
                try Self.observe(db, request)
                return try Self.merge(db, request, at: at)
            }
        }
    }

    /// Fills `temp.compliance_seen` with every finding of the scope on the day.
    static func observe(_ db: Database, _ request: ComplianceScanRequest) throws {
        let on = request.on.iso
        let region = request.region
        let inScope = ComplianceSQL.scope(column: "e.region_code", region: region, placeholder: ":region")
        var arguments: StatementArguments = ["on": on, "region": region]
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.compliance_seen;
                CREATE TEMP TABLE compliance_seen (
                    kind TEXT NOT NULL, subject TEXT NOT NULL, employer_id INTEGER, nib TEXT, region_code TEXT NOT NULL,
                    evidence TEXT NOT NULL, PRIMARY KEY (kind, subject));
                DROP TABLE IF EXISTS temp.compliance_umk;
                CREATE TEMP TABLE compliance_umk (region_code TEXT PRIMARY KEY, wage INTEGER NOT NULL, source TEXT NOT NULL);
                """)
        // The minimum wage of each region in scope that year (the regency's UMK, else the province's UMP).
        let regions = try String.fetchAll(db, sql: "SELECT DISTINCT e.region_code FROM employer e WHERE \(inScope)", arguments: ["region": region])
        for code in regions {
            guard let entry = request.minimumWages.minimumWage(region: code, year: request.on.year) else { continue }
            try db.execute(sql: "INSERT INTO compliance_umk VALUES (?, ?, ?)", arguments: [code, entry.monthlyWage, entry.source])
        }
        // Not registered: a licence of 10 or more employees whose NIB no employer has.
        try db.execute(
            sql: """
                INSERT INTO compliance_seen
                SELECT 'not_registered', l.nib, NULL, l.nib, l.region_code,
                       json_object('nib', l.nib, 'name', l.name, 'sector', l.sector, 'reported_headcount', l.headcount, 'threshold', :threshold)
                FROM business_licence l
                WHERE l.headcount >= :threshold AND \(ComplianceSQL.scope(column: "l.region_code", region: region, placeholder: ":region"))
                  AND NOT EXISTS (SELECT 1 FROM employer x WHERE x.nib = l.nib)
                """, arguments: ["threshold": ComplianceRules.registrationHeadcount, "region": region])
        // One pass over the spells gives every employer's figures on the day (see `countWorkers`).
        try countWorkers(db, request)
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.compliance_employer_day") }
        // PDS-TK: fewer workers registered on the day than the licence reports, or than an agency's latest roster.
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO compliance_seen
                SELECT 'pds_tk', npp, id, nib, region_code,
                       json_object('source', 'licence', 'reported_headcount', headcount, 'registered_workers', registered,
                                   'missing', headcount - registered)
                FROM (SELECT e.id, e.npp, e.nib, e.region_code, l.headcount, COALESCE(d.registered, 0) AS registered
                      FROM employer e JOIN business_licence l ON l.nib = e.nib
                      LEFT JOIN compliance_employer_day d ON d.employer_id = e.id WHERE \(inScope))
                WHERE headcount > registered
                """, arguments: arguments)
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO compliance_seen
                SELECT 'pds_tk', npp, id, nib, region_code,
                       json_object('source', 'non_asn_roster', 'roster_date', as_of, 'reported_headcount', headcount,
                                   'registered_workers', registered, 'missing', headcount - registered)
                FROM (SELECT e.id, e.npp, e.nib, e.region_code, r.as_of, SUM(r.headcount) AS headcount,
                             COALESCE((SELECT d.registered_non_asn FROM compliance_employer_day d WHERE d.employer_id = e.id), 0) AS registered
                      FROM employer e JOIN non_asn_roster r ON r.employer_id = e.id
                      WHERE e.kind = 'agency' AND \(inScope)
                        AND r.as_of = (SELECT MAX(as_of) FROM non_asn_roster m WHERE m.employer_id = e.id AND m.as_of <= :on)
                      GROUP BY e.id, r.as_of)
                WHERE headcount > registered
                """, arguments: arguments)
        arguments = ["year": request.on.year]
        try db.execute(
            sql: """
                INSERT INTO compliance_seen
                SELECT 'pds_upah', e.npp, e.id, e.nib, e.region_code,
                       json_object('year', :year, 'minimum_wage', u.wage, 'minimum_wage_source', u.source,
                                   'workers_below', d.workers_below, 'lowest_wage', d.lowest_wage)
                FROM compliance_employer_day d JOIN employer e ON e.id = d.employer_id JOIN compliance_umk u ON u.region_code = e.region_code
                WHERE d.workers_below > 0
                """, arguments: arguments)
        try db.execute(
            sql: """
                INSERT INTO compliance_seen
                SELECT 'pds_program', e.npp, e.id, e.nib, e.region_code,
                       json_object('size_class', e.size_class, 'workers_missing', d.lacking,
                                   \(Self.scannedPrograms.map { "'without_\($0.rawValue.lowercased())', d.without_\($0.rawValue.lowercased())" }.joined(separator: ", ")))
                FROM compliance_employer_day d JOIN employer e ON e.id = d.employer_id
                WHERE d.lacking > 0
                """)
        // Arrears: the employer's own bills unpaid on the day and due on or before the cutoff (over 3 months).
        try db.execute(
            sql: """
                INSERT INTO compliance_seen
                SELECT 'arrears_over_3_months', e.npp, e.id, e.nib, e.region_code,
                       json_object('open_amount', SUM(o.open), 'bills', COUNT(*), 'oldest_due_date', MIN(o.due_date))
                FROM (\(Self.openAsOf) AND b.debtor_kind = 'employer' AND b.due_date <= :cutoff) o
                JOIN employer e ON e.id = o.employer_id
                WHERE o.open > 0 AND \(inScope)
                GROUP BY e.id
                """, arguments: ["on": on, "cutoff": request.arrearsCutoff.iso, "region": region])
    }

    /// The programs some size class must have (PP 44/2015 and PP 45/2015 by size, `ComplianceRules`).
    static var scannedPrograms: [Program] {
        Array(Set(SizeClass.allCases.map(\.rawValue).flatMap(ComplianceRules.mandatoryPrograms(sizeClass:)))).sorted { $0.rawValue < $1.rawValue }
    }

    /// Merges what was seen into `compliance_finding` and the ladder history.
    static func merge(_ db: Database, _ request: ComplianceScanRequest, at: String) throws -> ComplianceScanSummary {
        let on = request.on.iso
        let first = request.ladder.start(on: request.on)
        let scope = ComplianceSQL.scope(column: "f.region_code", region: request.region, placeholder: ":region")
        var summary = ComplianceScanSummary()
        for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS n FROM compliance_seen GROUP BY kind") {
            if let kind = FindingKind(rawValue: row["kind"]) { summary.seen[kind] = row["n"] }
        }
        // Cured: open in scope, not seen today.
        let cured = "f.cured_on IS NULL AND \(scope) AND NOT EXISTS (SELECT 1 FROM compliance_seen c WHERE c.kind = f.kind AND c.subject = f.subject)"
        try db.execute(
            sql: """
                INSERT INTO compliance_sanction (finding_id, stage, entered_on, due_on, fine, recorded_at, actor)
                SELECT f.id, 'resolved', :on, NULL, NULL, :at, :actor FROM compliance_finding f WHERE \(cured)
                """, arguments: ["on": on, "at": at, "actor": request.actor, "region": request.region])
        try db.execute(
            sql: """
                UPDATE compliance_finding AS f SET cured_on = :on, stage = 'resolved', stage_entered_on = :on, stage_due_on = NULL
                WHERE \(cured)
                """, arguments: ["on": on, "region": request.region])
        summary.cured = db.changesCount
        // Still open: refresh the evidence and the day last seen.
        try db.execute(
            sql: """
                UPDATE compliance_finding AS f SET evidence = c.evidence, last_seen_on = max(f.last_seen_on, :on)
                FROM compliance_seen c WHERE f.cured_on IS NULL AND c.kind = f.kind AND c.subject = f.subject
                """, arguments: ["on": on])
        summary.stillOpen = db.changesCount
        // New: opened today with the first written warning.
        let before = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM compliance_finding") ?? 0
        try db.execute(
            sql: """
                INSERT INTO compliance_finding (kind, subject, employer_id, nib, region_code, evidence, rule, opened_on, last_seen_on,
                                                stage, stage_entered_on, stage_due_on)
                SELECT c.kind, c.subject, c.employer_id, c.nib, c.region_code, c.evidence, \(ComplianceSQL.ruleCase(column: "c.kind")),
                       :on, :on, 'warning_1', :on, :due
                FROM compliance_seen c
                WHERE NOT EXISTS (SELECT 1 FROM compliance_finding f WHERE f.cured_on IS NULL AND f.kind = c.kind AND f.subject = c.subject)
                ORDER BY c.region_code, c.subject, c.kind
                """, arguments: ["on": on, "due": first.dueOn?.iso])
        summary.opened = db.changesCount
        try db.execute(
            sql: """
                INSERT INTO compliance_sanction (finding_id, stage, entered_on, due_on, fine, recorded_at, actor)
                SELECT id, stage, stage_entered_on, stage_due_on, NULL, :at, :actor FROM compliance_finding WHERE id > :before
                """, arguments: ["at": at, "actor": request.actor, "before": before])
        try db.execute(sql: "DROP TABLE IF EXISTS temp.compliance_seen; DROP TABLE IF EXISTS temp.compliance_umk;")
        return summary
    }
}
