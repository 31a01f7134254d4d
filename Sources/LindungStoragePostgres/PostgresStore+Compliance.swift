import Foundation
public import LindungCore
public import LindungStorage
import PostgresNIO

/// Employer compliance on PostgreSQL (`ComplianceStore`), as on SQLite. The scan is in
/// PostgresStore+ComplianceScan.swift.
extension PostgresStore {
    public func saveLicences(_ licences: [BusinessLicence], actor: String) async throws -> LicenceImportSummary {
        let at = timestamp()
        return try await transaction { db in
            let rows = try await db.rows(
                """
                WITH input AS (
                    SELECT * FROM unnest(\(licences.map(\.nib))::text[], \(licences.map(\.name))::text[], \(licences.map(\.regionCode))::text[],
                                         \(licences.map(\.sector))::text[], \(licences.map(\.headcount))::bigint[]) AS u(nib, name, region_code, sector, headcount)),
                changed AS (
                    INSERT INTO business_licence (nib, name, region_code, sector, headcount, updated_at, updated_by)
                    SELECT i.nib, i.name, i.region_code, i.sector, i.headcount, \(at), \(actor) FROM input i
                    WHERE NOT EXISTS (SELECT 1 FROM business_licence l WHERE l.nib = i.nib AND l.name = i.name AND l.region_code = i.region_code
                                      AND l.sector = i.sector AND l.headcount = i.headcount)
                    ON CONFLICT (nib) DO UPDATE SET name = excluded.name, region_code = excluded.region_code, sector = excluded.sector,
                      headcount = excluded.headcount, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    RETURNING (xmax = 0) AS inserted)
                SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM changed
                """)
            var summary = LicenceImportSummary()
            if let row = rows.first {
                let (created, updated) = try row.decode((Int, Int).self)
                summary.created = created
                summary.updated = updated
            }
            summary.unchanged = Set(licences.map(\.nib)).count - summary.created - summary.updated
            return summary
        }
    }

    public func saveRosters(_ rosters: [NonASNRoster], actor: String) async throws {
        try await transaction { db in
            for roster in rosters {
                guard let id = try await db.value("SELECT id FROM employer WHERE npp = \(roster.agencyNPP) AND kind = 'agency'", as: Int64.self) else {
                    throw StoreError.notFound("agency \(roster.agencyNPP)")
                }
                let entries = roster.headcount.sorted { $0.key.rawValue < $1.key.rawValue }
                try await db.execute(
                    """
                    INSERT INTO non_asn_roster (employer_id, as_of, category, headcount)
                    SELECT \(id), \(roster.asOf.iso)::date, category, headcount
                    FROM unnest(\(entries.map(\.key.rawValue))::text[], \(entries.map { Int64($0.value) })::bigint[]) AS u(category, headcount)
                    ON CONFLICT (employer_id, as_of, category) DO UPDATE SET headcount = excluded.headcount
                    """)
            }
        }
    }

    public func advanceSanctions(on date: CalendarDate, ladder: SanctionLadder, actor: String) async throws -> [SanctionStepRecord] {
        try await advanceSanctions(on: date, ladder: ladder, actor: actor, region: nil)
    }

