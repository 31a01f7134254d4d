import Foundation
public import LindungCore
public import LindungStorage
import PostgresNIO

/// Coverage figures on PostgreSQL (migration 0008), the same statements as on SQLite (`CoverageSQL`).
extension PostgresStore {
    static let coverageColumns = """
        month, region_code, branch_code, segment, enrolled, active, enrolled_persons, active_persons,
        active_jkk, active_jkm, active_jht, active_jp, active_jkp, active_non_asn
        """

    func coverageTimestamp() -> String { ISO8601DateFormatter().string(from: now()) }

    public func refreshCoverage(month: YearMonth) async throws -> CoverageRefreshSummary {
        let reference = ActiveParticipantRule.referenceDate(of: month)
        let sql = CoverageSQL(first: "$1::date", last: "$2::date", month: "$3::text", cutoff: "$4::date")
        var binds = PostgresBindings()
        binds.append(month.firstDay.iso)
        binds.append(reference.iso)
        binds.append(month.description)
        let monthBinds = binds
        binds.append(ActiveParticipantRule.oldestAllowedDueDate(on: reference).iso)
        let refreshedAt = coverageTimestamp()
        let key = month.description
        return try await transaction { db in
            try await db.execute("CREATE TEMP TABLE coverage_lapsed (employer_id BIGINT PRIMARY KEY) ON COMMIT DROP")
            // A statement must use every bind sent: the lapsed query needs $2 and $4 only, so $1 and $3 are named idly.
            try await db.execute(
                PostgresQuery(unsafeSQL: "INSERT INTO coverage_lapsed SELECT employer_id FROM (\(sql.lapsedEmployers)) l WHERE $1::date IS NOT NULL AND $3::text IS NOT NULL", binds: binds))
            try await db.execute("ANALYZE coverage_lapsed")
            try await db.execute("DELETE FROM coverage_month WHERE month = \(key)")
            try await db.execute("DELETE FROM coverage_agency_month WHERE month = \(key)")
            try await db.execute("DELETE FROM coverage_refresh WHERE month = \(key)")
            try await db.execute(
                "INSERT INTO coverage_refresh (month, reference_date, refreshed_at, enrolled, active) VALUES (\(key), \(reference.iso)::date, \(refreshedAt), 0, 0)")
            try await db.execute(PostgresQuery(unsafeSQL: "INSERT INTO coverage_month (\(Self.coverageColumns)) " + sql.monthRows, binds: monthBinds))
            try await db.execute(
                PostgresQuery(
                    unsafeSQL: "INSERT INTO coverage_agency_month (month, employer_id, roster, roster_as_of, registered, active) "
                        + sql.agencyRows + " AND $4::date IS NOT NULL", binds: binds))
            let totals = try await db.rows(
                """
                SELECT count(*)::bigint, coalesce(sum(enrolled_persons), 0)::bigint, coalesce(sum(active_persons), 0)::bigint
                FROM coverage_month WHERE month = \(key)
                """)
            let (rows, enrolled, active) = try totals[0].decode((Int64, Int64, Int64).self)
            try await db.execute("UPDATE coverage_refresh SET enrolled = \(enrolled), active = \(active) WHERE month = \(key)")
            return CoverageRefreshSummary(month: month, rows: Int(rows), enrolledParticipants: Int(enrolled), activeParticipants: Int(active))
        }
    }

