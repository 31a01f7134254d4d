import Foundation
import LindungCore
import LindungExport
import LindungImport
import LindungReports
import LindungStorage
import LindungStorageSQLite
import Testing
import ZIPFoundation

/// A coverage store holding hand-made aggregate rows for Banten (the coverage helper's SQL is tested in its
/// own suites; here the report is what is under test).
struct FixedCoverageStore: CoverageStore {
    let rows: [YearMonth: [CoverageCountRow]]

    func refreshCoverage(month: YearMonth) async throws -> CoverageRefreshSummary { .init(month: month, rows: 0, enrolledParticipants: 0, activeParticipants: 0) }
    func coverageCounts(month: YearMonth, region: String) async throws -> CoverageCounts? {
        rows[month].map { CoverageCounts(month: month, refreshedAt: "2025-04-01T00:00:00Z", rows: $0.filter { $0.regionCode.hasPrefix(region) }, branchNames: [:]) }
    }
    func agencyCoverage(month: YearMonth, region: String) async throws -> [AgencyCoverage] {
        [AgencyCoverage(npp: "36000001", name: "Dinas Kesehatan Kabupaten Serang", regionCode: "3604", roster: 400, rosterAsOf: nil, registered: 300, active: 250)]
    }
    func coverageMonths() async throws -> [CoverageMonthStatus] { [] }
    func saveWorkforce(_ figures: [WorkforceFigure], actor: String) async throws {}
    func importedWorkforce() async throws -> [WorkforceFigure] { [] }
    func saveCoverageTarget(_ target: CoverageTarget, actor: String) async throws {}
    func coverageTargets() async throws -> [CoverageTarget] { [] }
}

@Suite("Quarterly report")
struct QuarterlyReportTests {
    static func row(_ month: YearMonth, _ region: String, _ segment: Segment, _ active: Int) -> CoverageCountRow {
        CoverageCountRow(
            month: month, regionCode: region, branchCode: nil, segment: segment, enrolled: active + 10, active: active, enrolledPersons: active + 10,
            activePersons: active, activeByProgram: [.jkk: active, .jkm: active], activeNonASN: 0)
    }

    /// Banten, 2025Q1 against 2024Q4: Kab. Serang 1.200 PU + 300 BPU active (was 1.000 + 250), Kota Cilegon 800 PU (was 700).
    static func report() async throws -> QuarterlyReport {
        let march = YearMonth(year: 2025, month: 3)
        let december = YearMonth(year: 2024, month: 12)
        let coverage = FixedCoverageStore(rows: [
            march: [row(march, "3604", .pu, 1_200), row(march, "3604", .bpu, 300), row(march, "3672", .pu, 800)],
            december: [row(december, "3604", .pu, 1_000), row(december, "3604", .bpu, 250), row(december, "3672", .pu, 700)],
        ])
        let reference = try ReferenceData()
        let store = try SQLiteStore.inMemory()
        _ = try await store.migrate()
        let gatherer = QuarterlyReportGatherer(
            coverage: CoverageReader(store: coverage, reference: reference, bundledTargets: try CoverageTargetTable()), billing: store,
            contributions: store, reference: reference, rules: try RuleSet())
        return try await gatherer.gather(region: "36", quarter: Quarter(text: "2025Q1")!, today: CalendarDate(year: 2025, month: 4, day: 10)!)
    }

    @Test("the HTML holds the figures of the registry: totals, the change by segment, regencies without a denominator as unknown, the map, no claims")
    func html() async throws {
        let report = try await Self.report()
        #expect(report.figures.region.counts.active == 2_300)
        #expect(report.trend.map(\.hasData) == [false, false, false, true, true])
        let html = QuarterlyReportHTML.render(report, boundaries: try RegencyBoundaries.bundled.get())
        #expect(html.contains("Triwulan I 2025"))
        #expect(html.contains("<td>Peserta aktif</td><td class=\"n\">2.300</td>"))
        // PU 2.000 now against 1.700 in 2024Q4: +300.
        #expect(html.contains("<td>Penerima Upah (PU)</td><td class=\"n\">2.000</td><td class=\"n\">1.700</td><td class=\"n\">300</td>"))
        #expect(html.contains("<td>Kabupaten Serang</td><td class=\"n\">1.500</td><td class=\"n\">250</td>"))
        #expect(occurrences(of: "<path class=\"region\"", in: html) == 8)
        #expect(html.contains("Sumber batas wilayah: Badan Informasi Geospasial"))
        #expect(html.contains("belum ada data klaim"))
        #expect(html.contains("Dinas Kesehatan Kabupaten Serang"))
        #expect(html.contains("counter(page)"))
        #expect(!html.contains("<script"))
    }

