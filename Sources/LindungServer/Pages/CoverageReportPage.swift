import Foundation
import Hummingbird
import LindungCore
import LindungExport
import LindungReports
import LindungStorage

/// `GET /coverage/report?region=&quarter=2025Q1&format=html|pdf|xlsx|csv`: the quarterly monitoring report as
/// `lindung report quarterly` writes it (`QuarterlyReportGatherer`, `QuarterlyReportWriter`), as a download.
/// PDF needs Chromium on the server; without it the answer is a 503 page that says so.
enum CoverageReportPage {
    static func download(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        try await CoveragePageCall.run(page) { try await render(request, page) }
    }

    static func render(_ request: Request, _ page: PageCall) async throws -> Response {
        let region = try CoveragePageCall.region(request, page)
        let quarterText = try request.requiredQuery("quarter")
        guard let quarter = Quarter(text: quarterText) else { throw APIError.invalid("invalid quarter '\(quarterText)': expected YYYYQn, e.g. 2025Q1") }
        let formatText = request.query("format") ?? "html"
        guard let format = QuarterlyReportWriter.Format(rawValue: formatText.lowercased()) else {
            throw APIError.invalid("invalid format '\(formatText)': html, pdf, xlsx or csv")
        }
        let chromium = ChromiumPDF()
        if format == .pdf && !chromium.isAvailable {
            return try page.page(
                "error", title: "error_title", ["message": page.language.strings["coverage_no_chromium"]!], status: .serviceUnavailable)
        }
        let environment = page.call.environment
        guard let totals = page.store as? any ContributionTotalsStore else {
            return try page.page("error", title: "error_title", ["message": "this store cannot total contributions"], status: .serviceUnavailable)
        }
        let reference = try CoverageAccess.reference(environment)
        guard region == "00" || reference.regions.region(code: region) != nil else {
            throw APIError.invalid("invalid region '\(region)': not 00 or a region code of regions.csv")
        }
        let gatherer = QuarterlyReportGatherer(
            coverage: try CoverageAccess.reader(environment), billing: page.store, contributions: totals, reference: reference,
            rules: environment.rules, findings: QuarterlyReport.Finding.source(page.store), benefits: page.store as? any BenefitTotalsStore)
        let report = try await gatherer.gather(region: region, quarter: quarter, today: environment.today())
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "laporan-cakupan-\(region)-\(quarter).\(format.rawValue)"
        let file = directory.appendingPathComponent(name)
        do {
            try await QuarterlyReportWriter.write(report, format: format, to: file, chromium: chromium)
        } catch let error as ExportError {
            return try page.page("error", title: "error_title", ["message": "\(page.language.strings["coverage_report_failed"]!) \(error)"], status: .serviceUnavailable)
        }
        let data = try Data(contentsOf: file)
        return Response(
            status: .ok,
            headers: [
                .contentType: contentType(format), .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func contentType(_ format: QuarterlyReportWriter.Format) -> String {
        switch format {
        case .html: "text/html; charset=utf-8"
        case .pdf: "application/pdf"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        }
    }
}
