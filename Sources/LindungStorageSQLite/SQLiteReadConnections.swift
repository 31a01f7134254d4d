import Foundation
import GRDBSQLite
import LindungStorage
import Synchronization

/// Read-only SQLite connections for the server's hot point reads (an employer by NPP, a person by NIK, an
/// API client by token hash), used synchronously on the caller's thread.
///
/// GRDB's `await pool.read {}` costs ~300 µs a call on this kind of machine (thread hops, a transaction
/// per read, the statement authorizer), against ~6 µs for the query itself (docs/BENCHMARKS.md, issue 5).
/// Here a read takes an idle connection from a list under a mutex (or opens one), runs prepared statements
/// it compiled once (`SQLITE_PREPARE_PERSISTENT`, no authorizer), and puts it back: no thread hop, no
/// suspension. Blocking the calling thread for a few microseconds of an indexed lookup is cheaper than any
/// hop. WAL mode lets these readers run beside the GRDB writer; a single statement is its own read
/// transaction, and `transaction` wraps several in one snapshot.
///
/// Only for a database file: an in-memory store keeps GRDB's path (its connections cannot be shared).
final class SQLiteReadConnections: Sendable {
    let path: String
    private let idle = Mutex<[ReadConnection]>([])
    /// Connections kept open when idle; more are opened under load and closed when given back.
    static let keptIdle = 16

    init(path: String) {
        self.path = path
    }

    /// Runs `body` with a connection no other thread uses meanwhile. Statements are reset before the
    /// connection goes back, so no read transaction stays open and WAL checkpoints are never held up.
    func read<T>(_ body: (ReadConnection) throws -> T) throws -> T {
        let connection = try idle.withLock { $0.popLast() } ?? ReadConnection(path: path)
        defer {
            let kept = idle.withLock { list -> Bool in
                guard list.count < Self.keptIdle else { return false }
                list.append(connection)
                return true
            }
            if !kept { connection.close() }
        }
        return try body(connection)
    }

    /// How many connections are open and idle (tests).
    var idleCount: Int { idle.withLock { $0.count } }

    /// Closes the idle connections (the store's `close()`).
    func closeAll() {
        for connection in idle.withLock({ list -> [ReadConnection] in
            defer { list.removeAll() }
            return list
        }) {
            connection.close()
        }
    }
}

/// A value bound to a `?` of a read statement.
enum ReadValue {
    case text(String)
    case integer(Int64)
}

/// One read-only connection and its compiled statements. Owned by one thread at a time (the pool hands it
/// out under a mutex), hence `@unchecked Sendable`.
final class ReadConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    init(path: String) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "status \(status)"
            sqlite3_close_v2(db)
            throw StoreError.backend("cannot open a read connection to \(path): \(message)")
        }
        handle = db
        // A writer's checkpoint can briefly lock the WAL index; wait for it rather than fail.
        sqlite3_busy_timeout(db, 5_000)
        // Memory-mapped reads skip a copy per page; the page cache per connection stays modest.
        try execute("PRAGMA mmap_size = 268435456")
        try execute("PRAGMA cache_size = -16384")
    }

    deinit { close() }

    func close() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw error(sql) }
    }

    private func error(_ sql: String) -> StoreError {
        .backend("SQLite read failed (\(String(cString: sqlite3_errmsg(handle)))): \(sql)")
    }

    /// The compiled statement for `sql`, compiled on first use and kept for the connection's life.
    private func statement(_ sql: String) throws -> OpaquePointer {
        if let cached = statements[sql] { return cached }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK, let statement else {
            throw error(sql)
        }
        statements[sql] = statement
        return statement
    }

    /// Runs `sql` with `arguments`, calling `each` for every row; the statement is reset afterwards.
    func forEach(_ sql: String, _ arguments: [ReadValue] = [], _ each: (ReadRow) throws -> Void) throws {
        let statement = try statement(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            switch argument {
            case .integer(let value): sqlite3_bind_int64(statement, index, value)
            // SQLITE_TRANSIENT: SQLite copies the bytes before the Swift string goes away.
            case .text(let value): sqlite3_bind_text(statement, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: try each(ReadRow(statement: statement))
            case SQLITE_DONE: return
            default: throw error(sql)
            }
        }
    }

    /// The first row of `sql` mapped by `map`, or nil when there is none.
    func one<T>(_ sql: String, _ arguments: [ReadValue] = [], _ map: (ReadRow) throws -> T) throws -> T? {
        var result: T?
        try forEach(sql, arguments) { row in
            if result == nil { result = try map(row) }
        }
        return result
    }

    /// Every row of `sql` mapped by `map`.
    func all<T>(_ sql: String, _ arguments: [ReadValue] = [], _ map: (ReadRow) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEach(sql, arguments) { result.append(try map($0)) }
        return result
    }

    /// Several reads in one snapshot (a deferred read transaction), so they agree with each other.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try forEach("BEGIN DEFERRED") { _ in }
        do {
            let result = try body()
            try forEach("COMMIT") { _ in }
            return result
        } catch {
            try? forEach("ROLLBACK") { _ in }
            throw error
        }
    }
}

/// The current row of a stepped statement, read by column index (the SELECTs list their columns).
struct ReadRow {
    let statement: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
}