    /// The same for the findings of one region (its code, or a province's two digits; nil: all).
    public func advanceSanctions(on date: CalendarDate, ladder: SanctionLadder, actor: String, region: String?) async throws -> [SanctionStepRecord] {
        if let region, !region.allSatisfy(\.isNumber) { throw StoreError.invalid("region '\(region)' is not a region code") }
        let scope = ComplianceSQL.scope(column: "region_code", region: region, placeholder: region.map { "'\($0)'" } ?? "NULL")
        let at = timestamp()
        return try await transaction { db in
            let due = try await db.rows(
                """
                SELECT id, kind, subject, stage, to_char(stage_entered_on, 'YYYY-MM-DD'), to_char(stage_due_on, 'YYYY-MM-DD'), evidence::text
                FROM compliance_finding WHERE cured_on IS NULL AND stage_due_on IS NOT NULL AND stage_due_on < \(date.iso)::date AND \(unescaped: scope) ORDER BY id
                FOR UPDATE
                """)
            var records: [SanctionStepRecord] = []
            for row in due {
                let (id, kindText, subject, stageText, entered, dueOn, evidenceJSON) = try row.decode((Int64, String, String, String, String, String?, String).self)
                guard let kind = FindingKind(rawValue: kindText), let stage = SanctionStage(rawValue: stageText) else { continue }
                let position = SanctionPosition(stage: stage, enteredOn: try PostgresRows.date(entered), dueOn: try dueOn.map(PostgresRows.date))
                let evidence = try ComplianceSQL.evidence(json: evidenceJSON)
                for step in ladder.steps(from: position, through: date) {
                    let fine = step.stage == .fine ? evidence["open_amount"]?.number.map(SanctionLadder.fine(owed:)) : nil
                    try await db.execute(
                        """
                        INSERT INTO compliance_sanction (finding_id, stage, entered_on, due_on, fine, recorded_at, actor)
                        VALUES (\(id), \(step.stage.rawValue), \(step.enteredOn.iso)::date, \(step.dueOn?.iso)::date, \(fine), \(at), \(actor))
                        """)
                    try await db.execute(
                        """
                        UPDATE compliance_finding SET stage = \(step.stage.rawValue), stage_entered_on = \(step.enteredOn.iso)::date,
                          stage_due_on = \(step.dueOn?.iso)::date WHERE id = \(id)
                        """)
                    records.append(
                        SanctionStepRecord(
                            findingID: id, subject: subject, kind: kind, stage: step.stage, enteredOn: step.enteredOn, dueOn: step.dueOn, fine: fine, actor: actor))
                }
            }
            return records
        }
    }

    public func complianceSubject(identifier: String) async throws -> ComplianceSubject? {
        try await complianceSubjects(identifiers: [identifier])[identifier]
    }

    public func complianceSubjects(identifiers: [String]) async throws -> [String: ComplianceSubject] {
        let npps = identifiers.filter { ComplianceSQL.identifierKind($0) == .npp }
        let nibs = identifiers.filter { ComplianceSQL.identifierKind($0) == .nib }
        guard !npps.isEmpty || !nibs.isEmpty else { return [:] }
        return try await transaction(readOnly: true) { db in
            var result: [String: ComplianceSubject] = [:]
            let employers = try await db.rows(
                """
                SELECT e.npp, e.nib, e.name, e.region_code, l.headcount FROM employer e LEFT JOIN business_licence l ON l.nib = e.nib
                WHERE e.npp = ANY(\(npps)::text[]) OR e.nib = ANY(\(nibs)::text[])
                """)
            for row in employers {
                let (npp, nib, name, region, headcount) = try row.decode((String, String?, String, String, Int64?).self)
                let subject = ComplianceSubject(npp: npp, nib: nib, name: name, regionCode: region, licenceHeadcount: headcount, findings: [])
                if npps.contains(npp) { result[npp] = subject }
                if let nib, nibs.contains(nib) { result[nib] = subject }
            }
            let missing = nibs.filter { result[$0] == nil }
            if !missing.isEmpty {
                for row in try await db.rows("SELECT nib, name, region_code, headcount FROM business_licence WHERE nib = ANY(\(missing)::text[])") {
                    let (nib, name, region, headcount) = try row.decode((String, String, String, Int64).self)
                    result[nib] = ComplianceSubject(npp: nil, nib: nib, name: name, regionCode: region, licenceHeadcount: headcount, findings: [])
                }
            }
            let subjects = Set(result.values.flatMap { [$0.npp, $0.nib].compactMap { $0 } })
            let findings = try await Self.findings(db, subjects: Array(subjects))
            for (key, subject) in result {
                let keys = Set([subject.npp, subject.nib].compactMap { $0 })
                result[key]?.findings = findings.filter { keys.contains($0.subject) }
            }
            return result
        }
    }

    public func openFindings(region: String?, limit: Int) async throws -> [StoredFinding] {
        if let region, !region.allSatisfy(\.isNumber) { throw StoreError.invalid("region '\(region)' is not a region code") }
        let scope = ComplianceSQL.scope(column: "f.region_code", region: region, placeholder: region.map { "'\($0)'" } ?? "NULL")
        return try await read { db in
            try await Self.findingRows(db, where: "f.cured_on IS NULL AND \(scope)", order: "f.region_code, f.subject, f.kind", limit: limit, binds: PostgresBindings())
        }
    }

