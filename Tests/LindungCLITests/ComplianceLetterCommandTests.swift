import Foundation
import Testing

/// `lindung compliance letter` through the real executable: a licence of 25 employees without an NPP is found
/// on Friday 21 March 2025, and its first written warning (PP 86/2013) runs 10 working days to 8 April,
/// past Nyepi (a Saturday) and Idul Fitri (31 March, 1 April; holidays.csv, SKB 1017/2024).
@Suite("lindung compliance letter", .serialized)
struct ComplianceLetterCommandTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("lindung.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-letter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func lindung(_ arguments: [String]) throws -> ProcessResult {
        try runLindung(arguments + ["--db", database], environment: ["LINDUNG_ACTOR": "tester"])
    }

    @Test("the first warning of an unregistered business, as HTML; unknown employers and bad options are refused by name")
    func letter() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let licences = directory.appendingPathComponent("licences.csv")
        try "NIB,Nama,Kode Wilayah,KBLI,Jumlah Tenaga Kerja\n9999999999999,CV Tanpa Daftar,3604,47111,25\n".write(
            to: licences, atomically: true, encoding: .utf8)
        #expect(try lindung(["import", "licences", licences.path]).status == 0)
        let scan = try lindung(["compliance", "scan", "--region", "3604", "--on", "2025-03-21"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let out = directory.appendingPathComponent("surat.html").path
        let written = try lindung(["compliance", "letter", "--employer", "9999999999999", "--format", "html", "--out", out])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("warning_1 letter TT1/") && written.stdout.contains("deadline 2025-04-08"))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("Teguran Tertulis Pertama") && html.contains("CV Tanpa Daftar") && html.contains("NIB 9999999999999"))
        #expect(html.contains("mempekerjakan 25 orang"))
        #expect(html.contains("<span class=\"deadline\">8 April 2025</span>") && html.contains("Serang, 21 Maret 2025"))
        #expect(html.contains("Peraturan Pemerintah Nomor 86 Tahun 2013") && html.contains("Permenaker 5/2021 Pasal 3"))

        let unknown = try lindung(["compliance", "letter", "--employer", "1231231231231", "--out", out])
        #expect(unknown.status != 0 && unknown.stderr.contains("1231231231231 is not registered"))
        let notReached = try lindung(["compliance", "letter", "--employer", "9999999999999", "--stage", "fine", "--out", out])
        #expect(notReached.status != 0 && notReached.stderr.contains("never reached fine"))
        let badFormat = try lindung(["compliance", "letter", "--employer", "9999999999999", "--format", "docx", "--out", out])
        #expect(badFormat.status != 0 && badFormat.stderr.contains("--format must be html or pdf"))
    }
}
