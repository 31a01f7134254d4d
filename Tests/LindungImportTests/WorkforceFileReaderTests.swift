import LindungCore
import LindungImport
import Testing

/// `lindung import workforce`: newer labour-force figures (issue 7) in labour_force.csv's columns.
@Suite("Workforce files")
struct WorkforceFileReaderTests {
    @Test("a newer BPS round for Banten and a regency, thousands separators accepted, empty counts left unknown")
    func reads() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.write(
            """
            region_code,period,working_age_population,labour_force,employed,unemployed,formal_employed,informal_employed,source_publisher
            36,2025-08,"9,412,000",6180000,5876000,304000,2981000,2895000,BPS Provinsi Banten
            3604,2025-08,,,812345,,,,BPS Kabupaten Serang
            """)
        let result = try WorkforceFileReader.read(path: path, regions: try ReferenceData().regions)
        #expect(result.errors.isEmpty)
        #expect(result.figures.map(\.regionCode) == ["36", "3604"])
        let banten = try #require(result.figures.first)
        #expect(banten.period == YearMonth(year: 2025, month: 8))
        #expect(banten.workingAgePopulation == 9_412_000 && banten.employed == 5_876_000 && banten.formalEmployed == 2_981_000)
        #expect(banten.source == "BPS Provinsi Banten" && banten.origin == .imported)
        let serang = try #require(result.figures.last)
        #expect(serang.employed == 812_345 && serang.labourForce == nil && serang.informalEmployed == nil)
    }

    @Test("every bad row named with its field and reason, and nothing taken when any row fails")
    func rowErrors() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.write(
            """
            region_code,period,employed,source_publisher
            36,2025-08,5876000,BPS
            9999,2025-08,100,BPS
            36,2025/08,100,BPS
            3604,2025-08,-5,BPS
            3604,2025-02,,BPS
            3671,2025-08,1000,
            36,2025-08,5876000,BPS
            """)
        let result = try WorkforceFileReader.read(path: path, regions: try ReferenceData().regions)
        #expect(result.figures.isEmpty)
        #expect(result.errors.map { "\($0.row) \($0.field)" } == [
            "3 region_code", "4 period", "5 employed", "6 employed", "7 source_publisher", "8 period",
        ])
        #expect(result.errors.last?.reason == "36 2025-08 is already on row 2")
    }

    @Test("a file without the employed column is refused as a whole")
    func missingColumn() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.write("region_code,period,source_publisher\n36,2025-08,BPS\n")
        #expect(throws: ImportFileError.self) { try WorkforceFileReader.read(path: path, regions: try ReferenceData().regions) }
    }
}
