import GRDB
public import LindungStorage

/// The claim lists with their scope in SQL (`ClaimQuery`): EXISTS over the person's spells and employers,
/// which `spell_person` serves; oldest first from `claim_queue` (status, submitted_at).
extension SQLiteStore: ClaimQueueStore {
    public func claims(_ query: ClaimQuery, limit: Int, offset: Int) async throws -> [ClaimRecord] {
        var conditions: [String] = []
        var arguments: [String: (any DatabaseValueConvertible)?] = ["limit": limit, "offset": offset]
        if !query.statuses.isEmpty {
            let names = query.statuses.indices.map { ":status\($0)" }
            conditions.append("c.status IN (\(names.joined(separator: ", ")))")
            for (index, status) in query.statuses.enumerated() { arguments["status\(index)"] = status }
        }
        if let nik = query.nik {
            conditions.append("p.nik = :nik")
            arguments["nik"] = nik
        }
        let spellAt = "EXISTS (SELECT 1 FROM spell s JOIN employer e ON e.id = s.employer_id WHERE s.person_id = c.person_id AND "
        if let branch = query.branchCode {
            conditions.append(spellAt + "e.branch_id = (SELECT id FROM branch_office WHERE code = :branch))")
            arguments["branch"] = branch
        }
        if let npp = query.employerNPP {
            conditions.append(spellAt + "e.npp = :npp)")
            arguments["npp"] = npp
        }
        if let region = query.regionPrefix {
            conditions.append("(substr(p.domicile_region, 1, length(:region)) = :region OR " + spellAt + "substr(e.region_code, 1, length(:region)) = :region))")
            arguments["region"] = region
        }
        if let before = query.submittedBefore {
            conditions.append("c.submitted_at < :before")
            arguments["before"] = before
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = Self.claimSelect + filter + " ORDER BY c.submitted_at, c.id LIMIT :limit OFFSET :offset"
        let statementArguments = StatementArguments(arguments)
        return try await mapped {
            try await writer.read { db in try Row.fetchAll(db, sql: sql, arguments: statementArguments).map(Self.claimRecord) }
        }
    }
}
