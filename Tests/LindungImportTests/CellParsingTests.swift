import LindungCore
import Testing

@testable import LindungImport

@Suite("Cell parsing")
struct CellParsingTests {
    @Test(arguments: [
        ("2024-04-01", "2024-04-01"), ("01/04/2024", "2024-04-01"), ("01-04-2024", "2024-04-01"),
        ("1/4/2024", "2024-04-01"), ("1.4.2024", "2024-04-01"), (" 17/08/1945 ", "1945-08-17"),
        ("2024-04-01 00:00:00", "2024-04-01"), ("2024-04-01T00:00", "2024-04-01"), ("29/02/2024", "2024-02-29"),
    ])
    func acceptedDates(text: String, iso: String) {
        #expect(CellDate.parse(text)?.iso == iso)
    }

    @Test func dayComesFirstNeverMonth() {
        #expect(CellDate.parse("04/01/2024")?.iso == "2024-01-04")
        #expect(CellDate.parse("12/31/2024") == nil)
    }

    @Test(arguments: [
        "", "2024", "2024/04/01", "01/04/24", "31/02/2024", "29/02/2023", "01/04-2024", "2024-04-01x", "1-1-20240",
        "2024-4-1 noon", "tanggal", "00/01/2024", "45383",
    ])
    func refusedDates(text: String) {
        #expect(CellDate.parse(text) == nil)
    }

    @Test(
        arguments: [
            ("5000000", 5_000_000), ("5.000.000", 5_000_000), ("5,000,000", 5_000_000), ("Rp5.000.000", 5_000_000),
            ("Rp 5.000.000", 5_000_000), ("Rp. 5.000.000,-", 5_000_000), ("IDR 5,000,000", 5_000_000),
            ("5000000.00", 5_000_000), ("5000000,00", 5_000_000), ("5.000.000,00", 5_000_000), ("5,000,000.00", 5_000_000),
            ("5.000", 5000), ("0", 0), (" 4901117 ", 4_901_117), ("-5.000.000", -5_000_000), ("Rp -250.000", -250_000),
        ] as [(String, Int64)])
    func acceptedMoney(text: String, amount: Int64) {
        #expect(CellMoney.parse(text) == amount)
    }

    @Test(arguments: [
        "", "Rp", "5000000,50", "5.000.000,50", "5,5", "50.00.000", "5.000,000.00", "5,000.000,00", "5000.000",
        "lima juta", "5e6", "--5", "99999999999999999999",
    ])
    func refusedMoney(text: String) {
        #expect(CellMoney.parse(text) == nil)
    }

    @Test func excelSerialDates() {
        #expect(XLSXCellText.date(serial: "45383", uses1904: false) == "2024-04-01")
        #expect(XLSXCellText.date(serial: "1", uses1904: false) == "1900-01-01")
        #expect(XLSXCellText.date(serial: "59", uses1904: false) == "1900-02-28")
        #expect(XLSXCellText.date(serial: "60", uses1904: false) == "1900-02-29")
        #expect(XLSXCellText.date(serial: "61", uses1904: false) == "1900-03-01")
        #expect(XLSXCellText.date(serial: "2958465", uses1904: false) == "9999-12-31")
        #expect(XLSXCellText.date(serial: "0.5", uses1904: false) == nil)
        #expect(XLSXCellText.date(serial: "0", uses1904: true) == "1904-01-01")
    }

    @Test func excelNumbers() {
        #expect(XLSXCellText.number("5000000") == "5000000")
        #expect(XLSXCellText.number("5.0E6") == "5000000")
        #expect(XLSXCellText.number("5000000.0") == "5000000")
        #expect(XLSXCellText.number("3201010101900001") == "3201010101900001")
        #expect(XLSXCellText.number("3.2010101019E+15") == "3201010101900000")
        #expect(XLSXCellText.number("4901117.5") == "4901117.5")
        #expect(XLSXCellText.number("0.30000000000000004") == "0.3")
        #expect(XLSXCellText.number("-12") == "-12")
    }

    @Test func dateFormatCodes() {
        #expect(XLSXStyles.isDateFormat("dd/mm/yyyy"))
        #expect(XLSXStyles.isDateFormat("[$-421]d mmmm yyyy;@"))
        #expect(!XLSXStyles.isDateFormat("General"))
        #expect(!XLSXStyles.isDateFormat("#,##0 \"days\""))
        #expect(!XLSXStyles.isDateFormat("[Red]#,##0"))
        #expect(!XLSXStyles.isDateFormat("_(* #,##0_);_(* (#,##0)"))
    }

    @Test func columnLetters() {
        #expect(ColumnName.letters(0) == "A")
        #expect(ColumnName.letters(25) == "Z")
        #expect(ColumnName.letters(26) == "AA")
        #expect(ColumnName.letters(701) == "ZZ")
        #expect(ColumnName.index(ofReference: "C5") == 2)
        #expect(ColumnName.index(ofReference: "AA10") == 26)
        #expect(ColumnName.index(ofReference: "$B$2") == 1)
        #expect(ColumnName.index(ofReference: "12") == nil)
    }
}
