import Foundation
import GRDB
public import LindungCore
public import LindungStorage

extension SQLiteStore {
    /// Above this many matches of the whole registry, walking the `employer_name` index in name order finds
    /// a page sooner than sorting the trigram index's matches.
    static let employerSearchCommon = 2_000

    /// Two plans over the same predicate (`name LIKE '%text%'`, case-insensitive for ASCII letters, which
    /// Indonesian names are written in). With 3 characters or more, the FTS5 trigram index counts the
    /// matches up to `employerSearchCommon` (a bounded probe): fewer, and the rows are fetched through the
    /// index and sorted; more (or a 2-character text, which trigrams cannot index), and the name index is
    /// walked in order until the page is full, which for a common text takes a few thousand rows.
    public func searchEmployers(name text: String, in scope: EmployerSearchScope, limit: Int, offset: Int) async throws -> [Employer] {
        let (scopeSQL, scopeArguments): (String, StatementArguments) =
            switch scope {
            case .everything: ("", [])
            case .regionPrefix(let code): (" AND e.region_code LIKE ? ESCAPE '\\'", [LikePattern.prefix(code)])
            case .branch(let code): (" AND b.code = ?", [code])
            case .npp(let npp): (" AND e.npp = ?", [npp])
            }
        let like = LikePattern.contains(text)
        let phrase = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return try await mapped {
            try await writer.read { db in
                var rare = false
                if text.count >= 3 {
                    let probe = "SELECT count(*) FROM (SELECT 1 FROM employer_name_fts WHERE employer_name_fts MATCH ? LIMIT ?)"
                    rare = try Int.fetchOne(db, sql: probe, arguments: [phrase, Self.employerSearchCommon]) ?? 0 < Self.employerSearchCommon
                }
                // CROSS JOIN keeps the trigram matches as the outer loop, so the planner cannot prefer walking
                // the name index (which the ORDER BY would tempt it to) for a rare text.
                let from =
                    rare
                    ? "SELECT e.*, b.code AS branch_code FROM (SELECT rowid AS id FROM employer_name_fts WHERE employer_name_fts MATCH ?) m"
                        + " CROSS JOIN employer e ON e.id = m.id LEFT JOIN branch_office b ON b.id = e.branch_id"
                    : Self.employerSelect
                let sql = from + " WHERE e.name LIKE ? ESCAPE '\\'" + scopeSQL + " ORDER BY e.name, e.id LIMIT ? OFFSET ?"
                var arguments: StatementArguments = rare ? [phrase, like] : [like]
                arguments += scopeArguments
                arguments += [limit, offset]
                return try Row.fetchAll(db, sql: sql, arguments: arguments).map(SQLiteRows.employer)
            }
        }
    }
}
