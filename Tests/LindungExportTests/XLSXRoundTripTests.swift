import Foundation
import LindungCore
import LindungImport
import Testing

@testable import LindungExport

@Suite("XLSXWriter: read back")
struct XLSXRoundTripTests {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Cell {
        .date(CalendarDate(year: year, month: month, day: day)!)
    }

    static let bill = SheetTable(
        name: "Tagihan Januari 2025",
        columns: ["NIK", "Nama", "Alamat", "Iuran (Rp)", "Tanggal Lahir", "Catatan"],
        rows: [
            ["3603015708900001", "Siti Aminah", "Jl. Merdeka No. 5, RT 01/RW 02", 10_547_400, day(1990, 8, 17), "A & B <PT \"Maju\">"],
            ["3603011203850002", "Ñoño Überweg — Cibogo", "Kp. Cibogo\r\nKec. Ciawi", -250_000, day(1900, 1, 1), .empty],
            ["3603014107000003", "Dewi", "  spasi di tepi  ", 0, day(2024, 2, 29), "kontrol\u{1}\u{B}dibuang\tTab\u{FFFE}"],
            ["3603014107000004", .empty, .empty, 1_234_567_890_123_456_789, day(1899, 12, 31), "_x0041_ & &amp;"],
        ])

    static let summary = SheetTable(
        name: "Ringkasan: Q1/2025",
        columns: ["Program", "Pekerja", "Jumlah (Rp)", "Per"],
        rows: [
            ["JKK", 1_204, 10_547_400, day(2025, 3, 31)],
            ["JHT", 1_204, 987_654_321_000, day(2025, 3, 31)],
            ["Catatan: iuran < 5 % & \"final\"", .empty, .empty, .empty],
        ])

    @Test func twoSheetsReadBackWithTheProjectsReader() throws {
        let files = try ExportTestFiles()
        defer { files.remove() }
        let url = files.url("tagihan.xlsx")

        // When two tables are written as one workbook
        try XLSXWriter.write([Self.bill, Self.summary], to: url)

        // Then the first sheet reads back cell for cell: text escaped and unescaped, CR kept, invalid
        // XML characters dropped, integers as plain numbers, dates as days, huge integers as text
        let first = try files.readBack(url, sheet: 1)
        #expect(first.header == Self.bill.columns)
        #expect(
            first.rows.map(\.fields) == [
                ["3603015708900001", "Siti Aminah", "Jl. Merdeka No. 5, RT 01/RW 02", "10547400", "1990-08-17", "A & B <PT \"Maju\">"],
                ["3603011203850002", "Ñoño Überweg — Cibogo", "Kp. Cibogo\r\nKec. Ciawi", "-250000", "1900-01-01", ""],
                ["3603014107000003", "Dewi", "  spasi di tepi  ", "0", "2024-02-29", "kontroldibuang\tTab"],
                ["3603014107000004", "", "", "1234567890123456789", "1899-12-31", "_x0041_ & &amp;"],
            ])
        #expect(first.rows.map(\.number) == [2, 3, 4, 5])

        // And so does the second
        let second = try files.readBack(url, sheet: 2)
        #expect(second.header == Self.summary.columns)
        #expect(
            second.rows.map(\.fields) == [
                ["JKK", "1204", "10547400", "2025-03-31"],
                ["JHT", "1204", "987654321000", "2025-03-31"],
                ["Catatan: iuran < 5 % & \"final\"", "", "", ""],
            ])
        // And nothing but the workbook is left in the folder
        #expect(try files.contents().filter { !$0.hasPrefix("sheet2-first") } == ["tagihan.xlsx"])
    }

    @Test func emptyTableIsAHeaderOnlySheet() throws {
        let files = try ExportTestFiles()
        defer { files.remove() }
        let url = files.url("kosong.xlsx")
        try XLSXWriter.write([SheetTable(name: "Kosong", columns: ["NIK", "Nama"])], to: url)
        let sheet = try files.readBack(url)
        #expect(sheet.header == ["NIK", "Nama"])
        #expect(sheet.rows.isEmpty)
    }

    @Test func longSheetStreamsThroughTheTemporaryFile() throws {
        let files = try ExportTestFiles()
        defer { files.remove() }
        // Given 30,000 rows, several output chunks of worksheet XML
        var table = SheetTable(name: "Pekerja", columns: ["No", "Nama", "Upah"])
        for index in 1...30_000 { table.rows.append([.integer(Int64(index)), .text("Pekerja ke-\(index)"), .integer(5_000_000 + Int64(index))]) }
        let url = files.url("pekerja.xlsx")
        try XLSXWriter.write([table], to: url)

        let sheet = try files.readBack(url)
        #expect(sheet.rows.count == 30_000)
        #expect(sheet.rows.last?.fields == ["30000", "Pekerja ke-30000", "5030000"])
        #expect(sheet.rows.last?.number == 30_001)
    }
}