    public func coverageCounts(month: YearMonth, region: String) async throws -> CoverageCounts? {
        try await read { db in
            guard let refreshedAt = try await db.value("SELECT refreshed_at FROM coverage_refresh WHERE month = \(month.description)", as: String.self)
            else { return nil }
            var binds = PostgresBindings()
            binds.append(month.description)
            binds.append(region)
            let filter = CoverageSQL.regionFilter(column: "c.region_code", region: region, parameter: "$2::text")
            let rows = try await db.rows(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT c.region_code, c.branch_code, c.segment, c.enrolled, c.active, c.enrolled_persons, c.active_persons,
                          c.active_jkk, c.active_jkm, c.active_jht, c.active_jp, c.active_jkp, c.active_non_asn, b.name
                        FROM coverage_month c LEFT JOIN branch_office b ON b.code = c.branch_code
                        WHERE c.month = $1 AND \(filter) AND $2::text IS NOT NULL
                        """, binds: binds))
            var branchNames: [String: String] = [:]
            var counts: [CoverageCountRow] = []
            for row in rows {
                let (regionCode, branch, segment, enrolled, active, enrolledPersons, activePersons, jkk, jkm, jht, jp, jkp, nonASN, branchName) =
                    try row.decode((String, String, String, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, String?).self)
                if let branchName { branchNames[branch] = branchName }
                guard let segment = Segment(rawValue: segment) else { throw StoreError.backend("stored segment '\(segment)' is unknown") }
                counts.append(
                    CoverageCountRow(
                        month: month, regionCode: regionCode, branchCode: branch.isEmpty ? nil : branch, segment: segment,
                        enrolled: Int(enrolled), active: Int(active), enrolledPersons: Int(enrolledPersons), activePersons: Int(activePersons),
                        activeByProgram: [.jkk: Int(jkk), .jkm: Int(jkm), .jht: Int(jht), .jp: Int(jp), .jkp: Int(jkp)], activeNonASN: Int(nonASN)))
            }
            return CoverageCounts(month: month, refreshedAt: refreshedAt, rows: counts, branchNames: branchNames)
        }
    }

    public func agencyCoverage(month: YearMonth, region: String) async throws -> [AgencyCoverage] {
        try await read { db in
            var binds = PostgresBindings()
            binds.append(month.description)
            binds.append(region)
            let filter = CoverageSQL.regionFilter(column: "e.parent_region_code", region: region, parameter: "$2::text")
            return try await db.rows(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT e.npp, e.name, e.parent_region_code, a.roster, to_char(a.roster_as_of, 'YYYY-MM-DD'), a.registered, a.active
                        FROM coverage_agency_month a JOIN employer e ON e.id = a.employer_id
                        WHERE a.month = $1 AND \(filter) AND $2::text IS NOT NULL ORDER BY e.npp
                        """, binds: binds)
            ).map { row in
                let (npp, name, region, roster, asOf, registered, active) = try row.decode((String, String, String, Int64?, String?, Int64, Int64).self)
                return AgencyCoverage(
                    npp: npp, name: name, regionCode: region, roster: roster.map(Int.init), rosterAsOf: try asOf.map(PostgresRows.date),
                    registered: Int(registered), active: Int(active))
            }
        }
    }

    public func coverageMonths() async throws -> [CoverageMonthStatus] {
        try await read { db in
            try await db.rows("SELECT month, refreshed_at, active FROM coverage_refresh ORDER BY month").compactMap { row in
                let (month, at, active) = try row.decode((String, String, Int64).self)
                return YearMonth(iso: month).map { CoverageMonthStatus(month: $0, refreshedAt: at, activeParticipants: Int(active)) }
            }
        }
    }

    public func saveWorkforce(_ figures: [WorkforceFigure], actor: String) async throws {
        let at = coverageTimestamp()
        try await transaction { db in
            for figure in figures {
                try await db.execute(
                    """
                    INSERT INTO workforce_figure (region_code, period, working_age_population, labour_force, employed, unemployed,
                      formal_employed, informal_employed, source, imported_at, imported_by)
                    VALUES (\(figure.regionCode), \(figure.period.description), \(figure.workingAgePopulation), \(figure.labourForce),
                      \(figure.employed), \(figure.unemployed), \(figure.formalEmployed), \(figure.informalEmployed), \(figure.source), \(at), \(actor))
                    ON CONFLICT (region_code, period) DO UPDATE SET
                      working_age_population = excluded.working_age_population, labour_force = excluded.labour_force,
                      employed = excluded.employed, unemployed = excluded.unemployed, formal_employed = excluded.formal_employed,
                      informal_employed = excluded.informal_employed, source = excluded.source,
                      imported_at = excluded.imported_at, imported_by = excluded.imported_by
                    """)
            }
        }
    }

    public func importedWorkforce() async throws -> [WorkforceFigure] {
        try await read { db in
            try await db.rows(
                """
                SELECT region_code, period, working_age_population, labour_force, employed, unemployed, formal_employed, informal_employed, source
                FROM workforce_figure ORDER BY region_code, period
                """
            ).compactMap { row in
                let (region, period, workingAge, labourForce, employed, unemployed, formal, informal, source) =
                    try row.decode((String, String, Int64?, Int64?, Int64?, Int64?, Int64?, Int64?, String).self)
                return YearMonth(iso: period).map {
                    WorkforceFigure(
                        regionCode: region, period: $0, workingAgePopulation: workingAge, labourForce: labourForce, employed: employed,
                        unemployed: unemployed, formalEmployed: formal, informalEmployed: informal, source: source, origin: .imported)
                }
            }
        }
    }

    public func saveCoverageTarget(_ target: CoverageTarget, actor: String) async throws {
        let at = coverageTimestamp()
        try await transaction { db in
            try await db.execute(
                """
                INSERT INTO coverage_target (region_code, year, ucj_percent, source, set_at, set_by)
                VALUES (\(target.regionCode), \(target.year), \(target.ucjPercent), \(target.source), \(at), \(actor))
                ON CONFLICT (region_code, year) DO UPDATE SET
                  ucj_percent = excluded.ucj_percent, source = excluded.source, set_at = excluded.set_at, set_by = excluded.set_by
                """)
        }
    }

    public func coverageTargets() async throws -> [CoverageTarget] {
        try await read { db in
            try await db.rows("SELECT region_code, year, ucj_percent, source FROM coverage_target ORDER BY region_code, year").map { row in
                let (region, year, percent, source) = try row.decode((String, Int, Double, String).self)
                return CoverageTarget(regionCode: region, year: year, ucjPercent: percent, source: source, origin: .administrator)
            }
        }
    }
}
