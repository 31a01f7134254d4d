import GRDB
import LindungCore
public import LindungStorage

extension SQLiteStore {
    /// Applies a worker file set-based: the rows go into a temporary staging table, then a fixed number of
    /// INSERT … SELECT / UPDATE statements register new persons, spells and wage changes and write the
    /// audit rows, all in one transaction. Re-applying the same rows changes nothing.
    public func importWorkers(_ plan: WorkerImportPlan) async throws -> ImportSummary {
        let at = timestamp()
        do {
            return try await mapped {
                try await writer.write { db in try Self.applyWorkers(plan, at: at, db) }
            }
        } catch let refusal as ImportRefusal {
            return refusal.summary
        }
    }

    private static func applyWorkers(_ plan: WorkerImportPlan, at: String, _ db: Database) throws -> ImportSummary {
        guard let employerID = try Int64.fetchOne(db, sql: "SELECT id FROM employer WHERE npp = ?", arguments: [plan.employerNPP]) else {
            throw StoreError.notFound("employer \(plan.employerNPP)")
        }
        var summary = ImportSummary()
        summary.rowsRead = plan.rows.count
        try stage(plan.rows, db)

        // Against the registry: a NIK already registered to another name or birth date, and an open spell
        // at this employer that started on another date.
        summary.errors = try Row.fetchAll(
            db,
            sql: """
                SELECT r.line, r.nik, p.name, p.birth_date FROM import_row r JOIN person p ON p.nik = r.nik
                WHERE p.name <> r.name OR p.birth_date <> r.birth_date ORDER BY r.line
                """
        ).map { row in
            RowError(
                line: row["line"], column: "NIK", value: row["nik"],
                reason: "already registered as '\(row["name"] as String)' born \(row["birth_date"] as String)")
        }
        summary.errors += try Row.fetchAll(
            db,
            sql: """
                SELECT r.line, r.start_date, s.start_date AS open_start FROM import_row r
                JOIN person p ON p.nik = r.nik
                JOIN spell s INDEXED BY spell_person
                    ON s.person_id = p.id AND s.employer_id = ?1 AND s.end_date IS NULL AND s.start_date <> r.start_date
                WHERE NOT EXISTS (SELECT 1 FROM spell x INDEXED BY spell_person
                                  WHERE x.person_id = p.id AND x.employer_id = ?1 AND x.start_date = r.start_date)
                ORDER BY r.line
                """, arguments: [employerID]
        ).map { row in
            RowError(
                line: row["line"], column: "Start Date", value: row["start_date"],
                reason: "the worker already has an open spell at this employer since \(row["open_start"] as String); end it first")
        }
        summary.errors.sort { $0.line < $1.line }
        if !summary.errors.isEmpty {
            guard plan.partial else {
                summary.refused = true
                throw ImportRefusal(summary: summary)
            }
            try db.execute(sql: "DELETE FROM import_row WHERE line IN (\(summary.errors.map { String($0.line) }.joined(separator: ",")))")
        }

        // New persons, each with a participant number made from its id (KPJ.make).
        let nextPerson = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM person") ?? 0)
        try db.execute(
            sql: """
                INSERT INTO person (id, nik, kpj, name, birth_date, sex, domicile_region, registered_on)
                SELECT id, nik, '1' || printf('%010d', id), name, birth_date, sex, domicile, ?2 FROM (
                    SELECT ?1 + row_number() OVER (ORDER BY line) AS id, r.* FROM import_row r
                    WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.nik = r.nik))
                """, arguments: [nextPerson, plan.asOf.iso])
        summary.personsCreated = db.changesCount
        try db.execute(
            sql: """
                INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after)
                SELECT ?1, ?2, 'person', nik, 'create', NULL,
                       json_object('nik', nik, 'kpj', kpj, 'name', name, 'birth_date', birth_date, 'sex', sex, 'domicile_region', domicile_region)
                FROM person WHERE id > ?3 ORDER BY id
                """, arguments: [at, plan.actor, nextPerson])
        try db.execute(
            sql: """
                UPDATE import_row SET person_id = (SELECT id FROM person p WHERE p.nik = import_row.nik)
                """)
        // Spells are looked up by person: the (employer, start date) index would scan every spell of a
        // large employer that started on the same day, once per row.
        try db.execute(
            sql: """
                UPDATE import_row SET spell_id = (
                    SELECT s.id FROM spell s INDEXED BY spell_person
                    WHERE s.person_id = import_row.person_id AND s.employer_id = ?1 AND s.start_date = import_row.start_date)
                """, arguments: [employerID])

        // New spells with their first wage.
        let nextSpell = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM spell") ?? 0)
        try db.execute(sql: "UPDATE import_row SET new_spell = 1 WHERE spell_id IS NULL")
        try db.execute(
            sql: """
                UPDATE import_row SET spell_id = n.id
                FROM (SELECT line, ?1 + row_number() OVER (ORDER BY line) AS id FROM import_row WHERE new_spell = 1) n
                WHERE n.line = import_row.line
                """, arguments: [nextSpell])
        try db.execute(
            sql: """
                INSERT INTO spell (id, person_id, employer_id, segment, programs, non_asn_category, start_date, end_date, exit_reason)
                SELECT spell_id, person_id, ?1, segment, programs, category, start_date, end_date, exit_reason
                FROM import_row WHERE new_spell = 1 ORDER BY spell_id
                """, arguments: [employerID])
        summary.created = db.changesCount
        try db.execute(sql: "INSERT INTO wage (spell_id, effective_from, amount) SELECT spell_id, start_date, wage FROM import_row WHERE new_spell = 1")
        try db.execute(
            sql: """
                INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after)
                SELECT ?1, ?2, 'spell', CAST(spell_id AS TEXT), 'create', NULL,
                       json_object('nik', nik, 'employer', ?3, 'segment', segment, 'programs', programs, 'non_asn_category', category,
                                   'start_date', start_date, 'end_date', end_date, 'exit_reason', exit_reason, 'wage', wage)
                FROM import_row WHERE new_spell = 1 ORDER BY spell_id
                """, arguments: [at, plan.actor, plan.employerNPP])

        // Existing spells: a changed wage is a new wage-history entry from the import date; an end date closes
        // the spell; a changed programme list or category updates it.
        try db.execute(
            sql: """
                UPDATE import_row SET current_wage = (
                    SELECT w.amount FROM wage w WHERE w.spell_id = import_row.spell_id ORDER BY w.effective_from DESC LIMIT 1)
                WHERE new_spell = 0
                """)
        try db.execute(
            sql: """
                INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after)
                SELECT ?1, ?2, 'wage', CAST(spell_id AS TEXT), 'update',
                       json_object('amount', current_wage), json_object('amount', wage, 'effective_from', max(?3, start_date))
                FROM import_row WHERE new_spell = 0 AND wage <> current_wage ORDER BY line
                """, arguments: [at, plan.actor, plan.asOf.iso])
        try db.execute(
            sql: """
                INSERT INTO wage (spell_id, effective_from, amount)
                SELECT spell_id, max(?1, start_date), wage FROM import_row WHERE new_spell = 0 AND wage <> current_wage
                ON CONFLICT (spell_id, effective_from) DO UPDATE SET amount = excluded.amount
                """, arguments: [plan.asOf.iso])
        summary.wagesChanged = db.changesCount
        try db.execute(
            sql: """
                INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after)
                SELECT ?1, ?2, 'spell', CAST(r.spell_id AS TEXT), 'close', json_object('end_date', s.end_date),
                       json_object('end_date', r.end_date, 'exit_reason', r.exit_reason)
                FROM import_row r JOIN spell s ON s.id = r.spell_id
                WHERE r.new_spell = 0 AND r.end_date IS NOT NULL AND s.end_date IS NULL ORDER BY r.line
                """, arguments: [at, plan.actor])
        try db.execute(
            sql: """
                UPDATE spell SET end_date = r.end_date, exit_reason = r.exit_reason
                FROM import_row r WHERE r.spell_id = spell.id AND r.new_spell = 0 AND r.end_date IS NOT NULL AND spell.end_date IS NULL
                """)
        summary.spellsClosed = db.changesCount
        try db.execute(
            sql: """
                INSERT INTO audit_log (at, actor, entity, entity_key, action, before, after)
                SELECT ?1, ?2, 'spell', CAST(r.spell_id AS TEXT), 'update',
                       json_object('programs', s.programs, 'non_asn_category', s.non_asn_category),
                       json_object('programs', r.programs, 'non_asn_category', r.category)
                FROM import_row r JOIN spell s ON s.id = r.spell_id
                WHERE r.new_spell = 0 AND (s.programs <> r.programs OR s.non_asn_category IS NOT r.category) ORDER BY r.line
                """, arguments: [at, plan.actor])
        try db.execute(
            sql: """
                UPDATE spell SET programs = r.programs, non_asn_category = r.category
                FROM import_row r WHERE r.spell_id = spell.id AND r.new_spell = 0
                  AND (spell.programs <> r.programs OR spell.non_asn_category IS NOT r.category)
                """)
        summary.updated = db.changesCount

        summary.unchanged = try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM import_row r JOIN spell s ON s.id = r.spell_id
                WHERE r.new_spell = 0 AND r.wage = r.current_wage AND (r.end_date IS NULL OR r.end_date IS s.end_date)
                  AND s.programs = r.programs AND s.non_asn_category IS r.category
                """) ?? 0
        summary.rowsWritten = summary.rowsRead - summary.errors.count - summary.unchanged
        try db.execute(sql: "DROP TABLE import_row")
        return summary
    }

    /// Loads the rows into the temporary staging table through one prepared statement.
    private static func stage(_ rows: [WorkerRow], _ db: Database) throws {
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.import_row;
                CREATE TEMP TABLE import_row (
                    line INTEGER PRIMARY KEY, nik TEXT NOT NULL, name TEXT NOT NULL, birth_date TEXT NOT NULL, sex TEXT NOT NULL,
                    domicile TEXT NOT NULL, segment TEXT NOT NULL, programs TEXT NOT NULL, category TEXT, start_date TEXT NOT NULL,
                    end_date TEXT, exit_reason TEXT, wage INTEGER NOT NULL,
                    person_id INTEGER, spell_id INTEGER, new_spell INTEGER NOT NULL DEFAULT 0, current_wage INTEGER);
                """)
        var insert = try RawInsert(
            db,
            sql: """
                INSERT INTO import_row (line, nik, name, birth_date, sex, domicile, segment, programs, category, start_date, end_date,
                                        exit_reason, wage) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
                """)
        for row in rows {
            insert.bind(Int64(row.line))
            insert.bind(row.person.nik)
            insert.bind(row.person.name)
            insert.bind(row.person.birthDate.iso)
            insert.bind(row.person.sex.rawValue)
            insert.bind(row.person.domicileRegion)
            insert.bind(row.segment.rawValue)
            insert.bind(ProgramList.encode(row.programs))
            insert.bind(row.category?.rawValue)
            insert.bind(row.startDate.iso)
            insert.bind(row.endDate?.iso)
            insert.bind(row.exitReason)
            insert.bind(row.wage)
            try insert.step(db)
        }
        try db.execute(sql: "CREATE INDEX temp.import_row_nik ON import_row(nik)")
    }
}

/// Thrown inside the write transaction to roll it back when an all-or-nothing import has errors.
struct ImportRefusal: Error {
    let summary: ImportSummary
}
