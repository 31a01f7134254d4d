import Foundation
import GRDB
import LindungCore
import LindungStorage

/// The point reads behind the server's hottest routes, on `SQLiteReadConnections` (no thread hop, compiled
/// statements kept): an employer by NPP, a person by NIK with spells and wages, an API client by token
/// hash. Each returns exactly what the GRDB path of the same store method returns (SQLiteFastReadTests).
extension SQLiteStore {
    static let fastEmployerSQL = """
        SELECT e.id, e.npp, e.kind, e.name, e.nib, e.npwp, e.region_code, e.parent_region_code, e.risk_class, e.size_class, b.code
        FROM employer e LEFT JOIN branch_office b ON b.id = e.branch_id WHERE e.npp = ?
        """

    static func fastEmployer(_ connection: ReadConnection, npp: String) throws -> Employer? {
        try connection.one(fastEmployerSQL, [.text(npp)]) { row in
            guard let kind = EmployerKind(rawValue: row.text(2)), let size = SizeClass(rawValue: row.text(9)) else {
                throw StoreError.backend("stored employer \(row.text(1)) has an unknown kind or size class")
            }
            return Employer(
                id: row.int64(0), npp: row.text(1),
                record: EmployerRecord(
                    npp: row.text(1), kind: kind, name: row.text(3), nib: row.optionalText(4), npwp: row.optionalText(5),
                    regionCode: row.text(6), parentRegionCode: row.optionalText(7), riskClass: row.int(8), sizeClass: size,
                    branchCode: row.optionalText(10)))
        }
    }

    static func fastPerson(_ connection: ReadConnection, nik: String) throws -> PersonDetail? {
        // The three queries agree: `SQLiteReadConnections.read` runs them in one snapshot.
        let found = try connection.one(
            "SELECT id, kpj, nik, name, birth_date, sex, domicile_region, registered_on FROM person WHERE nik = ?", [.text(nik)]
        ) { row in
            Person(
                id: row.int64(0), kpj: row.text(1),
                record: PersonRecord(
                    nik: row.text(2), name: row.text(3), birthDate: try SQLiteRows.date(row.text(4)),
                    sex: row.text(5) == "female" ? .female : .male, domicileRegion: row.text(6)),
                registeredOn: try SQLiteRows.date(row.text(7)))
        }
        guard let person = found else { return nil }
        let spells = try connection.all(
            """
            SELECT s.id, e.npp, s.segment, s.programs, s.non_asn_category, s.start_date, s.end_date, s.exit_reason
            FROM spell s JOIN employer e ON e.id = s.employer_id WHERE s.person_id = ? ORDER BY s.start_date, s.id
            """, [.integer(person.id)]
        ) { row in
            Spell(
                id: row.int64(0), employerNPP: row.text(1), segment: try SQLiteRows.segment(row.text(2)),
                programs: ProgramList.decode(row.text(3)), category: row.optionalText(4).flatMap(NonASNCategory.init(rawValue:)),
                startDate: try SQLiteRows.date(row.text(5)), endDate: try row.optionalText(6).map(SQLiteRows.date),
                exitReason: row.optionalText(7), wages: [])
        }
        let withWages = try spells.map { spell in
            let wages = try connection.all(
                "SELECT effective_from, amount FROM wage WHERE spell_id = ? ORDER BY effective_from", [.integer(spell.id)]
            ) { WageChange(effectiveFrom: try SQLiteRows.date($0.text(0)), amount: $0.int64(1)) }
            return Spell(
                id: spell.id, employerNPP: spell.employerNPP, segment: spell.segment, programs: spell.programs, category: spell.category,
                startDate: spell.startDate, endDate: spell.endDate, exitReason: spell.exitReason, wages: wages)
        }
        return PersonDetail(person: person, spells: withWages)
    }

    static func fastAPIClient(_ connection: ReadConnection, tokenHash: String) throws -> APIClientRecord? {
        try connection.one(
            "SELECT name, token_sha256, role, scope, grants, created_at, disabled FROM api_client WHERE token_sha256 = ?", [.text(tokenHash)]
        ) { row in
            guard let createdAt = Date.fromDatabaseValue(row.text(5).databaseValue) else {
                throw StoreError.backend("stored api_client \(row.text(0)) has an unreadable created_at")
            }
            return APIClientRecord(
                name: row.text(0), tokenHash: row.text(1), role: row.text(2), scope: row.optionalText(3),
                grants: try JSONDecoder().decode([String].self, from: Data(row.text(4).utf8)), createdAt: createdAt,
                disabled: row.int64(6) != 0)
        }
    }
}
