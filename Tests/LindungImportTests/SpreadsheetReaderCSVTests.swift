import Foundation
import Testing

@testable import LindungImport

@Suite("SpreadsheetReader: CSV")
struct SpreadsheetReaderCSVTests {
    @Test func semicolonsBOMQuotesAndCRLFAsIndonesianExcelWrites() throws {
        let files = try TestFiles()
        defer { files.remove() }
        // Given a BOM, semicolons, a quoted field holding ; and doubled quotes, a quoted line break, CRLF
        let text =
            "\u{FEFF}NIK;Nama;Upah\r\n"
            + "3201010101900001;\"Siti; \"\"Ani\"\"\";5.000.000\r\n"
            + "3201010101900002;\"Budi\nSantoso\";4500000\r\n"
            + "\r\n\r\n"
        let reader = try SpreadsheetReader(path: try files.write(text))

        // When it is read
        let header = try reader.header()
        let rows = try reader.allRows()

        // Then the delimiter is detected and the quoting undone; trailing blank lines are ignored
        #expect(reader.format == .csv)
        #expect(header == ["NIK", "Nama", "Upah"])
        #expect(
            rows == [
                SpreadsheetRow(number: 2, fields: ["3201010101900001", "Siti; \"Ani\"", "5.000.000"]),
                SpreadsheetRow(number: 3, fields: ["3201010101900002", "Budi\nSantoso", "4500000"]),
            ])
    }

    @Test func commasBlankRowsKeepTheirNumbersAndShortRowsArePadded() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let reader = try SpreadsheetReader(path: try files.write("a,b,c\n1,2,3\n\n , ,\n4,5\n6,7,8,,\n"))
        #expect(try reader.header() == ["a", "b", "c"])
        #expect(
            try reader.allRows() == [
                SpreadsheetRow(number: 2, fields: ["1", "2", "3"]),
                SpreadsheetRow(number: 5, fields: ["4", "5", ""]),
                SpreadsheetRow(number: 6, fields: ["6", "7", "8"]),
            ])
    }

    @Test func lastLineWithoutLineEndAndTrailingEmptyField() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let reader = try SpreadsheetReader(path: try files.write("a;b\r1;"))
        #expect(try reader.header() == ["a", "b"])
        #expect(try reader.allRows() == [SpreadsheetRow(number: 2, fields: ["1", ""])])
    }

    @Test func excelSeparatorHintAndTabs() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let hinted = try SpreadsheetReader(path: try files.write("sep=;\r\nNama;Upah, Rp\r\nAni;5,5\r\n"))
        #expect(try hinted.header() == ["Nama", "Upah, Rp"])
        #expect(try hinted.allRows() == [SpreadsheetRow(number: 2, fields: ["Ani", "5,5"])])

        let tabs = try SpreadsheetReader(path: try files.write("Nama\tUpah\nAni\t5000000\n"))
        #expect(try tabs.header() == ["Nama", "Upah"])
    }

    @Test func invalidUTF8NamesTheRow() throws {
        let files = try TestFiles()
        defer { files.remove() }
        // Given eleven good rows and a twelfth with the bytes FF FE in a field
        var bytes = Array("NIK,Nama\n".utf8)
        for index in 2...11 { bytes += Array("320101010190000\(index % 10),Ani\n".utf8) }
        bytes += Array("3201010101900012,Bu".utf8) + [0xFF, 0xFE] + Array("di\n".utf8)
        let reader = try SpreadsheetReader(path: try files.write(bytes))
        _ = try reader.header()
        for _ in 2...11 { _ = try reader.nextRow() }

        // Then the twelfth row fails with a message that says what to do
        let error = #expect(throws: ImportFileError.self) { try reader.nextRow() }
        #expect(error?.row == 12)
        #expect(error?.description == "row 12: the file is not UTF-8 text (save it as CSV UTF-8)")
    }

    @Test func zeroByteFileIsEmpty() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let error = #expect(throws: ImportFileError.self) { try SpreadsheetReader(path: try files.write([UInt8]())) }
        #expect(error == ImportFileError(reason: "the file is empty"))
        #expect(error?.description == "file: the file is empty")
    }

    @Test func onlyBlankLinesHaveNoHeader() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let reader = try SpreadsheetReader(path: try files.write("\u{FEFF}\r\n;;\r\n"))
        let error = #expect(throws: ImportFileError.self) { try reader.header() }
        #expect(error?.reason == "the file has no header row")
    }

    @Test func headerOnly() throws {
        let files = try TestFiles()
        defer { files.remove() }
        for text in ["NIK;Nama", "NIK;Nama\r\n", "NIK;Nama\n\n\n"] {
            let reader = try SpreadsheetReader(path: try files.write(text))
            #expect(try reader.header() == ["NIK", "Nama"])
            #expect(try reader.nextRow() == nil)
            #expect(try reader.nextRow() == nil)
        }
    }

    @Test func tooManyFieldsNamesTheRow() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let reader = try SpreadsheetReader(path: try files.write("NIK,Nama\n1,Ani\n2,Budi,extra\n"))
        #expect(try reader.nextRow()?.number == 2)
        let error = #expect(throws: ImportFileError.self) { try reader.nextRow() }
        #expect(error?.row == 3)
        #expect(error?.description == "row 3: the row has a value in column C but the header has only 2 columns")
    }

    @Test func duplicateHeaderNamesTheColumns() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let reader = try SpreadsheetReader(path: try files.write("NIK;Nama;nik\n1;Ani;2\n"))
        let error = #expect(throws: ImportFileError.self) { try reader.header() }
        #expect(error?.row == 1)
        #expect(error?.column == "nik")
        #expect(error?.reason == "the header names this column twice (columns A and C)")
    }

    @Test func unclosedQuoteNamesTheRowItStartsIn() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let reader = try SpreadsheetReader(path: try files.write("a,b\n1,2\n3,\"oops\n4,5\n"))
        #expect(try reader.nextRow()?.number == 2)
        let error = #expect(throws: ImportFileError.self) { try reader.nextRow() }
        #expect(error?.row == 3)
    }

    @Test func utf16AndOldExcelFilesAreNamed() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let utf16 = #expect(throws: ImportFileError.self) {
            try SpreadsheetReader(path: try files.write([0xFF, 0xFE, 0x4E, 0x00]))
        }
        #expect(utf16?.reason.contains("UTF-16") == true)
        let xls = #expect(throws: ImportFileError.self) {
            try SpreadsheetReader(path: try files.write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], name: "a.xls"))
        }
        #expect(xls?.reason.contains(".xls") == true)
    }

    @Test func missingFile() {
        let error = #expect(throws: ImportFileError.self) { try SpreadsheetReader(path: "/nonexistent/lindung.csv") }
        #expect(error?.row == nil)
        #expect(error?.reason.hasPrefix("cannot open") == true)
    }

    @Test func recordsAcrossChunkBoundariesAndOneLongerThanAChunk() throws {
        let files = try TestFiles()
        defer { files.remove() }
        // Given ~3 MiB of rows with quoted line breaks, doubled quotes and multi-byte text, so that records
        // straddle the 1 MiB chunks, and one field longer than a chunk
        let count = 40_000
        var text = "no;catatan;kota\r\n"
        for index in 0..<count {
            text += "\(index);\"baris \(index)\n\"\"kutip\"\"; titik koma\";Sérang \(index)\r\n"
            if index == 20_000 { text += "\(count);\"\(String(repeating: "é", count: 800_000))\";x\r\n" }
        }
        let reader = try SpreadsheetReader(path: try files.write(text))
        _ = try reader.header()

        // Then every row comes back whole and in order
        var seen = 0
        while let row = try reader.nextRow() {
            if row.fields[0] == "\(count)" {
                #expect(row.fields[1].count == 800_000)
                continue
            }
            let index = seen
            #expect(row.fields == ["\(index)", "baris \(index)\n\"kutip\"; titik koma", "Sérang \(index)"])
            #expect(row.number == index + 2 + (index > 20_000 ? 1 : 0))
            seen += 1
        }
        #expect(seen == count)
    }
}
