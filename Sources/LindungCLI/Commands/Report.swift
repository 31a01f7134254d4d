import ArgumentParser
import Foundation
import LindungCore
import LindungExport
import LindungReports
import LindungStorage

/// `lindung report quarterly --region 36 --quarter 2025Q1 --format html|pdf|xlsx|csv --out FILE [--db …]`:
/// the quarterly coverage monitoring report to the governor (docs/reports.md).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Documents over the registry.", subcommands: [QuarterlyReportCommand.self])
}

struct QuarterlyReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarterly",
        abstract: "The quarterly coverage monitoring report (Bahasa Indonesia) for a region: HTML, PDF (headless Chromium), XLSX or CSV.")

    @Option(help: "The region: 00 (national), a province (36) or a regency/city (3604).") var region: String
    @Option(help: "The quarter, e.g. 2025Q1.") var quarter: String
    @Option(help: "html, pdf, xlsx or csv.") var format: String = "html"
    @Option(help: "The file to write.") var out: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var common: CommonOptions

    func run() async throws {
        guard let period = Quarter(text: quarter) else { throw CLIError("invalid --quarter '\(quarter)': write it as 2025Q1") }
        guard let kind = QuarterlyReportWriter.Format(rawValue: format.lowercased()) else {
            throw CLIError("invalid --format '\(format)': html, pdf, xlsx or csv")
        }
        let chromium = ChromiumPDF()
        if kind == .pdf && !chromium.isAvailable {
            throw CLIError("--format pdf needs Chromium, which is not installed: apt-get install chromium (or set LINDUNG_CHROMIUM)")
        }
        let reference = try common.referenceData()
        let ruleSet = try common.ruleSet()
        let started = ContinuousClock.now
        try await withStore(store) { opened in
            guard let totals = opened as? any ContributionTotalsStore else {
                throw CLIError("this database backend does not total contributions yet")
            }
            let reader = CoverageReader(store: opened, reference: reference, bundledTargets: try CoverageTargetTable())
            let gatherer = QuarterlyReportGatherer(coverage: reader, billing: opened, contributions: totals, reference: reference, rules: ruleSet,
                findings: QuarterlyReport.Finding.source(opened), benefits: opened as? any BenefitTotalsStore)
            let today = ArgumentValue.today
            let report = try await gatherer.gather(region: region, quarter: period, today: today)
            let gathered = ContinuousClock.now
            try await QuarterlyReportWriter.write(report, format: kind, to: URL(fileURLWithPath: out), chromium: chromium)
            let done = ContinuousClock.now
            FileHandle.standardError.write(
                Data("Wrote \(out) (\(kind.rawValue)): \(report.regionName), \(period); gathered in \(gathered - started), written in \(done - gathered)\n".utf8))
        }
    }
}
