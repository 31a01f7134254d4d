import PostgresNIO
public import LindungStorage

/// The claim lists with their scope in SQL (`ClaimQuery`), as on SQLite: EXISTS over the person's spells
/// and employers; oldest first.
extension PostgresStore: ClaimQueueStore {
    public func claims(_ query: ClaimQuery, limit: Int, offset: Int) async throws -> [ClaimRecord] {
        var conditions: [String] = []
        var values: [any PostgresEncodable & Sendable] = []
        func bind(_ value: any PostgresEncodable & Sendable) -> String {
            values.append(value)
            return "$\(values.count)"
        }
        if !query.statuses.isEmpty { conditions.append("c.status = ANY(\(bind(query.statuses))::text[])") }
        if let nik = query.nik { conditions.append("p.nik = \(bind(nik))") }
        let spellAt = "EXISTS (SELECT 1 FROM spell s JOIN employer e ON e.id = s.employer_id WHERE s.person_id = c.person_id AND "
        if let branch = query.branchCode {
            conditions.append(spellAt + "e.branch_id = (SELECT id FROM branch_office WHERE code = \(bind(branch))))")
        }
        if let npp = query.employerNPP { conditions.append(spellAt + "e.npp = \(bind(npp)))") }
        if let region = query.regionPrefix {
            let prefix = bind(region)
            conditions.append("(starts_with(p.domicile_region, \(prefix)) OR " + spellAt + "starts_with(e.region_code, \(prefix))))")
        }
        if let before = query.submittedBefore { conditions.append("c.submitted_at < \(bind(before))") }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = Self.claimSelect + filter + " ORDER BY c.submitted_at, c.id LIMIT \(bind(limit)) OFFSET \(bind(offset))"
        let bindings = try Self.binds(values)
        return try await read { db in try await db.rows(PostgresQuery(unsafeSQL: sql, binds: bindings)).map(Self.claimRecord) }
    }
}
