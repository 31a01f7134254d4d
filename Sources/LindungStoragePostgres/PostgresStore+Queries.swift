import Foundation
public import LindungCore
public import LindungStorage
import PostgresNIO

/// A read of several queries runs in a read-only REPEATABLE READ transaction, so they see one snapshot (as
/// GRDB's `read` does); a read of one query needs none. Names sort by `COLLATE "C"` (code points), as
/// SQLite's default BINARY collation does.
extension PostgresStore {
    public func person(nik: String) async throws -> PersonDetail? {
        try await transaction(readOnly: true) { db in
            guard let row = try await db.rows("SELECT \(unescaped: PostgresRows.personColumns) FROM person p WHERE p.nik = \(nik)").first
            else { return nil }
            let person = try PostgresRows.person(row.makeRandomAccess())
            var wages: [Int64: [WageChange]] = [:]
            for row in try await db.rows(
                """
                SELECT w.spell_id, to_char(w.effective_from, 'YYYY-MM-DD'), w.amount FROM wage w JOIN spell s ON s.id = w.spell_id
                WHERE s.person_id = \(person.id) ORDER BY w.spell_id, w.effective_from
                """)
            {
                let (spellID, from, amount) = try row.decode((Int64, String, Int64).self)
                wages[spellID, default: []].append(WageChange(effectiveFrom: try PostgresRows.date(from), amount: amount))
            }
            let spells = try await db.rows(
                """
                SELECT s.id, e.npp, s.segment, s.programs, s.non_asn_category, to_char(s.start_date, 'YYYY-MM-DD') AS start_date,
                       to_char(s.end_date, 'YYYY-MM-DD') AS end_date, s.exit_reason
                FROM spell s JOIN employer e ON e.id = s.employer_id
                WHERE s.person_id = \(person.id) ORDER BY s.start_date, s.id
                """
            ).map { row in
                let row = row.makeRandomAccess()
                let id = try row["id"].decode(Int64.self)
                return Spell(
                    id: id, employerNPP: try row["npp"].decode(String.self), segment: try PostgresRows.segment(row["segment"].decode(String.self)),
                    programs: ProgramList.decode(try row["programs"].decode(String.self)),
                    category: try PostgresRows.category(row, "non_asn_category"),
                    startDate: try PostgresRows.date(row["start_date"].decode(String.self)), endDate: try PostgresRows.optionalDate(row, "end_date"),
                    exitReason: try row["exit_reason"].decode(String?.self), wages: wages[id] ?? [])
            }
            return PersonDetail(person: person, spells: spells)
        }
    }

    public func searchPersons(name text: String, limit: Int) async throws -> [Person] {
        // `\` escapes the wildcards, so `100%` means the text "100%" (ILIKE's default escape character).
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%\(escaped)%"
        return try await read { db in
            try await db.rows(
                """
                SELECT \(unescaped: PostgresRows.personColumns) FROM person p WHERE p.name ILIKE \(pattern)
                ORDER BY p.name COLLATE "C", p.id LIMIT \(Int64(limit))
                """
            ).map { try PostgresRows.person($0.makeRandomAccess()) }
        }
    }

    public func employer(npp: String) async throws -> Employer? {
        try await read { db in
            try await db.rows("\(unescaped: PostgresRows.employerSelect) WHERE e.npp = \(npp)").first.map {
                try PostgresRows.employer($0.makeRandomAccess())
            }
        }
    }

    public func workers(ofEmployer npp: String, on date: CalendarDate) async throws -> [EmployedWorker] {
        try await transaction(readOnly: true) { db in
            guard let employerID = try await db.value("SELECT id FROM employer WHERE npp = \(npp)", as: Int64.self) else {
                throw StoreError.notFound("employer \(npp)")
            }
            return try await Self.employedWorkers(db, employerID: employerID, on: date)
        }
    }

