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
        let active = "s.start_date <= :on AND (s.end_date IS NULL OR s.end_date >= :on)"
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
        // PDS-TK: fewer workers registered on the day than the licence reports, or than an agency's latest roster.
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO compliance_seen
                SELECT 'pds_tk', npp, id, nib, region_code,
                       json_object('source', 'licence', 'reported_headcount', headcount, 'registered_workers', registered,
                                   'missing', headcount - registered)
                FROM (SELECT e.id, e.npp, e.nib, e.region_code, l.headcount,
                             (SELECT COUNT(*) FROM spell s WHERE s.employer_id = e.id AND \(active)) AS registered
                      FROM employer e JOIN business_licence l ON l.nib = e.nib WHERE \(inScope))
                WHERE headcount > registered
                """, arguments: arguments)
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO compliance_seen
                SELECT 'pds_tk', npp, id, nib, region_code,
                       json_object('source', 'non_asn_roster', 'roster_date', as_of, 'reported_headcount', headcount,
                                   'registered_workers', registered, 'missing', headcount - registered)
                FROM (SELECT e.id, e.npp, e.nib, e.region_code, r.as_of, SUM(r.headcount) AS headcount,
                             (SELECT COUNT(*) FROM spell s WHERE s.employer_id = e.id AND s.non_asn_category IS NOT NULL AND \(active)) AS registered
                      FROM employer e JOIN non_asn_roster r ON r.employer_id = e.id
                      WHERE e.kind = 'agency' AND \(inScope)
                        AND r.as_of = (SELECT MAX(as_of) FROM non_asn_roster m WHERE m.employer_id = e.id AND m.as_of <= :on)
                      GROUP BY e.id, r.as_of)
                WHERE headcount > registered
                """, arguments: arguments)
        // PDS-Upah and PDS-Program in one pass over the wage earners (PU) working on the day; agencies' non-ASN
        // staff are paid by the region's budget and join JKK and JKM only (ruling 11), so both leave them out.
        let sizes = SizeClass.allCases.map(\.rawValue)
        let programs = Array(Set(sizes.flatMap(ComplianceRules.mandatoryPrograms(sizeClass:)))).sorted { $0.rawValue < $1.rawValue }
        func classes(requiring program: Program) -> String {
            sizes.filter { ComplianceRules.mandatoryPrograms(sizeClass: $0).contains(program) }.map { "'\($0)'" }.joined(separator: ", ")
        }
        let lacking = programs.map { "(e.size_class IN (\(classes(requiring: $0))) AND \(ComplianceSQL.lacks($0, column: "s.programs")))" }
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.compliance_pu;
                CREATE TEMP TABLE compliance_pu AS
                SELECT s.employer_id,
                       (SELECT w.amount FROM wage w WHERE w.spell_id = s.id AND w.effective_from <= :on
                        ORDER BY w.effective_from DESC LIMIT 1) AS wage,
                       \(programs.map { "(e.size_class IN (\(classes(requiring: $0))) AND \(ComplianceSQL.lacks($0, column: "s.programs"))) AS without_\($0.rawValue.lowercased())" }.joined(separator: ", ")),
                       (\(lacking.joined(separator: " OR "))) AS lacking
                FROM spell s JOIN employer e ON e.id = s.employer_id
                WHERE \(active) AND s.segment = 'pu' AND s.non_asn_category IS NULL AND e.kind <> 'agency' AND \(inScope)
                """, arguments: arguments)
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.compliance_pu") }
        arguments = ["year": request.on.year]
        try db.execute(
            sql: """
                INSERT INTO compliance_seen
                SELECT 'pds_upah', e.npp, e.id, e.nib, e.region_code,
                       json_object('year', :year, 'minimum_wage', u.wage, 'minimum_wage_source', u.source,
                                   'workers_below', COUNT(*), 'lowest_wage', MIN(p.wage))
                FROM compliance_pu p JOIN employer e ON e.id = p.employer_id JOIN compliance_umk u ON u.region_code = e.region_code
                WHERE p.wage < u.wage
                GROUP BY e.id
                """, arguments: arguments)
        try db.execute(
            sql: """
                INSERT INTO compliance_seen
                SELECT 'pds_program', e.npp, e.id, e.nib, e.region_code,
                       json_object('size_class', e.size_class, 'workers_missing', SUM(p.lacking),
                                   \(programs.map { "'without_\($0.rawValue.lowercased())', SUM(p.without_\($0.rawValue.lowercased()))" }.joined(separator: ", ")))
                FROM compliance_pu p JOIN employer e ON e.id = p.employer_id
                GROUP BY e.id HAVING SUM(p.lacking) > 0
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
