import LindungCore
import LindungStorage

/// Small, valid registry data for the contract tests. NIKs are made for real regions with their birth
/// date and sex encoded, as the schema checks.
enum RegistryFixtures {
    static let regions = try! ReferenceData().regions

    /// A NIK in Kabupaten Serang (3604), district 01, for the birth date and sex, with a serial.
    static func nik(born: CalendarDate, sex: NIK.Sex, serial: Int) -> String {
        let day = born.day + (sex == .female ? 40 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let serialText = String(serial)
        return "360401" + two(day) + two(born.month) + two(born.year % 100) + String(repeating: "0", count: 4 - serialText.count) + serialText
    }

    static func person(_ serial: Int, name: String, born: String = "1990-05-17", sex: NIK.Sex = .male) -> PersonRecord {
        let date = CalendarDate(iso: born)!
        return PersonRecord(nik: nik(born: date, sex: sex, serial: serial), name: name, birthDate: date, sex: sex, domicileRegion: "3604")
    }

    static func row(
        _ line: Int, _ person: PersonRecord, wage: Rupiah = 5_000_000, start: String = "2025-01-01", end: String? = nil,
        exitReason: String? = nil, category: NonASNCategory? = nil, segment: Segment = .pu, programs: [Program] = [.jkk, .jkm, .jht, .jp, .jkp]
    ) -> WorkerRow {
        WorkerRow(
            line: line, person: person, segment: segment, programs: programs, category: category, startDate: CalendarDate(iso: start)!,
            endDate: end.map { CalendarDate(iso: $0)! }, exitReason: exitReason, wage: wage)
    }

    static let company = EmployerRecord(
        npp: "12345678", kind: .company, name: "PT Maju Jaya", nib: "1234567890123", npwp: "012345678901000", regionCode: "3604",
        riskClass: 2, sizeClass: .medium, branchCode: "KC-SRG")
    static let agency = EmployerRecord(
        npp: "87654321", kind: .agency, name: "Dinas Pendidikan Kabupaten Serang", regionCode: "3604", parentRegionCode: "3604",
        riskClass: 1, sizeClass: .large, branchCode: "KC-SRG")
    static let branch = BranchOffice(code: "KC-SRG", name: "Kantor Cabang Serang", kind: .kc, regionCodes: ["3604", "3673"])

    /// Registers the branch office and both employers.
    static func seed(_ store: any LindungStore) async throws {
        try await store.saveBranchOffices([branch], actor: "test")
        let summary = try await store.importEmployers(
            EmployerImportPlan(rows: [.init(line: 2, record: company), .init(line: 3, record: agency)], partial: false, actor: "test"))
        precondition(summary.errors.isEmpty && summary.created == 2, "seed failed: \(summary)")
    }

    static func plan(_ rows: [WorkerRow], npp: String = "12345678", asOf: String = "2025-04-01", partial: Bool = false) -> WorkerImportPlan {
        WorkerImportPlan(employerNPP: npp, rows: rows, asOf: CalendarDate(iso: asOf)!, partial: partial, actor: "operator@test")
    }
}
