import Foundation
import Testing

@testable import LindungImport

@Suite("SpreadsheetReader: XLSX")
struct SpreadsheetReaderXLSXTests {
    static let sharedStrings = [
        "<si><t>NIK</t></si>", "<si><t>Nama</t></si>", "<si><t>Tanggal Lahir</t></si>", "<si><t>Upah</t></si>",
        // Rich text: two runs make one string.
        "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Siti </t></r><r><t>Aminah</t></r></si>",
        // A phonetic hint is not part of the text.
        "<si><t>Budi</t><rPh sb=\"0\" eb=\"1\"><t>ブディ</t></rPh></si>",
        "<si><t>Dewi &amp; Sri</t></si>",
    ]

    static let rows = """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>\
        <row r="2"><c r="A2" t="inlineStr"><is><t>3201010101900001</t></is></c><c r="B2" t="s"><v>4</v></c>\
        <c r="C2" s="1"><v>45383</v></c><c r="D2" s="3"><v>5000000</v></c></row>\
        <row r="3"><c r="A3" t="str"><f>TEXT(1,"0")</f><v>3201010101900002</v></c><c r="B3" t="s"><v>5</v></c>\
        <c r="D3"><v>5.0E6</v></c></row>\
        <row r="4" spans="1:4"><c r="A4"><v>3201010101900003</v></c><c r="B4" t="s"><v>6</v></c>\
        <c r="C4" s="2"><v>32874.5</v></c><c r="D4"><v>4901117.5</v></c><c r="E4" s="1"/></row>\
        <row r="5"><c r="B5" s="1"/></row>\
        <row r="7"><c r="A7"><v>3201010101900004</v></c><c r="B7" t="b"><v>1</v></c><c r="D7"><v>5500000.0000000009</v></c></row>
        """

