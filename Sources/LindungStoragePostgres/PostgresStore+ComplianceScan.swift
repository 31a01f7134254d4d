import Foundation
import LindungCore
public import LindungStorage
import PostgresNIO

/// The compliance scan on PostgreSQL, as on SQLite: what is seen on the day goes into a temporary table
/// (dropped at commit), then the findings are merged with it in a few set-based statements.
extension PostgresStore {
    public func scanCompliance(_ request: ComplianceScanRequest) async throws -> ComplianceScanSummary {
        if let region = request.region, !(region.count == 2 || region.count == 4) || !region.allSatisfy(\.isNumber) {
            throw StoreError.invalid("region '\(region)' is not a 2- or 4-digit region code")
        }
        let at = timestamp()
        return try await transaction { db in
            try await Self.observe(db, request)
            return try await Self.merge(db, request, at: at)
        }
    }

    func timestamp() -> String { ISO8601DateFormatter().string(from: now()) }

    /// Fills `compliance_seen` with every finding of the scope on the day. The region was checked to be digits,
    /// so it is written into the scope condition as a literal.
    static func observe(_ db: PostgresSession, _ request: ComplianceScanRequest) async throws {
        let on = request.on.iso
        let region = request.region
        let literal = region.map { "'\($0)'" } ?? "NULL"
        let inScope = ComplianceSQL.scope(column: "e.region_code", region: region, placeholder: literal)
        let active = "s.start_date <= '\(on)'::date AND (s.end_date IS NULL OR s.end_date >= '\(on)'::date)"
        try await db.execute(
            """
            CREATE TEMP TABLE compliance_seen (
                kind TEXT NOT NULL, subject TEXT NOT NULL, employer_id BIGINT, nib TEXT, region_code TEXT NOT NULL,
                evidence JSONB NOT NULL, PRIMARY KEY (kind, subject)) ON COMMIT DROP
            """)
        try await db.execute("CREATE TEMP TABLE compliance_umk (region_code TEXT PRIMARY KEY, wage BIGINT NOT NULL, source TEXT NOT NULL) ON COMMIT DROP")
        let regions = try await db.rows("SELECT DISTINCT e.region_code FROM employer e WHERE \(unescaped: inScope)").map { try $0.decode(String.self) }
        let wages = regions.compactMap { code in request.minimumWages.minimumWage(region: code, year: request.on.year).map { (code, $0) } }
        try await db.execute(
            """
            INSERT INTO compliance_umk SELECT * FROM unnest(\(wages.map(\.0))::text[], \(wages.map(\.1.monthlyWage))::bigint[], \(wages.map(\.1.source))::text[])
            """)
        try await db.execute(
            """
            INSERT INTO compliance_seen
            SELECT 'not_registered', l.nib, NULL, l.nib, l.region_code,
                   jsonb_build_object('nib', l.nib, 'name', l.name, 'sector', l.sector, 'reported_headcount', l.headcount, 'threshold', \(ComplianceRules.registrationHeadcount)::bigint)
            FROM business_licence l
            WHERE l.headcount >= \(ComplianceRules.registrationHeadcount) AND \(unescaped: ComplianceSQL.scope(column: "l.region_code", region: region, placeholder: literal))
              AND NOT EXISTS (SELECT 1 FROM employer x WHERE x.nib = l.nib)
            """)
        try await db.execute(
            """
            INSERT INTO compliance_seen
            SELECT 'pds_tk', npp, id, nib, region_code,
                   jsonb_build_object('source', 'licence', 'reported_headcount', headcount, 'registered_workers', registered, 'missing', headcount - registered)
            FROM (SELECT e.id, e.npp, e.nib, e.region_code, l.headcount,
                         (SELECT count(*) FROM spell s WHERE s.employer_id = e.id AND \(unescaped: active)) AS registered
                  FROM employer e JOIN business_licence l ON l.nib = e.nib WHERE \(unescaped: inScope)) x
            WHERE headcount > registered
            ON CONFLICT DO NOTHING
            """)
        try await db.execute(
            """
            INSERT INTO compliance_seen
            SELECT 'pds_tk', npp, id, nib, region_code,
                   jsonb_build_object('source', 'non_asn_roster', 'roster_date', to_char(as_of, 'YYYY-MM-DD'), 'reported_headcount', headcount,
                                      'registered_workers', registered, 'missing', headcount - registered)
            FROM (SELECT e.id, e.npp, e.nib, e.region_code, r.as_of, sum(r.headcount) AS headcount,
                         (SELECT count(*) FROM spell s WHERE s.employer_id = e.id AND s.non_asn_category IS NOT NULL AND \(unescaped: active)) AS registered
                  FROM employer e JOIN non_asn_roster r ON r.employer_id = e.id
                  WHERE e.kind = 'agency' AND \(unescaped: inScope)
                    AND r.as_of = (SELECT max(as_of) FROM non_asn_roster m WHERE m.employer_id = e.id AND m.as_of <= \(on)::date)
                  GROUP BY e.id, r.as_of) x
            WHERE headcount > registered
            ON CONFLICT DO NOTHING
            """)
        let sizes = SizeClass.allCases.map(\.rawValue)
        let programs = Array(Set(sizes.flatMap(ComplianceRules.mandatoryPrograms(sizeClass:)))).sorted { $0.rawValue < $1.rawValue }
        func lacking(_ program: Program) -> String {
            let classes = sizes.filter { ComplianceRules.mandatoryPrograms(sizeClass: $0).contains(program) }.map { "'\($0)'" }.joined(separator: ", ")
            return "(e.size_class IN (\(classes)) AND \(ComplianceSQL.lacks(program, column: "s.programs", position: "strpos")))"
        }
        let columns = programs.map { "\(lacking($0))::int AS without_\($0.rawValue.lowercased())" }.joined(separator: ", ")
        try await db.execute(
            """
            CREATE TEMP TABLE compliance_pu ON COMMIT DROP AS
            SELECT s.employer_id,
                   (SELECT w.amount FROM wage w WHERE w.spell_id = s.id AND w.effective_from <= \(on)::date ORDER BY w.effective_from DESC LIMIT 1) AS wage,
                   \(unescaped: columns), (\(unescaped: programs.map(lacking).joined(separator: " OR ")))::int AS lacking
            FROM spell s JOIN employer e ON e.id = s.employer_id
            WHERE \(unescaped: active) AND s.segment = 'pu' AND s.non_asn_category IS NULL AND e.kind <> 'agency' AND \(unescaped: inScope)
            """)
        try await db.execute(
            """
            INSERT INTO compliance_seen
            SELECT 'pds_upah', e.npp, e.id, e.nib, e.region_code,
                   jsonb_build_object('year', \(Int64(request.on.year)), 'minimum_wage', u.wage, 'minimum_wage_source', u.source,
                                      'workers_below', count(*), 'lowest_wage', min(p.wage))
            FROM compliance_pu p JOIN employer e ON e.id = p.employer_id JOIN compliance_umk u ON u.region_code = e.region_code
            WHERE p.wage < u.wage
            GROUP BY e.id, u.wage, u.source
            """)
        let counts = programs.map { "'without_\($0.rawValue.lowercased())', sum(p.without_\($0.rawValue.lowercased()))" }.joined(separator: ", ")
        try await db.execute(
            """
            INSERT INTO compliance_seen
            SELECT 'pds_program', e.npp, e.id, e.nib, e.region_code,
                   jsonb_build_object('size_class', e.size_class, 'workers_missing', sum(p.lacking), \(unescaped: counts))
            FROM compliance_pu p JOIN employer e ON e.id = p.employer_id
            GROUP BY e.id HAVING sum(p.lacking) > 0
            """)
        var binds = PostgresBindings()
        binds.append(on)
        binds.append(request.arrearsCutoff.iso)
        try await db.execute(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO compliance_seen
                    SELECT 'arrears_over_3_months', e.npp, e.id, e.nib, e.region_code,
                           jsonb_build_object('open_amount', sum(o.open_amount), 'bills', count(*), 'oldest_due_date', to_char(min(o.due_date), 'YYYY-MM-DD'))
                    FROM (\(Self.openAsOf) AND b.debtor_kind = 'employer' AND b.due_date <= $2::date) o
                    JOIN employer e ON e.id = o.employer_id
                    WHERE o.open_amount > 0 AND \(inScope)
                    GROUP BY e.id
                    """, binds: binds))
    }

    static func merge(_ db: PostgresSession, _ request: ComplianceScanRequest, at: String) async throws -> ComplianceScanSummary {
        let on = request.on.iso
        let first = request.ladder.start(on: request.on)
        let scope = ComplianceSQL.scope(column: "f.region_code", region: request.region, placeholder: request.region.map { "'\($0)'" } ?? "NULL")
        var summary = ComplianceScanSummary()
        for row in try await db.rows("SELECT kind, count(*) FROM compliance_seen GROUP BY kind") {
            let (kind, count) = try row.decode((String, Int).self)
            if let kind = FindingKind(rawValue: kind) { summary.seen[kind] = count }
        }
        let cured = "f.cured_on IS NULL AND \(scope) AND NOT EXISTS (SELECT 1 FROM compliance_seen c WHERE c.kind = f.kind AND c.subject = f.subject)"
        try await db.execute(
            """
            INSERT INTO compliance_sanction (finding_id, stage, entered_on, due_on, fine, recorded_at, actor)
            SELECT f.id, 'resolved', \(on)::date, NULL, NULL, \(at), \(request.actor) FROM compliance_finding f WHERE \(unescaped: cured)
            """)
        summary.cured = try await db.changes(
            """
            UPDATE compliance_finding AS f SET cured_on = \(on)::date, stage = 'resolved', stage_entered_on = \(on)::date, stage_due_on = NULL
            WHERE \(unescaped: cured) RETURNING 1
            """)
        summary.stillOpen = try await db.changes(
            """
            UPDATE compliance_finding AS f SET evidence = c.evidence, last_seen_on = greatest(f.last_seen_on, \(on)::date)
            FROM compliance_seen c WHERE f.cured_on IS NULL AND c.kind = f.kind AND c.subject = f.subject RETURNING 1
            """)
        let before = try await db.value("SELECT coalesce(max(id), 0)::bigint FROM compliance_finding", as: Int64.self) ?? 0
        summary.opened = try await db.changes(
            """
            INSERT INTO compliance_finding (kind, subject, employer_id, nib, region_code, evidence, rule, opened_on, last_seen_on,
                                            stage, stage_entered_on, stage_due_on)
            SELECT c.kind, c.subject, c.employer_id, c.nib, c.region_code, c.evidence, \(unescaped: ComplianceSQL.ruleCase(column: "c.kind")),
                   \(on)::date, \(on)::date, 'warning_1', \(on)::date, \(first.dueOn?.iso)::date
            FROM compliance_seen c
            WHERE NOT EXISTS (SELECT 1 FROM compliance_finding f WHERE f.cured_on IS NULL AND f.kind = c.kind AND f.subject = c.subject)
            ORDER BY c.region_code, c.subject, c.kind
            RETURNING 1
            """)
        try await db.execute(
            """
            INSERT INTO compliance_sanction (finding_id, stage, entered_on, due_on, fine, recorded_at, actor)
            SELECT id, stage, stage_entered_on, stage_due_on, NULL, \(at), \(request.actor) FROM compliance_finding WHERE id > \(before) ORDER BY id
            """)
        return summary
    }
}
