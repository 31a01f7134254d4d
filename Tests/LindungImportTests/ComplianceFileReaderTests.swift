import LindungCore
import LindungImport
import LindungStorage
import Testing

/// The licence list (as OSS exports it) and agencies' non-ASN headcounts: rows read, and errors naming the
/// row, the column and the reason.
@Suite("Compliance files")
struct ComplianceFileReaderTests {
    @Test("a licence list with Indonesian headers; a bad NIB, an unknown region and a negative headcount are row errors")
    func licences() throws {
        let files = try TestFiles()
        let path = try files.write(
            """
            NIB;Nama;Kode Wilayah;KBLI;Jumlah Tenaga Kerja
            1234567890123;PT Maju Jaya;3604;10710;25
            12345;CV Salah;3604;47111;12
            9999999999999;CV Jauh;9999;47111;12
            8888888888888;Warung;3604;56103;-3
            """)
        let result = try ComplianceFileReader.licences(path: path, reference: try ReferenceData())
        #expect(result.rowsRead == 4)
        #expect(result.rows == [BusinessLicence(nib: "1234567890123", name: "PT Maju Jaya", regionCode: "3604", sector: "10710", headcount: 25)])
        #expect(result.errors.map(\.line) == [3, 4, 5])
        #expect(result.errors.map(\.column) == ["NIB", "Kode Wilayah", "Jumlah Tenaga Kerja"])
    }

    @Test("headcounts group by agency and date; a repeated category is refused")
    func headcounts() throws {
        let files = try TestFiles()
        let path = try files.write(
            """
            NPP,Kategori,Jumlah,Tanggal
            87654321,honorer,120,01/05/2025
            87654321,THL,30,2025-05-01
            87654321,honorer,5,2025-05-01
            1234,PTT,1,2025-05-01
            """)
        let result = try ComplianceFileReader.headcounts(path: path)
        #expect(result.rows == [NonASNRoster(agencyNPP: "87654321", asOf: CalendarDate(iso: "2025-05-01")!, headcount: [.honorer: 120, .thl: 30])])
        #expect(result.errors.map(\.line) == [4, 5])
    }
}
