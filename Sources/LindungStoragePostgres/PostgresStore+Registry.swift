import Foundation
import LindungCore
public import LindungStorage
import PostgresNIO

extension PostgresStore {
    public func saveBranchOffices(_ offices: [BranchOffice], actor: String) async throws {
        try await transaction { db in
            // KCs first, so a KCP's parent exists when it is written.
            for office in offices.sorted(by: { ($0.kind == .kc ? 0 : 1, $0.code) < ($1.kind == .kc ? 0 : 1, $1.code) }) {
                guard
                    let id = try await db.value(
                        """
                        INSERT INTO branch_office (code, name, kind, parent_code)
                        VALUES (\(office.code), \(office.name), \(office.kind.rawValue), \(office.parentCode))
                        ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_code = excluded.parent_code
                        RETURNING id
                        """, as: Int64.self)
                else { throw StoreError.backend("branch office \(office.code) was not written") }
                try await db.execute("DELETE FROM branch_region WHERE branch_id = \(id)")
                try await db.execute(
                    "INSERT INTO branch_region (branch_id, region_code) SELECT \(id), unnest(\(office.regionCodes)::text[])")
            }
        }
    }

    /// Registers new employers and updates changed ones, keyed by NPP; a row without an NPP gets one
    /// generated from its id (8 digits). Every change is audited with its before and after.
    public func importEmployers(_ plan: EmployerImportPlan) async throws -> ImportSummary {
        let at = now()
        do {
            return try await transaction { db in
                // Employer ids are max(id) + 1, as on SQLite: writers of employers take turns.
                try await db.execute("LOCK TABLE employer IN SHARE ROW EXCLUSIVE MODE")
                var summary = ImportSummary()
                summary.rowsRead = plan.rows.count
                var branchIDs: [String: Int64] = [:]
                for row in try await db.rows("SELECT id, code FROM branch_office") {
                    let (id, code) = try row.decode((Int64, String).self)
                    branchIDs[code] = id
                }
                var accepted: [(record: EmployerRecord, branchID: Int64?)] = []
                for row in plan.rows {
                    var branchID: Int64?
                    if let code = row.record.branchCode {
                        guard let id = branchIDs[code] else {
                            summary.errors.append(RowError(line: row.line, column: "Branch", value: code, reason: "no branch office has this code"))
                            continue
                        }
                        branchID = id
                    }
                    if let nib = row.record.nib, let owner = try await db.value("SELECT npp FROM employer WHERE nib = \(nib)", as: String.self),
                        owner != row.record.npp
                    {
                        summary.errors.append(RowError(line: row.line, column: "NIB", value: nib, reason: "already registered to NPP \(owner)"))
                        continue
                    }
                    accepted.append((row.record, branchID))
                }
                if !summary.errors.isEmpty && !plan.partial {
                    summary.refused = true
                    throw ImportRefusal(summary: summary)
                }
                for (record, branchID) in accepted {
                    try await Self.upsertEmployer(record, branchID: branchID, at: at, actor: plan.actor, db, &summary)
                }
                summary.rowsWritten = summary.created + summary.updated
                return summary
            }
        } catch let refusal as ImportRefusal {
            return refusal.summary
        }
    }

    private static func upsertEmployer(
        _ record: EmployerRecord, branchID: Int64?, at: Date, actor: String, _ db: PostgresSession, _ summary: inout ImportSummary
    ) async throws {
        let values: [String: ColumnValue] = [
            "kind": .text(record.kind.rawValue), "name": .text(record.name), "nib": ColumnValue(record.nib), "npwp": ColumnValue(record.npwp),
            "region_code": .text(record.regionCode), "parent_region_code": ColumnValue(record.parentRegionCode),
            "risk_class": .int(Int64(record.riskClass)), "size_class": .text(record.sizeClass.rawValue), "branch_id": ColumnValue(branchID),
        ]
        let columns = values.keys.sorted()
        if let npp = record.npp,
            let row = try await db.rows("SELECT \(unescaped: columns.joined(separator: ", ")) FROM employer WHERE npp = \(npp)").first
        {
            let existing = try Dictionary(uniqueKeysWithValues: columns.map { ($0, try ColumnValue(row.makeRandomAccess()[$0])) })
            let changed = columns.filter { existing[$0] != values[$0] }
            guard !changed.isEmpty else {
                summary.unchanged += 1
                return
            }
            var binds = PostgresBindings()
            let assignments = changed.map { column in
                values[column]!.bind(&binds)
                return "\(column) = $\(binds.count)"
            }
            binds.append(npp)
            try await db.execute(
                PostgresQuery(unsafeSQL: "UPDATE employer SET \(assignments.joined(separator: ", ")) WHERE npp = $\(binds.count)", binds: binds))
            try await audit(
                db, at: at, actor: actor, entity: .employer, key: npp, action: "update",
                before: ColumnValue.json(changed.map { ($0, existing[$0]!) }),
                after: ColumnValue.json(changed.map { ($0, values[$0]!) }))
            summary.updated += 1
            return
        }
        let id = try await db.value("SELECT coalesce(max(id), 0) + 1 FROM employer", as: Int64.self) ?? 1
        let npp = record.npp ?? String(10_000_000 + id)
        var binds = PostgresBindings()
        binds.append(id)
        binds.append(npp)
        for column in columns { values[column]!.bind(&binds) }
        let placeholders = (1...binds.count).map { "$\($0)" }.joined(separator: ", ")
        try await db.execute(
            PostgresQuery(unsafeSQL: "INSERT INTO employer (id, npp, \(columns.joined(separator: ", "))) VALUES (\(placeholders))", binds: binds))
        try await audit(
            db, at: at, actor: actor, entity: .employer, key: npp, action: "create", before: nil,
            after: ColumnValue.json([("npp", .text(npp))] + columns.map { ($0, values[$0]!) }))
        summary.created += 1
    }

    public func saveAgreement(_ agreement: Agreement, actor: String) async throws {
        try await transaction { db in
            try await db.execute(
                """
                INSERT INTO agreement (number, kind, region_code, counterpart, payer_group, programs, effective_from, effective_to)
                VALUES (\(agreement.number), \(agreement.kind.rawValue), \(agreement.regionCode), \(agreement.counterpart),
                        \(agreement.group.rawValue), \(ProgramList.encode(agreement.programs)), \(agreement.effectiveFrom.iso)::date,
                        \(agreement.effectiveTo?.iso)::date)
                ON CONFLICT (number) DO UPDATE SET kind = excluded.kind, region_code = excluded.region_code,
                    counterpart = excluded.counterpart, payer_group = excluded.payer_group, programs = excluded.programs,
                    effective_from = excluded.effective_from, effective_to = excluded.effective_to
                """)
        }
    }

    public func saveRoster(_ roster: NonASNRoster, actor: String) async throws {
        try await transaction { db in
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

    static func audit(
        _ db: PostgresSession, at: Date, actor: String, entity: AuditEntity, key: String, action: String, before: String?, after: String?
    ) async throws {
        try await db.execute(
            """
            INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after)
            VALUES (\(at), \(actor), \(entity.rawValue), \(key), \(action), \(before)::jsonb, \(after)::jsonb)
            """)
    }
}
