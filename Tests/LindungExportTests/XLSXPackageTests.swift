import Foundation
import LindungCore
import Testing

@testable import LindungExport

@Suite("XLSXWriter: package")
struct XLSXPackageTests {
    static let date = CalendarDate(year: 2024, month: 4, day: 1)!

    @Test func holdsThePartsExcelNeedsAndTheyAgree() throws {
        let files = try ExportTestFiles()
        defer { files.remove() }
        let url = files.url("laporan.xlsx")
        // Given three tables, two with the same name and one with characters Excel forbids
        try XLSXWriter.write(
            [
                SheetTable(name: "Iuran", columns: ["A"], rows: [["x"]]),
                SheetTable(name: "iuran", columns: ["A"], rows: [["y"]]),
                SheetTable(name: "Q1 [2025]: JKK/JKM*?", columns: ["A"], rows: [["z"]]),
            ], to: url)

        let package = try PackageContents(url)
        #expect(
            package.paths == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
            ])
        // Every part is well-formed XML
        for path in package.paths { #expect(attributeValues("x", of: "x", in: try package.text(path)) != nil, "\(path)") }

        // The workbook names each sheet once, validly, and points at its worksheet through the relationships
        let workbook = try package.text("xl/workbook.xml")
        #expect(attributeValues("name", of: "sheet", in: workbook) == ["Iuran", "iuran (2)", "Q1 _2025__ JKK_JKM__"])
        #expect(attributeValues("r:id", of: "sheet", in: workbook) == ["rId1", "rId2", "rId3"])
        let relationships = try package.text("xl/_rels/workbook.xml.rels")
        #expect(attributeValues("Id", of: "Relationship", in: relationships) == ["rId1", "rId2", "rId3", "rId4"])
        #expect(
            attributeValues("Target", of: "Relationship", in: relationships)
                == ["worksheets/sheet1.xml", "worksheets/sheet2.xml", "worksheets/sheet3.xml", "styles.xml"])
        #expect(attributeValues("Target", of: "Relationship", in: try package.text("_rels/.rels")) == ["xl/workbook.xml"])
        #expect(
            attributeValues("PartName", of: "Override", in: try package.text("[Content_Types].xml"))
                == ["/xl/workbook.xml", "/xl/styles.xml", "/xl/worksheets/sheet1.xml", "/xl/worksheets/sheet2.xml", "/xl/worksheets/sheet3.xml"])
    }

    @Test func stylesGiveABoldHeaderGroupedIntegersAndRealDates() throws {
        let files = try ExportTestFiles()
        defer { files.remove() }
        let url = files.url("tagihan.xlsx")
        try XLSXWriter.write(
            [SheetTable(name: "Tagihan", columns: ["Nama", "Iuran", "Tanggal"], rows: [["Siti", 10_547_400, .date(Self.date)]])], to: url)
        let package = try PackageContents(url)

        // The cell formats: 0 general, 1 bold, 2 "#,##0" (built-in 3), 3 custom 164 "yyyy-mm-dd"
        let styles = try package.text("xl/styles.xml")
        #expect(attributeValues("numFmtId", of: "xf", in: styles) == ["0", "0", "0", "3", "164"])
        #expect(attributeValues("fontId", of: "xf", in: styles) == ["0", "0", "1", "0", "0"])
        #expect(attributeValues("formatCode", of: "numFmt", in: styles) == ["yyyy-mm-dd"])
        #expect(styles.contains("<font><b/>"))

        // The header row is frozen and bold; the integer is a number in style 2, the date serial 45383 in style 3
        let sheet = try package.text("xl/worksheets/sheet1.xml")
        #expect(attributeValues("state", of: "pane", in: sheet) == ["frozen"])
        #expect(attributeValues("topLeftCell", of: "pane", in: sheet) == ["A2"])
        #expect(sheet.contains(#"<c r="A1" s="1" t="inlineStr"><is><t>Nama</t></is></c>"#))
        #expect(sheet.contains(#"<c r="A2" t="inlineStr"><is><t>Siti</t></is></c>"#))
        #expect(sheet.contains(#"<c r="B2" s="2"><v>10547400</v></c>"#))
        #expect(sheet.contains(#"<c r="C2" s="3"><v>45383</v></c>"#))
        #expect(attributeValues("width", of: "col", in: sheet) == ["8", "11", "11"])
    }

    @Test func refusesWhatExcelCannotHold() throws {
        let files = try ExportTestFiles()
        defer { files.remove() }
        let url = files.url("besar.xlsx")

        let none = #expect(throws: ExportError.self) { try XLSXWriter.write([], to: url) }
        #expect(none?.reason == "a workbook needs at least one table")

        let long = String(repeating: "a", count: 32_768)
        let tooLong = #expect(throws: ExportError.self) {
            try XLSXWriter.write([SheetTable(name: "Catatan", columns: ["Isi"], rows: [[.text(long)]])], to: url)
        }
        #expect(tooLong?.reason == "sheet 'Catatan', cell A2: the text has 32768 characters; an Excel cell holds at most 32767")

        let wide = #expect(throws: ExportError.self) {
            try XLSXWriter.write([SheetTable(name: "Lebar", columns: (0...16_384).map { "K\($0)" })], to: url)
        }
        #expect(wide?.reason == "sheet 'Lebar' has 16385 columns; an XLSX sheet holds at most 16384")

        // Nothing was left behind, not even a partial file
        #expect(try files.contents().isEmpty)
    }

    @Test func replacesAnExistingFileAndLeavesItWhenTheWriteFails() throws {
        let files = try ExportTestFiles()
        defer { files.remove() }
        let url = files.url("tagihan.xlsx")
        try Data("old".utf8).write(to: url)

        // A failed export keeps the old file
        _ = #expect(throws: ExportError.self) {
            try XLSXWriter.write([SheetTable(name: "T", columns: ["A"], rows: [[.text(String(repeating: "a", count: 40_000))]])], to: url)
        }
        #expect(try Data(contentsOf: url) == Data("old".utf8))

        // A good one replaces it
        try XLSXWriter.write([SheetTable(name: "T", columns: ["A"], rows: [["baru"]])], to: url)
        #expect(try files.readBack(url).rows.map(\.fields) == [["baru"]])
        #expect(try files.contents() == ["tagihan.xlsx"])
    }

    @Test func aMissingFolderIsAnExportError() throws {
        let files = try ExportTestFiles()
        defer { files.remove() }
        let url = files.url("tidak-ada/tagihan.xlsx")
        let error = #expect(throws: ExportError.self) { try XLSXWriter.write([SheetTable(name: "T", columns: ["A"])], to: url) }
        #expect(error?.reason.hasPrefix("cannot write '\(url.path)'") == true)
    }
}
