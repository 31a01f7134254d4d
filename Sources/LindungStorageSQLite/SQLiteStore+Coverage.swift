import Foundation
import GRDB
public import LindungCore
public import LindungStorage

/// Coverage figures on SQLite (migration 0008): the month's aggregate refreshed set-based in one write
/// transaction, read by primary key.
extension SQLiteStore {
    static let coverageColumns = """
        month, region_code, branch_code, segment, enrolled, active, enrolled_persons, active_persons,
        active_jkk, active_jkm, active_jht, active_jp, active_jkp, active_non_asn
        """

    public func refreshCoverage(month: YearMonth) async throws -> CoverageRefreshSummary {
        let reference = ActiveParticipantRule.referenceDate(of: month)
        let sql = CoverageSQL(first: ":first", last: ":last", month: ":month", cutoff: ":cutoff")
        let arguments: StatementArguments = [
            "first": month.firstDay.iso, "last": reference.iso, "month": month.description,
            "cutoff": ActiveParticipantRule.oldestAllowedDueDate(on: reference).iso,
        ]
        let refreshedAt = timestamp()
        return try await mapped {
            try await writer.write { db in
                try db.execute(sql: "DROP TABLE IF EXISTS temp.coverage_lapsed")
                try db.execute(sql: "CREATE TEMP TABLE coverage_lapsed (employer_id INTEGER PRIMARY KEY)")
                try db.execute(sql: "INSERT INTO coverage_lapsed " + sql.lapsedEmployers, arguments: arguments)
                try db.execute(sql: "DELETE FROM coverage_month WHERE month = ?", arguments: [month.description])
                try db.execute(sql: "DELETE FROM coverage_agency_month WHERE month = ?", arguments: [month.description])
                try db.execute(sql: "DELETE FROM coverage_refresh WHERE month = ?", arguments: [month.description])
                try db.execute(
                    sql: "INSERT INTO coverage_refresh (month, reference_date, refreshed_at, enrolled, active) VALUES (?, ?, ?, 0, 0)",
                    arguments: [month.description, reference.iso, refreshedAt])
                try db.execute(sql: "INSERT INTO coverage_month (\(Self.coverageColumns)) " + sql.monthRows, arguments: arguments)
                try db.execute(
                    sql: "INSERT INTO coverage_agency_month (month, employer_id, roster, roster_as_of, registered, active) " + sql.agencyRows,
                    arguments: arguments)
                try db.execute(sql: "DROP TABLE temp.coverage_lapsed")
                let totals = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) AS rows, COALESCE(SUM(enrolled_persons), 0) AS enrolled, COALESCE(SUM(active_persons), 0) AS active
                        FROM coverage_month WHERE month = ?
                        """, arguments: [month.description])!
                try db.execute(
                    sql: "UPDATE coverage_refresh SET enrolled = ?, active = ? WHERE month = ?",
                    arguments: [totals["enrolled"] as Int, totals["active"] as Int, month.description])
                return CoverageRefreshSummary(
                    month: month, rows: totals["rows"], enrolledParticipants: totals["enrolled"], activeParticipants: totals["active"])
            }
        }
    }

    public func coverageCounts(month: YearMonth, region: String) async throws -> CoverageCounts? {
        try await mapped {
            try await writer.read { db in
                guard let refreshedAt = try String.fetchOne(
                    db, sql: "SELECT refreshed_at FROM coverage_refresh WHERE month = ?", arguments: [month.description])
                else { return nil }
                let filter = CoverageSQL.regionFilter(column: "c.region_code", region: region, parameter: ":region")
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.*, b.name AS branch_name FROM coverage_month c LEFT JOIN branch_office b ON b.code = c.branch_code
                        WHERE c.month = :month AND \(filter)
                        """, arguments: ["month": month.description, "region": region])
                var branchNames: [String: String] = [:]
                let counts = try rows.map { row in
                    let branch: String = row["branch_code"]
                    if let name: String = row["branch_name"] { branchNames[branch] = name }
                    return CoverageCountRow(
                        month: month, regionCode: row["region_code"], branchCode: branch.isEmpty ? nil : branch,
                        segment: try SQLiteRows.segment(row["segment"]), enrolled: row["enrolled"], active: row["active"],
                        enrolledPersons: row["enrolled_persons"], activePersons: row["active_persons"],
                        activeByProgram: [
                            .jkk: row["active_jkk"], .jkm: row["active_jkm"], .jht: row["active_jht"], .jp: row["active_jp"], .jkp: row["active_jkp"],
                        ],
                        activeNonASN: row["active_non_asn"])
                }
                return CoverageCounts(month: month, refreshedAt: refreshedAt, rows: counts, branchNames: branchNames)
            }
        }
    }

    public func agencyCoverage(month: YearMonth, region: String) async throws -> [AgencyCoverage] {
        try await mapped {
            try await writer.read { db in
                let filter = CoverageSQL.regionFilter(column: "e.parent_region_code", region: region, parameter: ":region")
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT e.npp, e.name, e.parent_region_code, a.roster, a.roster_as_of, a.registered, a.active
                        FROM coverage_agency_month a JOIN employer e ON e.id = a.employer_id
                        WHERE a.month = :month AND \(filter) ORDER BY e.npp
                        """, arguments: ["month": month.description, "region": region]
                ).map { row in
                    AgencyCoverage(
                        npp: row["npp"], name: row["name"], regionCode: row["parent_region_code"], roster: row["roster"],
                        rosterAsOf: try (row["roster_as_of"] as String?).map(SQLiteRows.date), registered: row["registered"], active: row["active"])
                }
            }
        }
    }

    public func coverageMonths() async throws -> [CoverageMonthStatus] {
        try await mapped {
            try await writer.read { db in
                try Row.fetchAll(db, sql: "SELECT month, refreshed_at, active FROM coverage_refresh ORDER BY month").compactMap { row in
                    YearMonth(iso: row["month"] as String).map {
                        CoverageMonthStatus(month: $0, refreshedAt: row["refreshed_at"], activeParticipants: row["active"])
                    }
                }
            }
        }
    }

    public func saveWorkforce(_ figures: [WorkforceFigure], actor: String) async throws {
        let at = timestamp()
        try await mapped {
            try await writer.write { db in
                for figure in figures {
                    try db.execute(
                        sql: """
                            INSERT INTO workforce_figure (region_code, period, working_age_population, labour_force, employed, unemployed,
                              formal_employed, informal_employed, source, imported_at, imported_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (region_code, period) DO UPDATE SET
                              working_age_population = excluded.working_age_population, labour_force = excluded.labour_force,
                              employed = excluded.employed, unemployed = excluded.unemployed, formal_employed = excluded.formal_employed,
                              informal_employed = excluded.informal_employed, source = excluded.source,
                              imported_at = excluded.imported_at, imported_by = excluded.imported_by
                            """,
                        arguments: [
                            figure.regionCode, figure.period.description, figure.workingAgePopulation, figure.labourForce, figure.employed,
                            figure.unemployed, figure.formalEmployed, figure.informalEmployed, figure.source, at, actor,
                        ])
                }
            }
        }
    }

    public func importedWorkforce() async throws -> [WorkforceFigure] {
        try await mapped {
            try await writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM workforce_figure ORDER BY region_code, period").compactMap { row in
                    guard let period = YearMonth(iso: row["period"] as String) else { return nil }
                    return WorkforceFigure(
                        regionCode: row["region_code"], period: period, workingAgePopulation: row["working_age_population"],
                        labourForce: row["labour_force"], employed: row["employed"], unemployed: row["unemployed"],
                        formalEmployed: row["formal_employed"], informalEmployed: row["informal_employed"], source: row["source"], origin: .imported)
                }
            }
        }
    }

    public func saveCoverageTarget(_ target: CoverageTarget, actor: String) async throws {
        let at = timestamp()
        try await mapped {
            try await writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO coverage_target (region_code, year, ucj_percent, source, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (region_code, year) DO UPDATE SET
                          ucj_percent = excluded.ucj_percent, source = excluded.source, set_at = excluded.set_at, set_by = excluded.set_by
                        """, arguments: [target.regionCode, target.year, target.ucjPercent, target.source, at, actor])
            }
        }
    }

    public func coverageTargets() async throws -> [CoverageTarget] {
        try await mapped {
            try await writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM coverage_target ORDER BY region_code, year").map { row in
                    CoverageTarget(
                        regionCode: row["region_code"], year: row["year"], ucjPercent: row["ucj_percent"], source: row["source"],
                        origin: .administrator)
                }
            }
        }
    }
}
