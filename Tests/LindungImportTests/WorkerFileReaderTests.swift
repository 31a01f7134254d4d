import Foundation
import LindungCore
import LindungStorage
import Testing

@testable import LindungImport

/// Row validation of worker files: every rejection names the row, the column and the reason.
@Suite("Worker file validation")
struct WorkerFileReaderTests {
    static let reference = try! ReferenceData()
    static let company = Employer(
        id: 1, npp: "12345678",
        record: EmployerRecord(npp: "12345678", kind: .company, name: "PT Maju Jaya", regionCode: "3604", riskClass: 2, sizeClass: .medium))
    static let agency = Employer(
        id: 2, npp: "87654321",
        record: EmployerRecord(npp: "87654321", kind: .agency, name: "Dinas Pendidikan", regionCode: "3604", parentRegionCode: "3604", riskClass: 1, sizeClass: .large))

    private func read(_ csv: String, employer: Employer = company, asOf: String = "2025-04-01") throws -> WorkerFileReader.Result {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("workers-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try WorkerFileReader(employer: employer, reference: Self.reference, asOf: CalendarDate(iso: asOf)!, currentYear: 2025)
            .read(path: url.path)
    }

    @Test("valid Indonesian-headed rows become worker rows with the NIK's birth date and sex")
    func validRows() throws {
        let result = try read(
            """
            NIK;Nama;Tanggal Lahir;Jenis Kelamin;Upah;Tanggal Mulai
            3604014403920001;Siti Aminah;04/03/1992;P;5.000.000;01/01/2025
            3604011705900002;Budi Santoso;;L;Rp6.250.000;2024-07-01
            """)
        #expect(result.errors.isEmpty)
        #expect(result.rowsRead == 2)
        let siti = try #require(result.rows.first)
        #expect(siti.line == 2)
        #expect(siti.person.birthDate == CalendarDate(iso: "1992-03-04"))
        #expect(siti.person.sex == .female)
        #expect(siti.person.domicileRegion == "3604")
        #expect(siti.wage == 5_000_000)
        #expect(siti.segment == .pu)
        #expect(siti.programs == [.jkk, .jkm, .jht, .jp, .jkp])
        #expect(result.rows[1].wage == 6_250_000)
    }

    @Test(
        "each bad cell is reported with its row, column and reason",
        arguments: [
            ("3604014403920000,Siti,5000000,2025-01-01", "NIK", "serial"),
            ("9904014403920001,Siti,5000000,2025-01-01", "NIK", "province"),
            ("3604014403920001,,5000000,2025-01-01", "Nama", "required"),
            ("3604014403920001,Siti,-5000000,2025-01-01", "Upah", "negative"),
            ("3604014403920001,Siti,lima juta,2025-01-01", "Upah", "amount"),
            ("3604014403920001,Siti,1000000,2025-01-01", "Upah", "UMK"),
            ("3604014403920001,Siti,5000000,2025-02-30", "Tanggal Mulai", "date"),
            ("3604014403920001,Siti,5000000,1980-01-01", "Tanggal Mulai", "birth date"),
        ])
    func badCells(row: String, column: String, reasonWord: String) throws {
        let result = try read("NIK,Nama,Upah,Tanggal Mulai\n\(row)\n")
        #expect(result.rows.isEmpty)
        let error = try #require(result.errors.first)
        #expect(error.line == 2)
        #expect(error.column == column)
        #expect(error.reason.contains(reasonWord), "\(error.reason)")
    }

    @Test("birth date and sex must agree with the NIK")
    func nikAgreement() throws {
        let result = try read(
            """
            NIK,Nama,Tanggal Lahir,Jenis Kelamin,Upah,Tanggal Mulai
            3604014403920001,Siti,05/03/1992,L,5000000,2025-01-01
            """)
        #expect(Set(result.errors.map(\.column)) == ["Tanggal Lahir", "Jenis Kelamin"])
    }

    @Test("a NIK twice in one file is refused on its second row")
    func duplicates() throws {
        let result = try read(
            """
            NIK,Nama,Upah,Tanggal Mulai
            3604014403920001,Siti,5000000,2025-01-01
            3604011705900002,Budi,5000000,2025-01-01
            3604014403920001,Siti A.,5000000,2025-01-01
            """)
        #expect(result.rows.count == 2)
        #expect(result.errors.map(\.line) == [4])
        #expect(result.errors.first?.reason == "duplicate of row 2")
    }

    @Test("below the UMK is accepted when the row is flagged")
    func flaggedBelowMinimumWage() throws {
        let result = try read(
            """
            NIK,Nama,Upah,Tanggal Mulai,Di Bawah UMK
            3604014403920001,Siti,1000000,2025-01-01,ya
            """)
        #expect(result.errors.isEmpty)
        #expect(result.rows.first?.wage == 1_000_000)
    }

    @Test("agencies need a non-ASN category; other employers may not give one")
    func categories() throws {
        let csv = """
            NIK,Nama,Upah,Tanggal Mulai,Kategori,Di Bawah UMK
            3604014403920001,Siti,1500000,2025-01-01,honorer,ya
            3604011705900002,Budi,1500000,2025-01-01,,ya
            3604010101850003,Ahmad,1500000,2025-01-01,guru,ya
            """
        let agency = try read(csv, employer: Self.agency)
        #expect(agency.rows.map(\.category) == [.honorer])
        #expect(agency.rows.first?.programs == [.jkk, .jkm])  // ruling 11
        #expect(agency.errors.map(\.line) == [3, 4])
        let company = try read(csv, employer: Self.company)
        #expect(company.errors.contains { $0.line == 2 && $0.column == "Kategori" })
    }

    @Test("programs must include JKK and JKM")
    func programs() throws {
        let result = try read(
            """
            NIK,Nama,Upah,Tanggal Mulai,Program
            3604014403920001,Siti,5000000,2025-01-01,JHT JP
            3604011705900002,Budi,5000000,2025-01-01,"JKK, JKM, JHT"
            """)
        #expect(result.errors.map(\.line) == [2])
        #expect(result.rows.first?.programs == [.jkk, .jkm, .jht])
    }

    @Test("a file without the required columns is refused as a whole")
    func missingColumns() throws {
        #expect(throws: ImportFileError.self) { try read("NIK,Nama\n3604014403920001,Siti\n") }
    }
}
