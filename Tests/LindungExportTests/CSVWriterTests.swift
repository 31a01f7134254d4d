import Foundation
import LindungCore
import LindungImport
import Testing

@testable import LindungExport

@Suite("CSVWriter")
struct CSVWriterTests {
    @Test(arguments: [
        ("Siti Aminah", "Siti Aminah"),
        ("", ""),
        ("  spasi  ", "  spasi  "),
        ("Jl. Merdeka 5, Serang", "\"Jl. Merdeka 5, Serang\""),
        ("PT \"Maju\"", "\"PT \"\"Maju\"\"\""),
        ("\"", "\"\"\"\""),
        ("baris\nbaru", "\"baris\nbaru\""),
        ("baris\r\nbaru", "\"baris\r\nbaru\""),
        ("akhir\r", "\"akhir\r\""),
        ("titik;koma", "titik;koma"),
        ("Ñoño Überweg — Rp5.000", "Ñoño Überweg — Rp5.000"),
    ])
    func quotesOnlyWhatMustBeQuoted(text: String, field: String) {
        #expect(CSVWriter.line([.text(text)]) == field + "\n")
    }

    @Test func writesATableWithIntegersDatesAndPaddedRows() {
        // Given a table with a short row and every kind of cell
        let table = SheetTable(
            name: "Tagihan", columns: ["NIK", "Nama", "Iuran", "Jatuh Tempo"],
            rows: [
                ["3603015708900001", "Siti, Aminah", 10_547_400, .date(CalendarDate(year: 2025, month: 2, day: 15)!)],
                ["3603011203850002", "Budi \"B\""],
                [.text("3603014107000003"), .empty, .integer(-250_000), .empty],
            ])

        // Then every line has four fields, integers plain, dates ISO, LF line ends
        #expect(
            CSVWriter.write(table)
                == "NIK,Nama,Iuran,Jatuh Tempo\n"
                + "3603015708900001,\"Siti, Aminah\",10547400,2025-02-15\n"
                + "3603011203850002,\"Budi \"\"B\"\"\",,\n"
                + "3603014107000003,,-250000,\n")
    }

    @Test func streamingToAFileWritesTheSameBytesAndReadsBack() throws {
        let files = try ExportTestFiles()
        defer { files.remove() }
        // Given more rows than one output chunk holds, with quoting on every row
        var table = SheetTable(name: "Pekerja", columns: ["No", "Nama", "Catatan"])
        for index in 1...20_000 {
            table.rows.append([.integer(Int64(index)), .text("Pekerja \(index)"), .text("A, \"B\"\r\nC")])
        }
        let url = files.url("pekerja.csv")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)

        // When it is streamed to a file
        try CSVWriter.write(table, to: handle)
        try handle.close()

        // Then the file equals the string form, and LindungImport's reader gets every field back
        #expect(try Data(contentsOf: url) == Data(CSVWriter.write(table).utf8))
        let reader = try SpreadsheetReader(path: url.path)
        #expect(try reader.header() == ["No", "Nama", "Catatan"])
        var count = 0
        while let row = try reader.nextRow() {
            count += 1
            #expect(row.fields == ["\(count)", "Pekerja \(count)", "A, \"B\"\r\nC"])
            if row.fields != ["\(count)", "Pekerja \(count)", "A, \"B\"\r\nC"] { break }
        }
        #expect(count == 20_000)
    }
}
