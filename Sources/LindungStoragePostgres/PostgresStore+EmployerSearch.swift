import Foundation
public import LindungCore
public import LindungStorage
import PostgresNIO

extension PostgresStore {
    /// `ILIKE '%text%'` (`\` escapes the wildcards, ILIKE's default escape character) in the scope, by name
    /// in byte order as the person search; the planner chooses between the trigram index and walking
    /// `employer_name` (migration 0011).
    public func searchEmployers(name text: String, in scope: EmployerSearchScope, limit: Int, offset: Int) async throws -> [Employer] {
        let pattern = LikePattern.contains(text)
        let select = PostgresRows.employerSelect
        let order = #"ORDER BY e.name COLLATE "C", e.id"#
        let query: PostgresQuery =
            switch scope {
            case .everything:
                "\(unescaped: select) WHERE e.name ILIKE \(pattern) \(unescaped: order) LIMIT \(Int64(limit)) OFFSET \(Int64(offset))"
            case .regionPrefix(let code):
                """
                \(unescaped: select) WHERE e.name ILIKE \(pattern) AND e.region_code LIKE \(LikePattern.prefix(code))
                \(unescaped: order) LIMIT \(Int64(limit)) OFFSET \(Int64(offset))
                """
            case .branch(let code):
                "\(unescaped: select) WHERE e.name ILIKE \(pattern) AND b.code = \(code) \(unescaped: order) LIMIT \(Int64(limit)) OFFSET \(Int64(offset))"
            case .npp(let npp):
                "\(unescaped: select) WHERE e.name ILIKE \(pattern) AND e.npp = \(npp) \(unescaped: order) LIMIT \(Int64(limit)) OFFSET \(Int64(offset))"
            }
        return try await read { db in try await db.rows(query).map { try PostgresRows.employer($0.makeRandomAccess()) } }
    }
}