    public func logComplianceQueries(_ entries: [ComplianceQueryLogEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await read { db in
            try await db.execute(
                """
                INSERT INTO compliance_query_log (at, client, identifier, status, operation)
                SELECT * FROM unnest(\(entries.map(\.at))::text[], \(entries.map(\.client))::text[], \(entries.map(\.identifier))::text[],
                                     \(entries.map(\.status))::text[], \(entries.map(\.operation))::text[])
                """)
        }
    }

    public func complianceQueryLog(limit: Int) async throws -> [ComplianceQueryLogEntry] {
        try await read { db in
            try await db.rows("SELECT at, client, identifier, status, operation FROM compliance_query_log ORDER BY id DESC LIMIT \(limit)").map { row in
                let (at, client, identifier, status, operation) = try row.decode((String, String, String, String, String).self)
                return ComplianceQueryLogEntry(at: at, client: client, identifier: identifier, status: status, operation: operation)
            }
        }
    }

    static func findings(_ db: PostgresSession, subjects: [String]) async throws -> [StoredFinding] {
        guard !subjects.isEmpty else { return [] }
        var binds = PostgresBindings()
        binds.append(subjects)
        var findings = try await findingRows(
            db, where: "f.subject = ANY($1::text[])", order: "f.cured_on IS NOT NULL, f.opened_on DESC, f.id DESC", limit: nil, binds: binds)
        guard !findings.isEmpty else { return [] }
        var history: [Int64: [SanctionStepRecord]] = [:]
        let steps = try await db.rows(
            """
            SELECT s.finding_id, s.stage, to_char(s.entered_on, 'YYYY-MM-DD'), to_char(s.due_on, 'YYYY-MM-DD'), s.fine, s.actor, f.kind, f.subject
            FROM compliance_sanction s JOIN compliance_finding f ON f.id = s.finding_id
            WHERE s.finding_id = ANY(\(findings.map(\.id))::bigint[]) ORDER BY s.id
            """)
        for row in steps {
            let (id, stageText, entered, due, fine, actor, kindText, subject) = try row.decode(
                (Int64, String, String, String?, Int64?, String, String, String).self)
            guard let kind = FindingKind(rawValue: kindText), let stage = SanctionStage(rawValue: stageText) else { continue }
            history[id, default: []].append(
                SanctionStepRecord(
                    findingID: id, subject: subject, kind: kind, stage: stage, enteredOn: try PostgresRows.date(entered), dueOn: try due.map(PostgresRows.date),
                    fine: fine, actor: actor))
        }
        for index in findings.indices { findings[index].history = history[findings[index].id] ?? [] }
        return findings
    }

    static func findingRows(_ db: PostgresSession, where condition: String, order: String, limit: Int?, binds: PostgresBindings) async throws -> [StoredFinding] {
        let rows = try await db.rows(
            PostgresQuery(
                unsafeSQL: """
                    SELECT f.id, f.kind, f.subject, e.npp, f.nib, f.region_code, f.evidence::text, f.rule, to_char(f.opened_on, 'YYYY-MM-DD'),
                           to_char(f.cured_on, 'YYYY-MM-DD'), to_char(f.last_seen_on, 'YYYY-MM-DD'), f.stage, to_char(f.stage_entered_on, 'YYYY-MM-DD'),
                           to_char(f.stage_due_on, 'YYYY-MM-DD')
                    FROM compliance_finding f LEFT JOIN employer e ON e.id = f.employer_id
                    WHERE \(condition) ORDER BY \(order) \(limit.map { "LIMIT \($0)" } ?? "")
                    """, binds: binds))
        return try rows.map { row in
            let (id, kindText, subject, npp, nib, region, evidence, rule, opened, cured, lastSeen, stageText, entered, due) = try row.decode(
                (Int64, String, String, String?, String?, String, String, String, String, String?, String, String, String, String?).self)
            guard let kind = FindingKind(rawValue: kindText), let stage = SanctionStage(rawValue: stageText) else {
                throw StoreError.backend("stored finding \(id) has an unknown kind or stage")
            }
            return StoredFinding(
                id: id, kind: kind, subject: subject, employerNPP: npp, nib: nib, regionCode: region, evidence: try ComplianceSQL.evidence(json: evidence),
                rule: rule, openedOn: try PostgresRows.date(opened), curedOn: try cured.map(PostgresRows.date), lastSeenOn: try PostgresRows.date(lastSeen),
                position: SanctionPosition(stage: stage, enteredOn: try PostgresRows.date(entered), dueOn: try due.map(PostgresRows.date)))
        }
    }
}
