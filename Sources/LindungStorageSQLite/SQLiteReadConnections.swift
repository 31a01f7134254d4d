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
/// hop. WAL mode lets these readers run beside the GRDB writer; every read runs in a snapshot (below), so
/// the several queries of one read agree with each other.
///
/// Snapshots are reused for a moment. Starting and ending a read transaction (the WAL read lock, two
/// `fcntl` calls) cost as much as the lookup itself and, under load, more than the rest of the request
/// (docs/BENCHMARKS.md, the server's read path). So a connection keeps its read transaction open after a
/// read, and the next read on it reuses that snapshot when both hold:
/// - it began less than `snapshotLifetime` ago: another process's commit is seen at most that late;
/// - this process's writer has not committed since (`writerCommitted()`, called by the store's commit
///   observer): a client that wrote through this server reads its own write at once.
/// A sweep ends the snapshots of connections left idle past their lifetime, so an idle server holds no
/// read transaction (one held open would keep WAL checkpoints from finishing).
///
/// Only for a database file: an in-memory store keeps GRDB's path (its connections cannot be shared).
final class SQLiteReadConnections: Sendable {
    let path: String
    /// How long one snapshot serves reads (the most another process's commit can go unseen).
    let snapshotLifetime: Duration
    private struct State {
        var idle: [ReadConnection] = []
        var sweepScheduled = false
    }
    private let state = Mutex(State())
    /// This process's writer commits so far; a snapshot taken before the latest is not reused.
    private let commits = Atomic<UInt64>(0)
    /// Connections kept open when idle; more are opened under load and closed when given back.
    static let keptIdle = 16

    init(path: String, snapshotLifetime: Duration = .milliseconds(10)) {
        self.path = path
        self.snapshotLifetime = snapshotLifetime
    }

    /// Called after every commit of this process's writer: no read after this sees an older snapshot.
    func writerCommitted() {
        commits.wrappingAdd(1, ordering: .sequentiallyConsistent)
    }

    /// Runs `body` with a connection no other thread uses meanwhile, inside a snapshot that is at most
    /// `snapshotLifetime` old and no older than this process's last commit.
    func read<T>(_ body: (ReadConnection) throws -> T) throws -> T {
        let connection = try state.withLock { $0.idle.popLast() } ?? ReadConnection(path: path)
        do {
            // The commit count is read before the snapshot begins: a commit in between makes the next read
            // start a new snapshot, never keeps a stale one.
            try connection.useSnapshot(now: .now, lifetime: snapshotLifetime, commits: commits.load(ordering: .sequentiallyConsistent))
            let result = try body(connection)
            giveBack(connection)
            return result
        } catch {
            connection.endSnapshot()
            giveBack(connection)
            throw error
        }
    }

    private func giveBack(_ connection: ReadConnection) {
        let (kept, sweep) = state.withLock { state -> (Bool, Bool) in
            guard state.idle.count < Self.keptIdle else { return (false, false) }
            state.idle.append(connection)
            let sweep = connection.holdsSnapshot && !state.sweepScheduled
            if sweep { state.sweepScheduled = true }
            return (true, sweep)
        }
        if !kept { connection.close() }
        if sweep { scheduleSweep() }
    }

    private func scheduleSweep() {
        let (seconds, attoseconds) = snapshotLifetime.components
        let delay = DispatchTimeInterval.nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [weak self] in self?.sweep() }
    }

    /// Ends the snapshots idle connections have held past their lifetime, and comes back while any
    /// idle connection still holds one.
    func sweep(now: ContinuousClock.Instant = .now) {
        let expired = state.withLock { state -> [ReadConnection] in
            state.sweepScheduled = false
            let expired = state.idle.filter { $0.snapshotExpired(now: now, lifetime: snapshotLifetime) }
            state.idle.removeAll { connection in expired.contains { $0 === connection } }
            return expired
        }
        for connection in expired {
            connection.endSnapshot()
            giveBack(connection)
        }
        let again = state.withLock { state -> Bool in
            guard !state.sweepScheduled, state.idle.contains(where: \.holdsSnapshot) else { return false }
            state.sweepScheduled = true
            return true
        }
        if again { scheduleSweep() }
    }

    /// How many connections are open and idle (tests).
    var idleCount: Int { state.withLock { $0.idle.count } }

    /// How many idle connections hold a snapshot (tests).
    var idleSnapshots: Int { state.withLock { $0.idle.count(where: \.holdsSnapshot) } }

    /// Closes the idle connections (the store's `close()`); closing ends any snapshot they hold.
    func closeAll() {
        for connection in state.withLock({ state -> [ReadConnection] in
            defer { state.idle.removeAll() }
            return state.idle
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
        snapshot = nil
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

    /// When the open snapshot began and the writer's commit count then; nil outside a snapshot.
    private var snapshot: (began: ContinuousClock.Instant, commits: UInt64)?

    var holdsSnapshot: Bool { snapshot != nil }

    func snapshotExpired(now: ContinuousClock.Instant, lifetime: Duration) -> Bool {
        guard let snapshot else { return false }
        return now - snapshot.began >= lifetime
    }

    /// Keeps the open snapshot if it is young enough and no commit came since, else starts a new one. A
    /// deferred transaction takes its snapshot at its first read, so `began` is a little early: safe.
    func useSnapshot(now: ContinuousClock.Instant, lifetime: Duration, commits: UInt64) throws {
        if let snapshot, snapshot.commits == commits, now - snapshot.began < lifetime { return }
        endSnapshot()
        try forEach("BEGIN DEFERRED") { _ in }
        snapshot = (now, commits)
    }

    /// Ends the open read transaction, if any (after an error SQLite may have ended it already).
    func endSnapshot() {
        guard snapshot != nil else { return }
        snapshot = nil
        if let handle, sqlite3_get_autocommit(handle) == 0 { try? forEach("COMMIT") { _ in } }
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
