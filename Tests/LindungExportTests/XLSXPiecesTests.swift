import LindungCore
import Testing

@testable import LindungExport

@Suite("XLSX pieces")
struct XLSXPiecesTests {
    @Test(arguments: [
        ("Tagihan", "Tagihan"),
        ("Q1 [2025]: a/b\\c*?", "Q1 _2025__ a_b_c__"),
        ("'Dikutip'", "Dikutip"),
        ("   ", "Sheet1"),
        ("History", "Sheet1"),
        ("Baris\nbaru", "Barisbaru"),
        ("Rekapitulasi Iuran Pekerja Bukan Penerima Upah", "Rekapitulasi Iuran Pekerja Buka"),
    ])
    func sheetNameIsMadeValid(name: String, valid: String) {
        #expect(SheetNames.unique([name]) == [valid])
    }

    @Test func sheetNamesAreDistinctIgnoringCaseAndStayWithin31Characters() {
        let long = "Rekapitulasi Iuran Pekerja Bukan Penerima Upah"
        let names = SheetNames.unique(["Iuran", "IURAN", "Iuran", "", long, long, "Iuran (2)"])
        #expect(
            names == [
                "Iuran", "IURAN (2)", "Iuran (3)", "Sheet4", "Rekapitulasi Iuran Pekerja Buka", "Rekapitulasi Iuran Pekerja (2)", "Iuran (2) (2)",
            ])
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
    }

    @Test(arguments: [
        ((1900, 1, 1), 1), ((1900, 2, 28), 59), ((1900, 3, 1), 61), ((1970, 1, 1), 25_569),
        ((2024, 4, 1), 45_383), ((2025, 12, 31), 46_022), ((9999, 12, 31), 2_958_465),
    ])
    func excelSerialCountsFrom1899_12_30(date: (Int, Int, Int), serial: Int) {
        #expect(ExcelDate.serial(CalendarDate(year: date.0, month: date.1, day: date.2)!) == serial)
    }

    @Test func datesBefore1900HaveNoSerial() {
        #expect(ExcelDate.serial(CalendarDate(year: 1899, month: 12, day: 31)!) == nil)
    }

    @Test func xmlTextEscapesAndDropsWhatXMLCannotCarry() {
        #expect(XMLText.escape("Siti Aminah") == "Siti Aminah")
        #expect(XMLText.escape("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d &quot;e&quot; 'f'")
        #expect(XMLText.escape("a\u{0}b\u{8}c\u{B}d\u{C}e\u{1F}f\u{FFFE}g\u{FFFF}") == "abcdefg")
        #expect(XMLText.escape("tab\there\nline\r\nend") == "tab\there\nline&#13;\nend")
        #expect(XMLText.escape("Ñoño — ブディ 😀") == "Ñoño — ブディ 😀")
    }

    @Test func columnLetters() {
        #expect(
            [0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383].map(ColumnLetters.letters)
                == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"])
    }

    @Test func integersBeyond15DigitsAreText() throws {
        let row = try XLSXWorksheet.row(
            2, [999_999_999_999_999, 1_000_000_000_000_000, .integer(.min)], header: false, sheetName: "T")
        #expect(
            row == #"<row r="2"><c r="A2" s="2"><v>999999999999999</v></c>"#
                + #"<c r="B2" t="inlineStr"><is><t>1000000000000000</t></is></c>"#
                + #"<c r="C2" t="inlineStr"><is><t>-9223372036854775808</t></is></c></row>"#)
    }
}
