import Foundation
import GRDB
public import LindungCore
public import LindungStorage

/// Employer compliance on SQLite (`ComplianceStore`): licences, rosters, the ladder, status and the query log.
/// The scan is in SQLiteStore+ComplianceScan.swift.
extension SQLiteStore {
    public func saveLicences(_ licences: [BusinessLicence], actor: String) async throws -> LicenceImportSummary {
        let at = timestamp()
        return try await mapped {
            try await writer.write { db in
                var summary = LicenceImportSummary()
                for licence in licences {
                    let existing = try Row.fetchOne(
                        db, sql: "SELECT name, region_code, sector, headcount FROM business_licence WHERE nib = ?", arguments: [licence.nib])
                    if let existing {
                        let same: Bool =
                            existing["name"] == licence.name && existing["region_code"] == licence.regionCode && existing["sector"] == licence.sector
                            && existing["headcount"] == licence.headcount
                        if same { summary.unchanged += 1; continue }
                        summary.updated += 1
                    } else {
                        summary.created += 1
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO business_licence (nib, name, region_code, sector, headcount, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (nib) DO UPDATE SET name = excluded.name, region_code = excluded.region_code, sector = excluded.sector,
                              headcount = excluded.headcount, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                            """, arguments: [licence.nib, licence.name, licence.regionCode, licence.sector, licence.headcount, at, actor])
                }
                return summary
            }
        }
    }

    public func saveRosters(_ rosters: [NonASNRoster], actor: String) async throws {
        try await mapped {
            try await writer.write { db in
                for roster in rosters {
                    guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM employer WHERE npp = ? AND kind = 'agency'", arguments: [roster.agencyNPP])
                    else { throw StoreError.notFound("agency \(roster.agencyNPP)") }
                    for (category, headcount) in roster.headcount.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                        try db.execute(
                            sql: """
                                INSERT INTO non_asn_roster (employer_id, as_of, category, headcount) VALUES (?, ?, ?, ?)
                                ON CONFLICT (employer_id, as_of, category) DO UPDATE SET headcount = excluded.headcount
                                """, arguments: [id, roster.asOf.iso, category.rawValue, headcount])
                    }
                }
            }
        }
    }

    public func advanceSanctions(on date: CalendarDate, ladder: SanctionLadder, actor: String) async throws -> [SanctionStepRecord] {
        try await advanceSanctions(on: date, ladder: ladder, actor: actor, region: nil)
    }

    /// The same for the findings of one region (its code, or a province's two digits; nil: all).
    public func advanceSanctions(on date: CalendarDate, ladder: SanctionLadder, actor: String, region: String?) async throws -> [SanctionStepRecord] {
        let at = timestamp()
        let scope = ComplianceSQL.scope(column: "region_code", region: region, placeholder: "?")
        return try await mapped {
            try await writer.write { db in
                let due = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, kind, subject, stage, stage_entered_on, stage_due_on, evidence FROM compliance_finding
                        WHERE cured_on IS NULL AND stage_due_on IS NOT NULL AND stage_due_on < ? AND \(scope) ORDER BY id
                        """, arguments: StatementArguments([date.iso] + (region.map { [$0] } ?? [])))
                var records: [SanctionStepRecord] = []
                for row in due {
                    guard let kind = FindingKind(rawValue: row["kind"]), let stage = SanctionStage(rawValue: row["stage"]) else { continue }
                    let position = SanctionPosition(
                        stage: stage, enteredOn: try SQLiteRows.date(row["stage_entered_on"]), dueOn: try (row["stage_due_on"] as String?).map(SQLiteRows.date))
                    let evidence = try ComplianceSQL.evidence(json: row["evidence"])
                    for step in ladder.steps(from: position, through: date) {
                        let fine = step.stage == .fine ? evidence["open_amount"]?.number.map(SanctionLadder.fine(owed:)) : nil
                        let record = SanctionStepRecord(
                            findingID: row["id"], subject: row["subject"], kind: kind, stage: step.stage, enteredOn: step.enteredOn, dueOn: step.dueOn,
                            fine: fine, actor: actor)
                        try db.execute(
                            sql: """
                                INSERT INTO compliance_sanction (finding_id, stage, entered_on, due_on, fine, recorded_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)
                                """, arguments: [record.findingID, step.stage.rawValue, step.enteredOn.iso, step.dueOn?.iso, fine, at, actor])
                        try db.execute(
                            sql: "UPDATE compliance_finding SET stage = ?, stage_entered_on = ?, stage_due_on = ? WHERE id = ?",
                            arguments: [step.stage.rawValue, step.enteredOn.iso, step.dueOn?.iso, record.findingID])
                        records.append(record)
                    }
                }
                return records
            }
        }
    }

    public func complianceSubject(identifier: String) async throws -> ComplianceSubject? {
        try await complianceSubjects(identifiers: [identifier])[identifier]
    }

    public func complianceSubjects(identifiers: [String]) async throws -> [String: ComplianceSubject] {
        try await mapped {
            try await writer.read { db in
                var result: [String: ComplianceSubject] = [:]
                let employerStatement = try db.cachedStatement(
                    sql: """
                        SELECT e.npp, e.nib, e.name, e.region_code, l.headcount FROM employer e LEFT JOIN business_licence l ON l.nib = e.nib
                        WHERE e.npp = ? OR e.nib = ?
                        """)
                let licenceStatement = try db.cachedStatement(sql: "SELECT nib, name, region_code, headcount FROM business_licence WHERE nib = ?")
                for identifier in identifiers where result[identifier] == nil {
                    guard let kind = ComplianceSQL.identifierKind(identifier) else { continue }
                    let npp = kind == .npp ? identifier : ""
                    let nib = kind == .nib ? identifier : ""
                    var subject: ComplianceSubject
                    if let row = try Row.fetchOne(employerStatement, arguments: [npp, nib]) {
                        subject = ComplianceSubject(
                            npp: row["npp"], nib: row["nib"], name: row["name"], regionCode: row["region_code"], licenceHeadcount: row["headcount"],
                            findings: [])
                    } else if kind == .nib, let row = try Row.fetchOne(licenceStatement, arguments: [identifier]) {
                        subject = ComplianceSubject(
                            npp: nil, nib: row["nib"], name: row["name"], regionCode: row["region_code"], licenceHeadcount: row["headcount"], findings: [])
                    } else {
                        continue
                    }
                    subject.findings = try Self.findings(db, subjects: [subject.npp, subject.nib].compactMap { $0 })
                    result[identifier] = subject
                }
                return result
            }
        }
    }

    public func openFindings(region: String?, limit: Int) async throws -> [StoredFinding] {
        try await mapped {
            try await writer.read { db in
                let scope = ComplianceSQL.scope(column: "f.region_code", region: region, placeholder: ":region")
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT f.*, e.npp FROM compliance_finding f LEFT JOIN employer e ON e.id = f.employer_id
                        WHERE f.cured_on IS NULL AND \(scope) ORDER BY f.region_code, f.subject, f.kind LIMIT :limit
                        """, arguments: ["region": region, "limit": limit])
                return try rows.map { try Self.finding($0, history: []) }
            }
        }
    }

    public func logComplianceQueries(_ entries: [ComplianceQueryLogEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await mapped {
            try await writer.write { db in
                let statement = try db.cachedStatement(
                    sql: "INSERT INTO compliance_query_log (at, client, identifier, status, operation) VALUES (?, ?, ?, ?, ?)")
                for entry in entries {
                    try statement.execute(arguments: [entry.at, entry.client, entry.identifier, entry.status, entry.operation])
                }
            }
        }
    }

    public func complianceQueryLog(limit: Int) async throws -> [ComplianceQueryLogEntry] {
        try await mapped {
            try await writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT at, client, identifier, status, operation FROM compliance_query_log ORDER BY id DESC LIMIT ?", arguments: [limit]
                ).map { ComplianceQueryLogEntry(at: $0["at"], client: $0["client"], identifier: $0["identifier"], status: $0["status"], operation: $0["operation"]) }
            }
        }
    }

    /// The findings about the given subjects (NPP and NIB), open first then newest, each with its ladder history.
    static func findings(_ db: Database, subjects: [String]) throws -> [StoredFinding] {
        guard !subjects.isEmpty else { return [] }
        let marks = subjects.map { _ in "?" }.joined(separator: ", ")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT f.*, e.npp FROM compliance_finding f LEFT JOIN employer e ON e.id = f.employer_id
                WHERE f.subject IN (\(marks)) ORDER BY f.cured_on IS NOT NULL, f.opened_on DESC, f.id DESC
                """, arguments: StatementArguments(subjects))
        guard !rows.isEmpty else { return [] }
        let ids = rows.map { $0["id"] as Int64 }
        var history: [Int64: [SanctionStepRecord]] = [:]
        let steps = try Row.fetchAll(
            db,
            sql: """
                SELECT s.finding_id, s.stage, s.entered_on, s.due_on, s.fine, s.actor, f.kind, f.subject
                FROM compliance_sanction s JOIN compliance_finding f ON f.id = s.finding_id
                WHERE s.finding_id IN (\(ids.map { _ in "?" }.joined(separator: ", "))) ORDER BY s.id
                """, arguments: StatementArguments(ids))
        for step in steps {
            guard let kind = FindingKind(rawValue: step["kind"]), let stage = SanctionStage(rawValue: step["stage"]) else { continue }
            history[step["finding_id"], default: []].append(
                SanctionStepRecord(
                    findingID: step["finding_id"], subject: step["subject"], kind: kind, stage: stage, enteredOn: try SQLiteRows.date(step["entered_on"]),
                    dueOn: try (step["due_on"] as String?).map(SQLiteRows.date), fine: step["fine"], actor: step["actor"]))
        }
        return try rows.map { try finding($0, history: history[$0["id"]] ?? []) }
    }

    static func finding(_ row: Row, history: [SanctionStepRecord]) throws -> StoredFinding {
        guard let kind = FindingKind(rawValue: row["kind"]), let stage = SanctionStage(rawValue: row["stage"]) else {
            throw StoreError.backend("stored finding \(row["id"] as Int64) has an unknown kind or stage")
        }
        return StoredFinding(
            id: row["id"], kind: kind, subject: row["subject"], employerNPP: row["npp"], nib: row["nib"], regionCode: row["region_code"],
            evidence: try ComplianceSQL.evidence(json: row["evidence"]), rule: row["rule"], openedOn: try SQLiteRows.date(row["opened_on"]),
            curedOn: try (row["cured_on"] as String?).map(SQLiteRows.date), lastSeenOn: try SQLiteRows.date(row["last_seen_on"]),
            position: SanctionPosition(
                stage: stage, enteredOn: try SQLiteRows.date(row["stage_entered_on"]), dueOn: try (row["stage_due_on"] as String?).map(SQLiteRows.date)),
            history: history)
    }
}
