import GRDB
import LindungCore
import LindungStorage

/// Row → record mapping. A value the schema should have made impossible becomes a `StoreError.backend`.
enum SQLiteRows {
    static func date(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else { throw StoreError.backend("stored date '\(text)' is not YYYY-MM-DD") }
        return date
    }

    static func segment(_ text: String) throws -> Segment {
        guard let segment = Segment(rawValue: text) else { throw StoreError.backend("stored segment '\(text)' is unknown") }
        return segment
    }

    static func person(_ row: Row) throws -> Person {
        let sex: String = row["sex"]
        return Person(
            id: row["id"], kpj: row["kpj"],
            record: PersonRecord(
                nik: row["nik"], name: row["name"], birthDate: try date(row["birth_date"]), sex: sex == "female" ? .female : .male,
                domicileRegion: row["domicile_region"]),
            registeredOn: try date(row["registered_on"]))
    }

    static func spell(_ row: Row, wages: [WageChange]) throws -> Spell {
        Spell(
            id: row["id"], employerNPP: row["npp"], segment: try segment(row["segment"]), programs: ProgramList.decode(row["programs"]),
            category: (row["non_asn_category"] as String?).flatMap(NonASNCategory.init(rawValue:)), startDate: try date(row["start_date"]),
            endDate: try (row["end_date"] as String?).map(date), exitReason: row["exit_reason"], wages: wages)
    }

    static func employer(_ row: Row) throws -> Employer {
        guard let kind = EmployerKind(rawValue: row["kind"]), let size = SizeClass(rawValue: row["size_class"]) else {
            throw StoreError.backend("stored employer \(row["npp"] as String) has an unknown kind or size class")
        }
        return Employer(
            id: row["id"], npp: row["npp"],
            record: EmployerRecord(
                npp: row["npp"], kind: kind, name: row["name"], nib: row["nib"], npwp: row["npwp"], regionCode: row["region_code"],
                parentRegionCode: row["parent_region_code"], riskClass: row["risk_class"], sizeClass: size, branchCode: row["branch_code"]))
    }
}