    @Test func readsTheFirstWorksheetAsExcelWritesIt() throws {
        let files = try TestFiles()
        defer { files.remove() }
        // Given a workbook with shared, rich and inline strings, numbers, dates, and a skipped cell (C3)
        let path = try files.xlsx(XLSXParts.workbookParts(sheet: XLSXParts.sheet(Self.rows), sharedStrings: Self.sharedStrings))
        let reader = try SpreadsheetReader(path: path)

        // Then values land in their columns, dates as ISO days and integers without ".0"
        #expect(reader.format == .xlsx)
        #expect(try reader.header() == ["NIK", "Nama", "Tanggal Lahir", "Upah"])
        #expect(
            try reader.allRows() == [
                SpreadsheetRow(number: 2, fields: ["3201010101900001", "Siti Aminah", "2024-04-01", "5000000"]),
                SpreadsheetRow(number: 3, fields: ["3201010101900002", "Budi", "", "5000000"]),
                SpreadsheetRow(number: 4, fields: ["3201010101900003", "Dewi & Sri", "1990-01-01", "4901117.5"]),
                SpreadsheetRow(number: 7, fields: ["3201010101900004", "TRUE", "", "5500000"]),
            ])
    }

    @Test func firstWorksheetComesFromTheWorkbookNotTheFileName() throws {
        let files = try TestFiles()
        defer { files.remove() }
        var parts = XLSXParts.workbookParts(sheet: XLSXParts.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>sheet1</t></is></c></row>"))
        parts["xl/workbook.xml"] = XLSXParts.workbook(sheets: [("Data", "rId2"), ("Lama", "rId1")], date1904: true)
        parts["xl/_rels/workbook.xml.rels"] = XLSXParts.workbookRels([("rId1", "worksheets/sheet1.xml"), ("rId2", "/xl/worksheets/data.xml")])
        parts["xl/worksheets/data.xml"] = XLSXParts.sheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Tanggal</t></is></c></row><row r=\"2\"><c r=\"A2\" s=\"1\"><v>0</v></c></row>")
        let reader = try SpreadsheetReader(path: try files.xlsx(parts))
        #expect(try reader.header() == ["Tanggal"])
        // The 1904 date system counts from 1904-01-01.
        #expect(try reader.nextRow()?.fields == ["1904-01-01"])
    }

    @Test func sheet1IsTheFallbackWithoutAWorkbook() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.xlsx([
            "xl/worksheets/sheet1.xml": XLSXParts.sheet("<row><c t=\"inlineStr\"><is><t>NIK</t></is></c></row><row><c><v>7</v></c></row>")
        ])
        let reader = try SpreadsheetReader(path: path)
        #expect(try reader.header() == ["NIK"])
        #expect(try reader.allRows() == [SpreadsheetRow(number: 2, fields: ["7"])])
    }

    @Test func zeroByteXLSX() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let error = #expect(throws: ImportFileError.self) { try SpreadsheetReader(path: try files.write([UInt8](), name: "pekerja.xlsx")) }
        #expect(error?.description == "file: the XLSX file is damaged or truncated: the file is empty (0 bytes)")
    }

    @Test func truncatedXLSX() throws {
        let files = try TestFiles()
        defer { files.remove() }
        // Given the first half of a valid workbook's bytes
        let whole = try Data(
            contentsOf: URL(
                fileURLWithPath: try files.xlsx(
                    XLSXParts.workbookParts(sheet: XLSXParts.sheet(Self.rows), sharedStrings: Self.sharedStrings))))
        let path = try files.write(Array(whole.prefix(whole.count / 2)), name: "pekerja.xlsx")

        let error = #expect(throws: ImportFileError.self) { try SpreadsheetReader(path: path) }
        #expect(error?.row == nil)
        #expect(error?.reason.hasPrefix("the XLSX file is damaged or truncated: ") == true)
    }

    @Test func zipWithoutWorksheet() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.xlsx(["docs/readme.txt": "hello"])
        let error = #expect(throws: ImportFileError.self) { try SpreadsheetReader(path: path) }
        #expect(error?.reason.contains("damaged or truncated") == true)
        #expect(error?.reason.contains("no worksheet") == true)
    }

    @Test func malformedWorksheetXML() throws {
        let files = try TestFiles()
        defer { files.remove() }
        // Given a worksheet cut inside a row (a well-packed archive, so the ZIP checksums pass)
        let sheet = XLSXParts.sheet(Self.rows)
        let cut = String(sheet.prefix(sheet.count * 2 / 3))
        let path = try files.xlsx(XLSXParts.workbookParts(sheet: cut, sharedStrings: Self.sharedStrings))
        let reader = try SpreadsheetReader(path: path)
        let error = #expect(throws: ImportFileError.self) { _ = try reader.allRows() }
        #expect(error?.reason.contains("damaged or truncated") == true)
    }

    @Test func missingSharedString() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.xlsx(
            XLSXParts.workbookParts(
                sheet: XLSXParts.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>9</v></c></row>"), sharedStrings: Self.sharedStrings))
        let reader = try SpreadsheetReader(path: path)
        let error = #expect(throws: ImportFileError.self) { _ = try reader.header() }
        #expect(error?.reason.contains("cell A1") == true)
    }

    @Test func streamsLongSheetsInOrderAndStopsWhenDropped() throws {
        let files = try TestFiles()
        defer { files.remove() }
        // Given 20,000 rows (many batches through the parsing thread)
        var rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>No</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Upah</t></is></c></row>"
        for index in 2...20_001 { rows += "<row r=\"\(index)\"><c r=\"A\(index)\"><v>\(index)</v></c><c r=\"B\(index)\"><v>\(index).0</v></c></row>" }
        let path = try files.xlsx(XLSXParts.workbookParts(sheet: XLSXParts.sheet(rows)))

        let reader = try SpreadsheetReader(path: path)
        var expected = 2
        while let row = try reader.nextRow() {
            #expect(row == SpreadsheetRow(number: expected, fields: ["\(expected)", "\(expected)"]))
            expected += 1
        }
        #expect(expected == 20_002)

        // A reader dropped after a few rows ends its parsing thread instead of blocking it forever.
        for _ in 0..<3 {
            let early = try SpreadsheetReader(path: path)
            #expect(try early.nextRow()?.number == 2)
        }
    }

    @Test func readsAFileMadeByOpenpyxl() throws {
        // Fixtures/workers.xlsx was written once by openpyxl 3.1.5 (inline strings, dates in custom
        // "yyyy-mm-dd" and "yyyy-mm-dd h:mm:ss" formats, a second sheet that must not be read):
        //   ws.append(["NIK", "Nama Lengkap", "Tgl. Lahir", "Jenis Kelamin", "Upah (Rp)", "Tanggal Mulai", "Di Bawah UMK"])
        //   ws.append(["3603015708900001", "Siti Aminah", date(1990, 8, 17), "P", 5000000, datetime(2023, 1, 2), False])
        //   ws.append(["3603011203850002", "Budi Santoso", date(1985, 3, 12), "L", 4901117.5, datetime(2024, 4, 1), False])
        //   ws.append(["3603014107000003", "Dewi", date(2000, 7, 1), None, 4500000.0, date(2024, 5, 1), True])
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/workers.xlsx")
        let reader = try SpreadsheetReader(path: url.path)
        let map = try HeaderMap(header: try reader.header(), fields: HeaderField.allCases, required: [.nik, .name, .birthDate, .wage])
        let rows = try reader.allRows()
        #expect(rows.count == 3)
        #expect(map.value(.nik, in: rows[0]) == "3603015708900001")
        #expect(map.value(.name, in: rows[0]) == "Siti Aminah")
        #expect(map.value(.birthDate, in: rows[0]) == "1990-08-17")
        #expect(map.value(.wage, in: rows[0]) == "5000000")
        #expect(map.value(.wage, in: rows[1]) == "4901117.5")
        #expect(map.value(.startDate, in: rows[1]) == "2024-04-01")
        #expect(map.value(.sex, in: rows[2]) == "")
        #expect(map.value(.belowMinimumWage, in: rows[2]) == "TRUE")
    }
}