    @Test("the XLSX has one sheet per table and reads back through LindungImport")
    func xlsx() async throws {
        let report = try await Self.report()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("laporan-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try await QuarterlyReportWriter.write(report, format: .xlsx, to: url)
        let archive = try Archive(url: url, accessMode: .read)
        var workbook = Data()
        _ = try archive.extract(archive["xl/workbook.xml"]!) { workbook.append($0) }
        let text = String(decoding: workbook, as: UTF8.self)
        for name in ["Ringkasan", "Kabupaten-Kota", "Segmen", "Tren", "Instansi non-ASN", "Tunggakan", "Iuran", "Manfaat", "Simulasi anggaran"] {
            #expect(text.contains("name=\"\(name)\""), "sheet \(name)")
        }
        let reader = try SpreadsheetReader(path: url.path)
        #expect(try reader.header() == ["Ukuran", "Nilai"])
        var values: [String: String] = [:]
        while let row = try reader.nextRow() { values[row.fields[0]] = row.fields[1] }
        #expect(values["Peserta aktif"] == "2300")
        #expect(values["Perubahan peserta aktif sejak triwulan lalu"] == "350")
    }

    @Test("the CSV is one long table: table,row,column,value")
    func csv() async throws {
        let csv = QuarterlyReportTables.csv(try await Self.report())
        #expect(csv.hasPrefix("table,row,column,value\n"))
        #expect(csv.contains("Segmen,1,Peserta aktif,2000\n"))
        #expect(csv.contains("Manfaat,1,Manfaat dibayar (Rp),belum ada data klaim\n"))
    }

    @Test("the PDF prints on A4 with Chromium and its first page is not blank", .enabled(if: systemBinary("chromium") != nil && systemBinary("pdftoppm") != nil, "needs chromium and pdftoppm (apt-get install chromium poppler-utils)"))
    func pdf() async throws {
        let report = try await Self.report()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("laporan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("laporan.pdf")
        try await QuarterlyReportWriter.write(report, format: .pdf, to: pdf)
        let head = try Data(contentsOf: pdf).prefix(5)
        #expect(String(decoding: head, as: UTF8.self) == "%PDF-")
        // First page at 20 dpi as a greyscale PGM: A4 (210 × 297 mm) is about 165 × 234 pixels; count the pixels that are not white.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: systemBinary("pdftoppm")!)
        process.arguments = ["-f", "1", "-l", "1", "-r", "20", "-gray", "-singlefile", pdf.path, directory.appendingPathComponent("page").path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let pgm = try Data(contentsOf: directory.appendingPathComponent("page.pgm"))
        let header = String(decoding: pgm.prefix(20), as: UTF8.self).split(whereSeparator: \.isWhitespace)
        #expect(header[0] == "P5")
        let width = Int(header[1])!
        let height = Int(header[2])!
        #expect((163...167).contains(width) && (232...236).contains(height), "\(width) × \(height)")
        let pixels = pgm.suffix(width * height)
        let inked = pixels.filter { $0 < 200 }.count
        #expect(inked > 500, "the first page has \(inked) dark pixels")
    }

    @Test("without Chromium the PDF is refused with the reason")
    func noChromium() async throws {
        let missing = ChromiumPDF(executable: "/nonexistent/chromium")
        await #expect(throws: ExportError.self) {
            try await missing.print(html: "<p>x</p>", to: URL(fileURLWithPath: "/tmp/none.pdf"))
        }
    }
}

@Suite("Quarterly report: compliance findings")
struct ReportFindingTests {
    @Test("an open PDS-upah finding from issue 6's store is listed with its kind in Indonesian, since when and its rule")
    func finding() {
        let stored = StoredFinding(
            id: 1, kind: .partialWages, subject: "12345678", employerNPP: "12345678", nib: nil, regionCode: "3604", evidence: [:],
            rule: "PP 36/2021 Pasal 23", openedOn: CalendarDate(year: 2025, month: 4, day: 15)!, curedOn: nil,
            lastSeenOn: CalendarDate(year: 2025, month: 4, day: 15)!, position: .init(stage: .warning1, enteredOn: CalendarDate(year: 2025, month: 4, day: 15)!, dueOn: nil))
        let finding = QuarterlyReport.Finding(stored: stored)
        #expect(finding.npp == "12345678" && finding.name == "3604")
        #expect(finding.kind == "PDS upah")
        #expect(finding.detail == "sejak 15 April 2025; dasar: PP 36/2021 Pasal 23")
    }
}

/// Benefits as a claims store would total them, remembering what it was asked.
final class FixedBenefits: BenefitTotalsStore, @unchecked Sendable {
    var asked: [(CalendarDate, CalendarDate, String)] = []
    func benefitsPaid(from: CalendarDate, through: CalendarDate, region: String) async throws -> [BenefitPaidTotal] {
        asked.append((from, through, region))
        return [
            BenefitPaidTotal(type: "jkk", payer: "employer", claims: 1, amount: 3_500_000),
            BenefitPaidTotal(type: "jkm", payer: "bpjs", claims: 2, amount: 84_000_000),
        ]
    }
}

@Suite("Quarterly report: benefits paid")
struct QuarterlyReportBenefitTests {
    @Test("benefits paid in the quarter by program and payer, totalled: two JKM claims at Rp42,000,000 (PP 82/2019) and an accident paid by the employer")
    func benefits() async throws {
        let reference = try ReferenceData()
        let store = try SQLiteStore.inMemory()
        _ = try await store.migrate()
        let benefits = FixedBenefits()
        let gatherer = QuarterlyReportGatherer(
            coverage: CoverageReader(store: FixedCoverageStore(rows: [:]), reference: reference, bundledTargets: try CoverageTargetTable()),
            billing: store, contributions: store, reference: reference, rules: try RuleSet(), benefits: benefits)
        let report = try await gatherer.gather(region: "3604", quarter: Quarter(text: "2025Q2")!, today: CalendarDate(year: 2025, month: 7, day: 10)!)
        #expect(benefits.asked.map { "\($0.0.iso)..\($0.1.iso) \($0.2)" } == ["2025-04-01..2025-06-30 3604"])
        let html = QuarterlyReportHTML.render(report, boundaries: nil)
        #expect(html.contains("<td>JKM</td><td>BPJS Ketenagakerjaan</td><td class=\"n\">2</td><td class=\"n\">84.000.000</td>"))
        #expect(html.contains("<td>JKK</td><td>Pemberi kerja</td><td class=\"n\">1</td><td class=\"n\">3.500.000</td>"))
        #expect(html.contains("<td>Jumlah triwulan</td><td></td><td class=\"n\">3</td><td class=\"n\">87.500.000</td>"))
        #expect(!html.contains("belum ada data klaim"))
        let sheet = QuarterlyReportTables.benefits(report)
        #expect(sheet.rows.count == 3)
    }
}
