import LindungCore
import LindungStorage
import PostgresNIO

/// Row → record mapping, by column name. Dates are selected as `to_char(…, 'YYYY-MM-DD')` text (see the
/// column lists), so no time zone or DateStyle setting can shift them. A value the schema should have made
/// impossible becomes a `StoreError.backend`.
enum PostgresRows {
    /// The columns `person(_:)` reads, from a table aliased `p`.
    static let personColumns = """
        p.id, p.kpj, p.nik, p.name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.sex, p.domicile_region,
        to_char(p.registered_on, 'YYYY-MM-DD') AS registered_on
        """

    /// The columns `employer(_:)` reads, from `employer e LEFT JOIN branch_office b`.
    static let employerSelect = """
        SELECT e.id, e.npp, e.kind, e.name, e.nib, e.npwp, e.region_code, e.parent_region_code, e.risk_class, e.size_class,
               b.code AS branch_code
        FROM employer e LEFT JOIN branch_office b ON b.id = e.branch_id
        """

    static func date(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else { throw StoreError.backend("stored date '\(text)' is not YYYY-MM-DD") }
        return date
    }

    static func segment(_ text: String) throws -> Segment {
        guard let segment = Segment(rawValue: text) else { throw StoreError.backend("stored segment '\(text)' is unknown") }
        return segment
    }

    static func person(_ row: PostgresRandomAccessRow) throws -> Person {
        Person(
            id: try row["id"].decode(Int64.self), kpj: try row["kpj"].decode(String.self),
            record: PersonRecord(
                nik: try row["nik"].decode(String.self), name: try row["name"].decode(String.self),
                birthDate: try date(row["birth_date"].decode(String.self)),
                sex: try row["sex"].decode(String.self) == "female" ? .female : .male,
                domicileRegion: try row["domicile_region"].decode(String.self)),
            registeredOn: try date(row["registered_on"].decode(String.self)))
    }

    static func employer(_ row: PostgresRandomAccessRow) throws -> Employer {
        let npp = try row["npp"].decode(String.self)
        guard let kind = EmployerKind(rawValue: try row["kind"].decode(String.self)),
            let size = SizeClass(rawValue: try row["size_class"].decode(String.self))
        else { throw StoreError.backend("stored employer \(npp) has an unknown kind or size class") }
        return Employer(
            id: try row["id"].decode(Int64.self), npp: npp,
            record: EmployerRecord(
                npp: npp, kind: kind, name: try row["name"].decode(String.self), nib: try row["nib"].decode(String?.self),
                npwp: try row["npwp"].decode(String?.self), regionCode: try row["region_code"].decode(String.self),
                parentRegionCode: try row["parent_region_code"].decode(String?.self), riskClass: try row["risk_class"].decode(Int.self),
                sizeClass: size, branchCode: try row["branch_code"].decode(String?.self)))
    }

    static func category(_ row: PostgresRandomAccessRow, _ column: String) throws -> NonASNCategory? {
        try row[column].decode(String?.self).flatMap(NonASNCategory.init(rawValue:))
    }

    static func optionalDate(_ row: PostgresRandomAccessRow, _ column: String) throws -> CalendarDate? {
        try row[column].decode(String?.self).map(date)
    }
}
