import LindungStorage
import PostgresNIO

/// A leased connection inside one of the store's transactions, with the few ways we run statements.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs a statement and drains whatever it returns.
    func execute(_ query: PostgresQuery) async throws {
        for try await _ in try await connection.query(query, logger: logger) {}
    }

    /// All rows of a query.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    /// The first column of the first row, or nil when there is no row (or it is NULL).
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) async throws -> T? where T._DecodableType == T {
        for try await row in try await connection.query(query, logger: logger) {
            return try row.decode(T?.self)
        }
        return nil
    }

    /// Runs a data-changing statement and returns how many rows it changed. The statement must end in
    /// `RETURNING 1`: PostgresNIO's async API does not expose the command tag's row count.
    func changes(_ query: PostgresQuery) async throws -> Int {
        var counted = query
        counted.sql = "WITH changed AS (\(query.sql)) SELECT count(*) FROM changed"
        return try await value(counted, as: Int.self) ?? 0
    }
}

/// Driver errors → `StoreError`, by SQLSTATE: unique (23505) and exclusion → conflict, foreign key (23503)
/// → notFound, the other integrity violations (check 23514, which our triggers raise too; not-null 23502)
/// and data exceptions (class 22: a malformed date or number) → invalid; anything else → backend.
func mapped<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as PSQLError {
        throw storeError(error)
    } catch let error as PostgresDecodingError {
        throw StoreError.backend("cannot decode a stored value: \(error.code) in column \(error.columnName)")
    }
}

func storeError(_ error: PSQLError) -> StoreError {
    guard let state = error.serverInfo?[.sqlState] else {
        return .backend("PostgreSQL: \(error.code)\(error.underlying.map { ": \($0)" } ?? "")")
    }
    let message = [error.serverInfo?[.message], error.serverInfo?[.detail]].compactMap { $0 }.joined(separator: " ")
    switch state {
    case "23505", "23P01": return .conflict(message)
    case "23503": return .notFound(message)
    case _ where state.hasPrefix("23") || state.hasPrefix("22"): return .invalid(message)
    default: return .backend("PostgreSQL \(state): \(message)")
    }
}

/// Why a connection attempt failed, in words: the server's message, or the network error underneath.
func connectionFailure(_ error: PSQLError) -> String {
    if let message = error.serverInfo?[.message] { return message }
    if error.code == .sslUnsupported { return "the server does not accept TLS (sslmode=disable turns it off)" }
    return error.underlying.map { "\($0)" } ?? "\(error.code)"
}
