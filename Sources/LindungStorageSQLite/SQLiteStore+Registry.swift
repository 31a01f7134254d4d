import GRDB
import LindungCore
public import LindungStorage

extension SQLiteStore {
    public func saveBranchOffices(_ offices: [BranchOffice], actor: String) async throws {
        try await mapped {
            try await writer.write { db in
                // KCs first, so a KCP's parent exists when it is written.
                for office in offices.sorted(by: { ($0.kind == .kc ? 0 : 1, $0.code) < ($1.kind == .kc ? 0 : 1, $1.code) }) {
                    try db.execute(
                        sql: """
                            INSERT INTO branch_office (code, name, kind, parent_code) VALUES (?, ?, ?, ?)
                            ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_code = excluded.parent_code
                            """, arguments: [office.code, office.name, office.kind.rawValue, office.parentCode])
                    let id = try Int64.fetchOne(db, sql: "SELECT id FROM branch_office WHERE code = ?", arguments: [office.code])!
                    try db.execute(sql: "DELETE FROM branch_region WHERE branch_id = ?", arguments: [id])
                    for region in office.regionCodes {
                        try db.execute(sql: "INSERT INTO branch_region (branch_id, region_code) VALUES (?, ?)", arguments: [id, region])
                    }
                }
            }
        }
    }

    /// Registers new employers and updates changed ones, keyed by NPP; a row without an NPP gets one
    /// generated from its id (8 digits). Every change is audited with its before and after.
    public func importEmployers(_ plan: EmployerImportPlan) async throws -> ImportSummary {
        let at = timestamp()
        do {
            return try await mapped {
                try await writer.write { db in
                    var summary = ImportSummary()
                    summary.rowsRead = plan.rows.count
                    var branchIDs: [String: Int64] = [:]
                    for row in try Row.fetchAll(db, sql: "SELECT id, code FROM branch_office") { branchIDs[row["code"]] = row["id"] }
                    var accepted: [(line: Int, record: EmployerRecord, branchID: Int64?)] = []
                    for row in plan.rows {
                        var branchID: Int64?
                        if let code = row.record.branchCode {
                            guard let id = branchIDs[code] else {
                                summary.errors.append(RowError(line: row.line, column: "Branch", value: code, reason: "no branch office has this code"))
                                continue
                            }
                            branchID = id
                        }
                        if let nib = row.record.nib,
                            let owner = try String.fetchOne(db, sql: "SELECT npp FROM employer WHERE nib = ?", arguments: [nib]),
                            owner != row.record.npp
                        {
                            summary.errors.append(RowError(line: row.line, column: "NIB", value: nib, reason: "already registered to NPP \(owner)"))
                            continue
                        }
                        accepted.append((row.line, row.record, branchID))
                    }
                    if !summary.errors.isEmpty && !plan.partial {
                        summary.refused = true
                        throw ImportRefusal(summary: summary)
                    }
                    for (_, record, branchID) in accepted {
                        try Self.upsertEmployer(record, branchID: branchID, at: at, actor: plan.actor, db, &summary)
                    }
                    summary.rowsWritten = summary.created + summary.updated
                    return summary
                }
            }
        } catch let refusal as ImportRefusal {
            return refusal.summary
        }
    }

    private static func upsertEmployer(
        _ record: EmployerRecord, branchID: Int64?, at: String, actor: String, _ db: Database, _ summary: inout ImportSummary
    ) throws {
        let values: [String: (any DatabaseValueConvertible)?] = [
            "kind": record.kind.rawValue, "name": record.name, "nib": record.nib, "npwp": record.npwp, "region_code": record.regionCode,
            "parent_region_code": record.parentRegionCode, "risk_class": record.riskClass, "size_class": record.sizeClass.rawValue,
            "branch_id": branchID,
        ]
        let columns = values.keys.sorted()
        if let npp = record.npp, let existing = try Row.fetchOne(db, sql: "SELECT * FROM employer WHERE npp = ?", arguments: [npp]) {
            let changed = columns.filter { existing[$0] as DatabaseValue != (values[$0] ?? nil)?.databaseValue ?? .null }
            guard !changed.isEmpty else {
                summary.unchanged += 1
                return
            }
            try db.execute(
                sql: "UPDATE employer SET \(changed.map { "\($0) = ?" }.joined(separator: ", ")) WHERE npp = ?",
                arguments: StatementArguments(changed.map { values[$0] ?? nil } + [npp]))
            try audit(
                db, at: at, actor: actor, entity: .employer, key: npp, action: "update",
                before: json(changed.map { ($0, existing[$0] as DatabaseValue) }),
                after: json(changed.map { ($0, (values[$0] ?? nil)?.databaseValue ?? .null) }))
            summary.updated += 1
            return
        }
        let id = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM employer") ?? 1)
        let npp = record.npp ?? String(10_000_000 + id)
        try db.execute(
            sql: "INSERT INTO employer (id, npp, \(columns.joined(separator: ", "))) VALUES (?, ?\(String(repeating: ", ?", count: columns.count)))",
            arguments: StatementArguments([id, npp] + columns.map { values[$0] ?? nil }))
        try audit(
            db, at: at, actor: actor, entity: .employer, key: npp, action: "create", before: nil,
            after: json([("npp", npp.databaseValue)] + columns.map { ($0, (values[$0] ?? nil)?.databaseValue ?? .null) }))
        summary.created += 1
    }

    public func saveAgreement(_ agreement: Agreement, actor: String) async throws {
        try await mapped {
            try await writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO agreement (number, kind, region_code, counterpart, payer_group, programs, effective_from, effective_to)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (number) DO UPDATE SET kind = excluded.kind, region_code = excluded.region_code,
                            counterpart = excluded.counterpart, payer_group = excluded.payer_group, programs = excluded.programs,
                            effective_from = excluded.effective_from, effective_to = excluded.effective_to
                        """,
                    arguments: [
                        agreement.number, agreement.kind.rawValue, agreement.regionCode, agreement.counterpart, agreement.group.rawValue,
                        ProgramList.encode(agreement.programs), agreement.effectiveFrom.iso, agreement.effectiveTo?.iso,
                    ])
            }
        }
    }

    public func saveRoster(_ roster: NonASNRoster, actor: String) async throws {
        try await mapped {
            try await writer.write { db in
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

    static func audit(
        _ db: Database, at: String, actor: String, entity: AuditEntity, key: String, action: String, before: String?, after: String?
    ) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [at, actor, entity.rawValue, key, action, before, after])
    }

    /// A JSON object of column values for the audit log, keys in the given order.
    static func json(_ pairs: [(String, DatabaseValue)]) -> String {
        AuditJSON.object(
            pairs.map { key, value in
                switch value.storage {
                case .int64(let number): (key, .int(number))
                case .string(let text): (key, .text(text))
                case .double(let number): (key, .text(String(number)))
                case .null, .blob: (key, .null)
                }
            })
    }
}
