import Foundation
import LindungCore
public import LindungStorage
import PostgresNIO

extension PostgresStore {
    /// Rows per staging statement: each batch is one `INSERT … SELECT FROM unnest($1::bigint[], …)`.
    static let batchSize = 10_000

    /// Applies a worker file set-based, as `SQLiteStore` does: the rows go into a temporary staging table
    /// (in batches of `batchSize`), then a fixed number of INSERT … SELECT / UPDATE … FROM statements register
    /// new persons, spells and wage changes and write the audit rows, all in one transaction. Re-applying the
    /// same rows changes nothing.
    public func importWorkers(_ plan: WorkerImportPlan) async throws -> ImportSummary {
        let at = now()
        do {
            return try await transaction { session in try await Self.applyWorkers(plan, at: at, session) }
        } catch let refusal as ImportRefusal {
            return refusal.summary
        }
    }

    private static func applyWorkers(_ plan: WorkerImportPlan, at: Date, _ db: PostgresSession) async throws -> ImportSummary {
        guard let employerID = try await db.value("SELECT id FROM employer WHERE npp = \(plan.employerNPP)", as: Int64.self) else {
            throw StoreError.notFound("employer \(plan.employerNPP)")
        }
        // Imports take turns (readers do not wait): new ids are max(id) + n, as on SQLite, and the checks
        // against the registry below must still hold when the rows are written.
        try await db.execute("LOCK TABLE person, spell IN SHARE ROW EXCLUSIVE MODE")
        // JIT compiling these plans costs more than it saves (PERFORMANCE.md: 465 ms on a 1.5 s query), and
        // the audit rows are sorted by id: in memory rather than on disk.
        try await db.execute("SET LOCAL jit = off")
        try await db.execute("SET LOCAL work_mem = '64MB'")
        var summary = ImportSummary()
        summary.rowsRead = plan.rows.count
        try await stage(plan.rows, db)

        // Against the registry: a NIK already registered to another name or birth date, and an open spell
        // at this employer that started on another date.
        for row in try await db.rows(
            """
            SELECT r.line, r.nik, p.name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date
            FROM import_row r JOIN person p ON p.nik = r.nik
            WHERE p.name <> r.name OR p.birth_date <> r.birth_date ORDER BY r.line
            """)
        {
            let (line, nik, name, born) = try row.decode((Int, String, String, String).self)
            summary.errors.append(RowError(line: line, column: "NIK", value: nik, reason: "already registered as '\(name)' born \(born)"))
        }
        for row in try await db.rows(
            """
            SELECT r.line, to_char(r.start_date, 'YYYY-MM-DD'), to_char(s.start_date, 'YYYY-MM-DD') FROM import_row r
            JOIN person p ON p.nik = r.nik
            JOIN spell s ON s.person_id = p.id AND s.employer_id = \(employerID) AND s.end_date IS NULL AND s.start_date <> r.start_date
            WHERE NOT EXISTS (SELECT 1 FROM spell x WHERE x.person_id = p.id AND x.employer_id = \(employerID) AND x.start_date = r.start_date)
            ORDER BY r.line
            """)
        {
            let (line, start, openStart) = try row.decode((Int, String, String).self)
            summary.errors.append(
                RowError(
                    line: line, column: "Start Date", value: start,
                    reason: "the worker already has an open spell at this employer since \(openStart); end it first"))
        }
        summary.errors.sort { $0.line < $1.line }
        if !summary.errors.isEmpty {
            guard plan.partial else {
                summary.refused = true
                throw ImportRefusal(summary: summary)
            }
            try await db.execute("DELETE FROM import_row WHERE line = ANY(\(summary.errors.map { Int64($0.line) }))")
        }

        // New persons, each with a participant number made from its id (KPJ.make).
        let maxima = try await db.rows("SELECT (SELECT coalesce(max(id), 0) FROM person), (SELECT coalesce(max(id), 0) FROM spell)")
        let (nextPerson, nextSpell) = try maxima[0].decode((Int64, Int64).self)
        summary.personsCreated = try await db.changes(
            """
            INSERT INTO person (id, nik, kpj, name, birth_date, sex, domicile_region, registered_on)
            SELECT id, nik, '1' || lpad(id::text, 10, '0'), name, birth_date, sex, domicile, \(plan.asOf.iso)::date FROM (
                SELECT \(nextPerson) + row_number() OVER (ORDER BY line) AS id, r.* FROM import_row r
                WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.nik = r.nik)) n
            ORDER BY id
            RETURNING 1
            """)
        try await db.execute(
            """
            INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after)
            SELECT \(at), \(plan.actor), 'person', nik, 'create', NULL,
                   jsonb_build_object('nik', nik, 'kpj', kpj, 'name', name, 'birth_date', birth_date, 'sex', sex,
                                      'domicile_region', domicile_region)
            FROM person WHERE id > \(nextPerson) ORDER BY id
            """)

        // Each row's person, its existing spell at this employer with the same start date and that spell's
        // current wage, or else a new spell id: SQLite's three UPDATEs in one pass over the staging table.
        try await db.execute(
            """
            UPDATE import_row r SET person_id = m.person_id, spell_id = coalesce(m.existing, \(nextSpell) + m.rank),
                                    new_spell = m.existing IS NULL, current_wage = m.current_wage
            FROM (
                SELECT x.line, p.id AS person_id, s.id AS existing, w.amount AS current_wage,
                       row_number() OVER (PARTITION BY s.id IS NULL ORDER BY x.line) AS rank
                FROM import_row x JOIN person p ON p.nik = x.nik
                LEFT JOIN LATERAL (SELECT s.id FROM spell s WHERE s.person_id = p.id AND s.employer_id = \(employerID)
                                   AND s.start_date = x.start_date ORDER BY s.id LIMIT 1) s ON true
                LEFT JOIN LATERAL (SELECT w.amount FROM wage w WHERE w.spell_id = s.id ORDER BY w.effective_from DESC LIMIT 1) w ON true
            ) m
            WHERE m.line = r.line
            """)

        // New spells with their first wage.
        summary.created = try await db.changes(
            """
            INSERT INTO spell (id, person_id, employer_id, segment, programs, non_asn_category, start_date, end_date, exit_reason)
            SELECT spell_id, person_id, \(employerID), segment, programs, category, start_date, end_date, exit_reason
            FROM import_row WHERE new_spell ORDER BY spell_id
            RETURNING 1
            """)
        try await db.execute("INSERT INTO wage (spell_id, effective_from, amount) SELECT spell_id, start_date, wage FROM import_row WHERE new_spell")
        try await db.execute(
            """
            INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after)
            SELECT \(at), \(plan.actor), 'spell', spell_id::text, 'create', NULL,
                   jsonb_build_object('nik', nik, 'employer', \(plan.employerNPP)::text, 'segment', segment, 'programs', programs,
                                      'non_asn_category', category, 'start_date', start_date, 'end_date', end_date,
                                      'exit_reason', exit_reason, 'wage', wage)
            FROM import_row WHERE new_spell ORDER BY import_row.spell_id
            """)

        // Existing spells: a changed wage is a new wage-history entry from the import date; an end date closes
        // the spell; a changed programme list or category updates it.
        try await db.execute(
            """
            INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after)
            SELECT \(at), \(plan.actor), 'wage', spell_id::text, 'update', jsonb_build_object('amount', current_wage),
                   jsonb_build_object('amount', wage, 'effective_from', greatest(\(plan.asOf.iso)::date, start_date))
            FROM import_row WHERE NOT new_spell AND wage <> current_wage ORDER BY line
            """)
        summary.wagesChanged = try await db.changes(
            """
            INSERT INTO wage (spell_id, effective_from, amount)
            SELECT spell_id, greatest(\(plan.asOf.iso)::date, start_date), wage FROM import_row WHERE NOT new_spell AND wage <> current_wage
            ON CONFLICT (spell_id, effective_from) DO UPDATE SET amount = excluded.amount
            RETURNING 1
            """)
        try await db.execute(
            """
            INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after)
            SELECT \(at), \(plan.actor), 'spell', r.spell_id::text, 'close', jsonb_build_object('end_date', s.end_date),
                   jsonb_build_object('end_date', r.end_date, 'exit_reason', r.exit_reason)
            FROM import_row r JOIN spell s ON s.id = r.spell_id
            WHERE NOT r.new_spell AND r.end_date IS NOT NULL AND s.end_date IS NULL ORDER BY r.line
            """)
        summary.spellsClosed = try await db.changes(
            """
            UPDATE spell s SET end_date = r.end_date, exit_reason = r.exit_reason
            FROM import_row r WHERE r.spell_id = s.id AND NOT r.new_spell AND r.end_date IS NOT NULL AND s.end_date IS NULL
            RETURNING 1
            """)
        try await db.execute(
            """
            INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after)
            SELECT \(at), \(plan.actor), 'spell', r.spell_id::text, 'update',
                   jsonb_build_object('programs', s.programs, 'non_asn_category', s.non_asn_category),
                   jsonb_build_object('programs', r.programs, 'non_asn_category', r.category)
            FROM import_row r JOIN spell s ON s.id = r.spell_id
            WHERE NOT r.new_spell AND (s.programs <> r.programs OR s.non_asn_category IS DISTINCT FROM r.category) ORDER BY r.line
            """)
        summary.updated = try await db.changes(
            """
            UPDATE spell s SET programs = r.programs, non_asn_category = r.category
            FROM import_row r WHERE r.spell_id = s.id AND NOT r.new_spell
              AND (s.programs <> r.programs OR s.non_asn_category IS DISTINCT FROM r.category)
            RETURNING 1
            """)

        summary.unchanged =
            try await db.value(
                """
                SELECT count(*) FROM import_row r JOIN spell s ON s.id = r.spell_id
                WHERE NOT r.new_spell AND r.wage = r.current_wage AND (r.end_date IS NULL OR r.end_date IS NOT DISTINCT FROM s.end_date)
                  AND s.programs = r.programs AND s.non_asn_category IS NOT DISTINCT FROM r.category
                """, as: Int.self) ?? 0
        summary.rowsWritten = summary.rowsRead - summary.errors.count - summary.unchanged
        return summary
    }