    static func employedWorkers(_ db: PostgresSession, employerID: Int64, on date: CalendarDate) async throws -> [EmployedWorker] {
        try await db.rows(
            """
            SELECT \(unescaped: PostgresRows.personColumns), s.id AS spell_id, s.segment, s.non_asn_category,
                   to_char(s.start_date, 'YYYY-MM-DD') AS start_date, to_char(s.end_date, 'YYYY-MM-DD') AS end_date,
                   (SELECT w.amount FROM wage w WHERE w.spell_id = s.id AND w.effective_from <= d.day
                    ORDER BY w.effective_from DESC LIMIT 1) AS current_wage
            FROM (SELECT \(date.iso)::date AS day) d, spell s JOIN person p ON p.id = s.person_id
            WHERE s.employer_id = \(employerID) AND s.start_date <= d.day AND (s.end_date IS NULL OR s.end_date >= d.day)
            ORDER BY p.name COLLATE "C", p.id
            """
        ).map { row in
            let row = row.makeRandomAccess()
            return EmployedWorker(
                person: try PostgresRows.person(row), spellID: try row["spell_id"].decode(Int64.self),
                segment: try PostgresRows.segment(row["segment"].decode(String.self)), category: try PostgresRows.category(row, "non_asn_category"),
                startDate: try PostgresRows.date(row["start_date"].decode(String.self)), endDate: try PostgresRows.optionalDate(row, "end_date"),
                wage: try row["current_wage"].decode(Int64?.self) ?? 0)
        }
    }

    public func nonASNStatus(agency npp: String, on date: CalendarDate) async throws -> NonASNStatus {
        try await transaction(readOnly: true) { db in
            guard let row = try await db.rows("\(unescaped: PostgresRows.employerSelect) WHERE e.npp = \(npp)").first else {
                throw StoreError.notFound("agency \(npp)")
            }
            let agency = try PostgresRows.employer(row.makeRandomAccess())
            guard agency.record.kind == .agency else { throw StoreError.invalid("employer \(npp) is not a government agency (OPD)") }
            let rosterDate = try await db.value(
                "SELECT to_char(max(as_of), 'YYYY-MM-DD') FROM non_asn_roster WHERE employer_id = \(agency.id) AND as_of <= \(date.iso)::date",
                as: String.self)
            var roster: NonASNRoster?
            if let rosterDate {
                var headcount: [NonASNCategory: Int] = [:]
                for row in try await db.rows(
                    "SELECT category, headcount FROM non_asn_roster WHERE employer_id = \(agency.id) AND as_of = \(rosterDate)::date")
                {
                    let (category, count) = try row.decode((String, Int).self)
                    if let category = NonASNCategory(rawValue: category) { headcount[category] = count }
                }
                roster = NonASNRoster(agencyNPP: npp, asOf: try PostgresRows.date(rosterDate), headcount: headcount)
            }
            let workers = try await Self.employedWorkers(db, employerID: agency.id, on: date).filter { $0.category != nil }
            var registered: [NonASNCategory: Int] = [:]
            for worker in workers { if let category = worker.category { registered[category, default: 0] += 1 } }
            return NonASNStatus(agency: agency, roster: roster, registered: registered, workers: workers)
        }
    }

    public func auditTrail(entity: AuditEntity, key: String) async throws -> [AuditEntry] {
        try await read { db in
            try await db.rows(
                """
                SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), actor, entity, entity_key, action,
                       before::text, after::text
                FROM audit_log WHERE entity = \(entity.rawValue) AND entity_key = \(key) ORDER BY id
                """
            ).map { row in
                let (id, at, actor, kind, entityKey, action, before, after) = try row.decode(
                    (Int64, String, String, String, String, String, String?, String?).self)
                return AuditEntry(
                    id: id, at: at, actor: actor, entity: AuditEntity(rawValue: kind) ?? entity, entityKey: entityKey, action: action,
                    before: before, after: after)
            }
        }
    }

    public func counts() async throws -> RegistryCounts {
        try await read { db in
            guard
                let row = try await db.rows(
                    """
                    SELECT (SELECT count(*) FROM branch_office), (SELECT count(*) FROM employer), (SELECT count(*) FROM person),
                           (SELECT count(*) FROM spell), (SELECT count(*) FROM wage), (SELECT count(*) FROM audit_log)
                    """
                ).first
            else { throw StoreError.backend("no counts") }
            let (offices, employers, persons, spells, wages, audits) = try row.decode((Int, Int, Int, Int, Int, Int).self)
            return RegistryCounts(
                branchOffices: offices, employers: employers, persons: persons, spells: spells, wages: wages, auditEntries: audits)
        }
    }
}
