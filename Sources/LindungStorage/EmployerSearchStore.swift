import Foundation
public import LindungCore

/// Which employers a name search may return: the server maps each role's scope to one of these, so the
/// scope is part of the query and a page of results is a page of what the caller may see.
public enum EmployerSearchScope: Sendable, Equatable {
    /// Every employer (administrators, auditors, system clients).
    case everything
    /// Employers whose region code starts with the code (a province `36` or a regency/city `3604`).
    case regionPrefix(String)
    /// Employers of one branch office, by its code (`KC-SRG`).
    case branch(String)
    /// One employer, by NPP (an employer's or an agency operator's own).
    case npp(String)
}

/// Employers by name, for the search box of the roles that see more than one employer (part of
/// `LindungStore`; both backends implement it).
///
/// Indexed on both backends (migration `0011_employer_name_search`): SQLite has an FTS5 trigram index of
/// the names beside a B-tree on `name`, PostgreSQL a `pg_trgm` GIN index beside a B-tree on `name`, so
/// neither scans the employer table to find a rare name nor sorts a long list to page a common one.
public protocol EmployerSearchStore: Sendable {
    /// Employers in `scope` whose name contains `text` (case-insensitive; `%` and `_` match themselves),
    /// ordered by name then id, `offset` of them skipped, at most `limit`.
    func searchEmployers(name text: String, in scope: EmployerSearchScope, limit: Int, offset: Int) async throws -> [Employer]
}

extension EmployerSearchStore {
    /// Every employer whose name contains `text`, the first `limit` by name.
    public func searchEmployers(name text: String, limit: Int) async throws -> [Employer] {
        try await searchEmployers(name: text, in: .everything, limit: limit, offset: 0)
    }
}

/// The `LIKE` pattern of "contains `text`", with `\` escaping `\`, `%` and `_` (both backends' `ESCAPE '\'`).
public enum LikePattern {
    public static func contains(_ text: String) -> String { "%" + escaped(text) + "%" }
    public static func prefix(_ text: String) -> String { escaped(text) + "%" }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