    /// Loads the rows into a temporary staging table (dropped at commit) in batches of `batchSize` rows,
    /// one `INSERT … SELECT FROM unnest(…)` each: never a round trip per row.
    private static func stage(_ rows: [WorkerRow], _ db: PostgresSession) async throws {
        try await db.execute(
            """
            CREATE TEMP TABLE import_row (
                line BIGINT PRIMARY KEY, nik TEXT NOT NULL, name TEXT NOT NULL, birth_date DATE NOT NULL, sex TEXT NOT NULL,
                domicile TEXT NOT NULL, segment TEXT NOT NULL, programs TEXT NOT NULL, category TEXT, start_date DATE NOT NULL,
                end_date DATE, exit_reason TEXT, wage BIGINT NOT NULL,
                person_id BIGINT, spell_id BIGINT, new_spell BOOLEAN NOT NULL DEFAULT false, current_wage BIGINT
            ) ON COMMIT DROP
            """)
        for batch in batches(rows) {
            let lines = batch.map { Int64($0.line) }
            let niks = batch.map(\.person.nik)
            let names = batch.map(\.person.name)
            let births = batch.map(\.person.birthDate.iso)
            let sexes = batch.map(\.person.sex.rawValue)
            let domiciles = batch.map(\.person.domicileRegion)
            let segments = batch.map(\.segment.rawValue)
            let programs = batch.map { ProgramList.encode($0.programs) }
            let categories = NullableArray(batch.map { $0.category?.rawValue })
            let starts = batch.map(\.startDate.iso)
            let ends = NullableArray(batch.map { $0.endDate?.iso })
            let exits = NullableArray(batch.map(\.exitReason))
            let wages = batch.map(\.wage)
            try await db.execute(
                """
                INSERT INTO import_row (line, nik, name, birth_date, sex, domicile, segment, programs, category, start_date, end_date,
                                        exit_reason, wage)
                SELECT * FROM unnest(\(lines)::bigint[], \(niks)::text[], \(names)::text[], \(births)::date[], \(sexes)::text[],
                                     \(domiciles)::text[], \(segments)::text[], \(programs)::text[], \(categories)::text[], \(starts)::date[],
                                     \(ends)::date[], \(exits)::text[], \(wages)::bigint[])
                """)
        }
        // Temporary tables get no statistics from autovacuum: without them the planner guesses.
        try await db.execute("ANALYZE import_row")
    }
}

/// Thrown inside the transaction to roll it back when an all-or-nothing import has errors.
struct ImportRefusal: Error {
    let summary: ImportSummary
}
