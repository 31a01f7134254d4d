import Foundation
import GRDB
public import LindungCore
public import LindungStorage

extension SQLiteStore {
    public func person(nik: String) async throws -> PersonDetail? {
        if let reads { return try reads.read { try Self.fastPerson($0, nik: nik) } }
        return try await personThroughPool(nik: nik)
    }

    func personThroughPool(nik: String) async throws -> PersonDetail? {
        try await mapped {
            try await writer.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE nik = ?", arguments: [nik]) else { return nil }
                let person = try SQLiteRows.person(row)
                let spellRows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.*, e.npp FROM spell s JOIN employer e ON e.id = s.employer_id
                        WHERE s.person_id = ? ORDER BY s.start_date, s.id
                        """, arguments: [person.id])
                let spells = try spellRows.map { row in
                    let wages = try Row.fetchAll(
                        db, sql: "SELECT effective_from, amount FROM wage WHERE spell_id = ? ORDER BY effective_from",
                        arguments: [row["id"] as Int64]
                    ).map { WageChange(effectiveFrom: try SQLiteRows.date($0["effective_from"]), amount: $0["amount"]) }
                    return try SQLiteRows.spell(row, wages: wages)
                }
                return PersonDetail(person: person, spells: spells)
            }
        }
    }

    public func searchPersons(name text: String, limit: Int) async throws -> [Person] {
        try await mapped {
            try await writer.read { db in
                let pattern = "%" + text.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM person WHERE name LIKE ? ESCAPE '\\' ORDER BY name, id LIMIT ?", arguments: [pattern, limit]
                ).map(SQLiteRows.person)
            }
        }
    }

    public func employer(npp: String) async throws -> Employer? {
        if let reads { return try reads.read { try Self.fastEmployer($0, npp: npp) } }
        return try await employerThroughPool(npp: npp)
    }

    func employerThroughPool(npp: String) async throws -> Employer? {
        try await mapped {
            try await writer.read { db in
                try Row.fetchOne(db, sql: Self.employerSelect + " WHERE e.npp = ?", arguments: [npp]).map(SQLiteRows.employer)
            }
        }
    }

    static let employerSelect = "SELECT e.*, b.code AS branch_code FROM employer e LEFT JOIN branch_office b ON b.id = e.branch_id"

    public func workers(ofEmployer npp: String, on date: CalendarDate) async throws -> [EmployedWorker] {
        try await mapped {
            try await writer.read { db in
                guard let employerID = try Int64.fetchOne(db, sql: "SELECT id FROM employer WHERE npp = ?", arguments: [npp]) else {
                    throw StoreError.notFound("employer \(npp)")
                }
                return try Self.employedWorkers(db, employerID: employerID, on: date)
            }
        }
    }

    static func employedWorkers(_ db: Database, employerID: Int64, on date: CalendarDate) throws -> [EmployedWorker] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT p.*, s.id AS spell_id, s.segment, s.non_asn_category, s.start_date, s.end_date,
                       (SELECT w.amount FROM wage w WHERE w.spell_id = s.id AND w.effective_from <= ?1
                        ORDER BY w.effective_from DESC LIMIT 1) AS current_wage
                FROM spell s JOIN person p ON p.id = s.person_id
                WHERE s.employer_id = ?2 AND s.start_date <= ?1 AND (s.end_date IS NULL OR s.end_date >= ?1)
                ORDER BY p.name, p.id
                """, arguments: [date.iso, employerID]
        ).map { row in
            EmployedWorker(
                person: try SQLiteRows.person(row), spellID: row["spell_id"], segment: try SQLiteRows.segment(row["segment"]),
                category: (row["non_asn_category"] as String?).flatMap(NonASNCategory.init(rawValue:)),
                startDate: try SQLiteRows.date(row["start_date"]), endDate: try (row["end_date"] as String?).map(SQLiteRows.date),
                wage: row["current_wage"] ?? 0)
        }
    }

    public func nonASNStatus(agency npp: String, on date: CalendarDate) async throws -> NonASNStatus {
        try await mapped {
            try await writer.read { db in
                guard let row = try Row.fetchOne(db, sql: Self.employerSelect + " WHERE e.npp = ?", arguments: [npp]) else {
                    throw StoreError.notFound("agency \(npp)")
                }
                let agency = try SQLiteRows.employer(row)
                guard agency.record.kind == .agency else { throw StoreError.invalid("employer \(npp) is not a government agency (OPD)") }
                let rosterDate = try String.fetchOne(
                    db, sql: "SELECT max(as_of) FROM non_asn_roster WHERE employer_id = ? AND as_of <= ?", arguments: [agency.id, date.iso])
                var roster: NonASNRoster?
                if let rosterDate {
                    var headcount: [NonASNCategory: Int] = [:]
                    for row in try Row.fetchAll(
                        db, sql: "SELECT category, headcount FROM non_asn_roster WHERE employer_id = ? AND as_of = ?",
                        arguments: [agency.id, rosterDate])
                    {
                        if let category = NonASNCategory(rawValue: row["category"]) { headcount[category] = row["headcount"] }
                    }
                    roster = NonASNRoster(agencyNPP: npp, asOf: try SQLiteRows.date(rosterDate), headcount: headcount)
                }
                let workers = try Self.employedWorkers(db, employerID: agency.id, on: date).filter { $0.category != nil }
                var registered: [NonASNCategory: Int] = [:]
                for worker in workers { if let category = worker.category { registered[category, default: 0] += 1 } }
                return NonASNStatus(agency: agency, roster: roster, registered: registered, workers: workers)
            }
        }
    }

    public func auditTrail(entity: AuditEntity, key: String) async throws -> [AuditEntry] {
        try await mapped {
            try await writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM audit_log WHERE entity = ? AND entity_key = ? ORDER BY id", arguments: [entity.rawValue, key]
                ).map { row in
                    AuditEntry(
                        id: row["id"], at: row["at"], actor: row["actor"], entity: AuditEntity(rawValue: row["entity"]) ?? entity,
                        entityKey: row["entity_key"], action: row["action"], before: row["before"], after: row["after"])
                }
            }
        }
    }

    public func counts() async throws -> RegistryCounts {
        try await mapped {
            try await writer.read { db in
                func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
                return RegistryCounts(
                    branchOffices: try count("branch_office"), employers: try count("employer"), persons: try count("person"),
                    spells: try count("spell"), wages: try count("wage"), auditEntries: try count("audit_log"))
            }
        }
    }
}
