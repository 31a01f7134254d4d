import GRDB
import GRDBSQLite

/// Inserts rows many at a time: one `INSERT … VALUES (…), (…), …` statement per `rowsPerStatement` rows.
/// Each execution of an INSERT opens the table's and its indexes' cursors; a province's month of bills is
/// hundreds of thousands of rows, and per-row statements spent more time opening cursors than writing.
/// Used inside a GRDB write transaction, on the connection that made it.
struct ChunkedInsert {
    enum Value {
        case integer(Int64)
        case text(String)
        case blob([UInt8])
        case null
    }

    private let db: Database
    private let prefix: String
    private let columnCount: Int
    private let rowsPerStatement: Int
    private var full: Statement?
    private var pending: [Value] = []

    init(_ db: Database, table: String, columns: [String], rowsPerStatement: Int = 100) {
        self.db = db
        prefix = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        columnCount = columns.count
        self.rowsPerStatement = max(1, min(rowsPerStatement, 30_000 / max(1, columns.count)))
        pending.reserveCapacity(self.rowsPerStatement * columnCount)
    }

    mutating func add(_ row: [Value]) throws {
        precondition(row.count == columnCount, "a row needs one value per column")
        pending.append(contentsOf: row)
        if pending.count == rowsPerStatement * columnCount {
            if full == nil { full = try statement(rows: rowsPerStatement) }
            try run(full!)
        }
    }

    /// Writes the rows still waiting; call once after the last `add`.
    mutating func finish() throws {
        guard !pending.isEmpty else { return }
        try run(try statement(rows: pending.count / columnCount))
    }

    private func statement(rows: Int) throws -> Statement {
        let tuple = "(" + Array(repeating: "?", count: columnCount).joined(separator: ", ") + ")"
        return try db.makeStatement(sql: prefix + Array(repeating: tuple, count: rows).joined(separator: ", "))
    }

    private mutating func run(_ statement: Statement) throws {
        let handle = statement.sqliteStatement
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in pending.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .integer(let number): sqlite3_bind_int64(handle, index, number)
            case .text(let text): sqlite3_bind_text(handle, index, text, -1, transient)
            case .blob(let bytes):
                bytes.withUnsafeBytes { buffer in _ = sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), transient) }
            case .null: sqlite3_bind_null(handle, index)
            }
        }
        pending.removeAll(keepingCapacity: true)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}

extension ChunkedInsert.Value {
    init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }
}
