import GRDB
import GRDBSQLite
import LindungCore

/// What the streaming passes (billing, the compliance scan) share: statements stepped through SQLite's C
/// API, with no GRDB `Row` per result, since at 5 M rows that cost is the pass's (docs/BENCHMARKS.md).
enum SQLiteStreaming {
    /// Binds text values to parameters 1, 2, … (SQLite copies them).
    static func bind(_ statement: Statement, _ texts: String...) {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, text) in texts.enumerated() { sqlite3_bind_text(statement.sqliteStatement, Int32(index + 1), text, -1, transient) }
    }

    /// Steps `handle`: true on a row, false when done; an error carries SQLite's message.
    static func step(_ handle: OpaquePointer?, _ db: Database) throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}

/// The wage table read in key order (spell, then date), merged into a pass over spells in id order: for each
/// spell, the last wage row the statement returns (with `effective_from <= day`, the wage in force that
/// day). The statement selects `spell_id, amount`; index lookups per spell cost more than this one scan.
struct WageMerge {
    private let handle: OpaquePointer?
    private let db: Database
    /// The spell id of the current wage row; Int64.max once the rows are exhausted.
    private var current: Int64 = .max

    init(_ statement: Statement, _ db: Database) throws {
        handle = statement.sqliteStatement
        self.db = db
        try advance()
    }

    /// The wage of `spellID`, consuming its rows; call with ascending spell ids.
    mutating func wage(for spellID: Int64) throws -> Rupiah? {
        while current < spellID { try advance() }
        var wage: Rupiah?
        while current == spellID {
            wage = sqlite3_column_int64(handle, 1)
            try advance()
        }
        return wage
    }

    private mutating func advance() throws {
        current = try SQLiteStreaming.step(handle, db) ? sqlite3_column_int64(handle, 0) : .max
    }
}
