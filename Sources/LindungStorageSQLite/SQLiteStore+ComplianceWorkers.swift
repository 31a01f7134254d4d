import Foundation
import GRDB
import GRDBSQLite
import LindungCore
import LindungStorage

/// The compliance scan's pass over the workers (SQLiteStore+ComplianceScan.swift).
extension SQLiteStore {
    /// Fills `temp.compliance_employer_day`: per employer in scope, the workers registered on the day (all and
    /// non-ASN) and, over its wage earners (PU), how many earn below the region's minimum wage, the lowest
    /// wage, and how many lack each mandatory program. Agencies' non-ASN staff are paid by the region's
    /// budget and join JKK and JKM only (ruling 11), so the wage and program figures leave them out.
    ///
    /// Why a streaming pass: at 5.2 M spells a correlated count or wage lookup per employer walks
    /// `spell_employer` and fetches each spell at random (about 10 s each), and SQLite's GROUP BY over the
    /// joined spells cost about as much again. Two scans in key order instead, as the billing pass does: the
    /// spells working on the day, and the wage table (key: spell, date) merged in by spell id, the last wage in
    /// force winning (docs/BENCHMARKS.md, compliance scan). Requires `temp.compliance_umk`.
    static func countWorkers(_ db: Database, _ request: ComplianceScanRequest) throws {
        let on = request.on.iso
        let programs = scannedPrograms
        var tally = WorkerTally(employers: try employerFacts(db, request, programs: programs), programs: programs)
        let spells = try db.makeStatement(
            sql: """
                SELECT id, employer_id, segment, programs, non_asn_category IS NOT NULL FROM spell
                WHERE start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1) ORDER BY id
                """)
        let wages = try db.makeStatement(sql: "SELECT spell_id, amount FROM wage WHERE effective_from <= ?1 ORDER BY spell_id, effective_from")
        SQLiteStreaming.bind(spells, on)
        SQLiteStreaming.bind(wages, on)
        defer {
            sqlite3_reset(spells.sqliteStatement)
            sqlite3_reset(wages.sqliteStatement)
        }
        let spellHandle = spells.sqliteStatement
        var wageMerge = try WageMerge(wages, db)
        // Segment and programs are short texts with a handful of values: decoded once per distinct value.
        var isWageEarnerSegment = TextCodeCache { $0 == Segment.pu.rawValue ? 1 : 0 }
        var programCodes = TextCodeCache { Int(ProgramSet(list: $0).rawValue) }
        while try SQLiteStreaming.step(spellHandle, db) {
            let wage = try wageMerge.wage(for: sqlite3_column_int64(spellHandle, 0))
            tally.add(
                employerID: sqlite3_column_int64(spellHandle, 1), isPU: isWageEarnerSegment.code(spellHandle, column: 2) == 1,
                programs: ProgramSet(rawValue: UInt8(programCodes.code(spellHandle, column: 3))), isNonASN: sqlite3_column_int64(spellHandle, 4) != 0,
                wage: wage)
        }
        try tally.write(db)
    }

    /// The employers in scope: their region's minimum wage, whether an agency, and the programs their size
    /// class requires.
    private static func employerFacts(_ db: Database, _ request: ComplianceScanRequest, programs: [Program]) throws -> [Int64: WorkerTally.Employer] {
        let inScope = ComplianceSQL.scope(column: "e.region_code", region: request.region, placeholder: ":region")
        var facts: [Int64: WorkerTally.Employer] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.id, e.kind = 'agency' AS agency, e.size_class, u.wage FROM employer e
                LEFT JOIN compliance_umk u ON u.region_code = e.region_code WHERE \(inScope)
                """, arguments: ["region": request.region])
        while let row = try rows.next() {
            let required = ProgramSet(ComplianceRules.mandatoryPrograms(sizeClass: row["size_class"]))
            facts[row["id"]] = .init(minimumWage: row["wage"], isAgency: row["agency"], required: required)
        }
        return facts
    }
}

/// Per-employer counters of the compliance pass.
struct WorkerTally {
    struct Employer {
        let minimumWage: Rupiah?
        let isAgency: Bool
        let required: ProgramSet
    }

    struct Counts {
        var registered: Int64 = 0
        var registeredNonASN: Int64 = 0
        var workersBelow: Int64 = 0
        var lowestWage: Rupiah?
        var without: [Int64]
        var lacking: Int64 = 0

        mutating func record(employer: Employer, isPU: Bool, programs: ProgramSet, isNonASN: Bool, wage: Rupiah?, programSets: [ProgramSet]) {
            registered += 1
            if isNonASN { registeredNonASN += 1 }
            guard isPU, !isNonASN, !employer.isAgency else { return }
            if let wage {
                if let minimum = employer.minimumWage, wage < minimum { workersBelow += 1 }
                lowestWage = min(lowestWage ?? wage, wage)
            }
            let missing = employer.required.subtracting(programs)
            guard !missing.isEmpty else { return }
            lacking += 1
            for index in programSets.indices where missing.contains(programSets[index]) { without[index] += 1 }
        }
    }

    let employers: [Int64: Employer]
    let programs: [Program]
    private let programSets: [ProgramSet]
    private var counts: [Int64: Counts] = [:]

    init(employers: [Int64: Employer], programs: [Program]) {
        self.employers = employers
        self.programs = programs
        self.programSets = programs.map { ProgramSet([$0]) }
    }

    /// Counts one spell working on the day; spells of employers out of scope are skipped.
    mutating func add(employerID: Int64, isPU: Bool, programs spellPrograms: ProgramSet, isNonASN: Bool, wage: Rupiah?) {
        guard let employer = employers[employerID] else { return }
        counts[employerID, default: Counts(without: Array(repeating: 0, count: programSets.count))].record(
            employer: employer, isPU: isPU, programs: spellPrograms, isNonASN: isNonASN, wage: wage, programSets: programSets)
    }

    /// Writes the counters into `temp.compliance_employer_day` (one row per employer with a worker on the day).
    func write(_ db: Database) throws {
        let withoutColumns = programs.map { "without_\($0.rawValue.lowercased())" }
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.compliance_employer_day;
                CREATE TEMP TABLE compliance_employer_day (
                    employer_id INTEGER PRIMARY KEY, registered INTEGER NOT NULL, registered_non_asn INTEGER NOT NULL,
                    workers_below INTEGER NOT NULL, lowest_wage INTEGER, \(withoutColumns.map { "\($0) INTEGER NOT NULL" }.joined(separator: ", ")),
                    lacking INTEGER NOT NULL);
                """)
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO compliance_employer_day VALUES (?, ?, ?, ?, ?, \(withoutColumns.map { _ in "?" }.joined(separator: ", ")), ?)
                """)
        for (employerID, entry) in counts {
            var values: [(any DatabaseValueConvertible)?] = [employerID, entry.registered, entry.registeredNonASN, entry.workersBelow, entry.lowestWage]
            values += entry.without.map { $0 }
            values.append(entry.lacking)
            try insert.execute(arguments: StatementArguments(values))
        }
    }
}

