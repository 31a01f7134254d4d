public import Foundation
public import LindungExport
import LindungCore
import LindungStorage

/// The quarterly report as one self-contained HTML document in Bahasa Indonesia: inline CSS (A4 print
/// rules with page numbers in the bottom margin box), inline SVG charts and map, no script, no external file.
/// The same document is printed to PDF by `ChromiumPDF`.
public enum QuarterlyReportHTML {
    public static func render(_ report: QuarterlyReport, boundaries: RegencyBoundaries?) -> String {
        let title = "Laporan Pemantauan Cakupan Jaminan Sosial Ketenagakerjaan"
        let subtitle = "\(report.regionName) (\(report.regionCode)) · \(ReportLabels.quarter(report.quarter))"
        var html = """
            <!doctype html>
            <html lang="id"><head><meta charset="utf-8"><title>\(escape(title)) · \(escape(subtitle))</title>
            <style>\(css)</style></head><body>
            <header><h1>\(escape(title))</h1><p class="subtitle">\(escape(subtitle))</p>
            <p class="meta">Posisi data: \(ReportLabels.date(report.figures.referenceDate)) · dibuat \(ReportLabels.date(report.generatedOn))</p></header>

            """
        if !report.figures.hasData {
            html += "<p class=\"warning\">Data cakupan untuk periode ini belum dihitung (<code>lindung coverage refresh</code>): angka peserta 0 berarti tidak ada data, bukan tidak ada peserta.</p>\n"
        }
        html += section("1. Ringkasan", table(QuarterlyReportTables.summary(report)))
        html += section(
            "2. Cakupan per kabupaten/kota",
            table(QuarterlyReportTables.regencies(report)) + figure(barChart(report)) + (boundaries.map { figure(map(report, $0)) } ?? ""),
            breakBefore: true)
        html += section("3. Cakupan per segmen dan program", table(QuarterlyReportTables.segments(report)) + table(QuarterlyReportTables.programs(report)))
        html += section("4. Tren lima triwulan", table(QuarterlyReportTables.trend(report)) + figure(lineChart(report)))
        html += section(
            "5. Instansi dengan kesenjangan non-ASN terbesar", table(QuarterlyReportTables.agencies(report), empty: "Tidak ada instansi pemerintah daerah."),
            breakBefore: true)
        html += section(
            "6. Pemberi kerja dengan temuan kepatuhan dan tunggakan",
            "<h3>Tunggakan iuran (\(QuarterlyReportGatherer.arrearsLimit) terbesar)</h3>"
                + table(QuarterlyReportTables.arrears(report), empty: "Tidak ada tunggakan.") + "<h3>Temuan kepatuhan terbuka</h3>"
                + table(QuarterlyReportTables.findings(report), empty: "Tidak ada temuan terbuka."))
        html += section("7. Iuran ditagih dan terkumpul", table(QuarterlyReportTables.contributions(report)))
        html += section("8. Manfaat dibayar", table(QuarterlyReportTables.benefits(report), empty: "Tidak ada klaim yang dibayar pada triwulan ini."))
        var budget = table(QuarterlyReportTables.budget(report))
        if let assumptions = report.budget?.assumptions {
            budget = "<ul>" + assumptions.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" + budget
            budget += "<p class=\"note\">Dasar: " + escape(report.budget!.result.regulations.joined(separator: "; ")) + "</p>"
        }
        html += section("9. Simulasi anggaran (APBD) \(report.quarter.year + 1)", budget, breakBefore: true)
        html += """
            <footer><p>Peserta aktif: terdaftar pada bulan itu dan tidak menunggak lebih dari 3 bulan (posisi hari terakhir bulan). \
            Indeks UCJ = peserta aktif / penduduk bekerja (BPS Sakernas Agustus). \
            Sumber batas wilayah: Badan Informasi Geospasial, via cahyadsn/wilayah_boundaries (MIT).</p></footer>
            </body></html>

            """
        return html
    }

    static func barChart(_ report: QuarterlyReport) -> String { CoverageCharts.ucjBars(report.figures.parts) }

    static func lineChart(_ report: QuarterlyReport) -> String {
        CoverageCharts.activeTrend(quarters: report.trend.map(\.quarter), active: report.trend.map { $0.hasData ? $0.active : nil })
    }

    static func map(_ report: QuarterlyReport, _ boundaries: RegencyBoundaries) -> String {
        CoverageCharts.ucjMap(region: report.figures.region, parts: report.figures.parts, boundaries: boundaries)
    }

    /// A table as HTML: integers grouped the Indonesian way, numbers right-aligned.
    public static func table(_ table: SheetTable, empty: String = "Tidak ada data.") -> String {
        guard !table.rows.isEmpty else { return "<p>\(escape(empty))</p>" }
        var html = "<table class=\"data\"><thead><tr>" + table.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in table.rows {
            html += "<tr>"
            for cell in row {
                switch cell {
                case .integer(let value): html += "<td class=\"n\">\(NumberFormat.grouped(value))</td>"
                case .date(let date): html += "<td>\(ReportLabels.date(date))</td>"
                case .text(let text): html += "<td>\(escape(text))</td>"
                case .empty: html += "<td></td>"
                }
            }
            html += "</tr>"
        }
        return html + "</tbody></table>\n"
    }

    static func section(_ title: String, _ body: String, breakBefore: Bool = false) -> String {
        "<section\(breakBefore ? " class=\"break\"" : "")><h2>\(escape(title))</h2>\n\(body)</section>\n"
    }

    static func figure(_ svg: String) -> String { "<figure>\(svg)</figure>\n" }

    static func escape(_ text: String) -> String { SVGText.escape(text) }

    static let css = """
        @page { size: A4; margin: 16mm 14mm 18mm 14mm;
          @bottom-center { content: "Halaman " counter(page) " dari " counter(pages); font: 8pt sans-serif; color: #555; } }
        body { font: 10pt/1.4 sans-serif; color: #111; max-width: 190mm; margin: 0 auto; }
        h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 6mm; } h3 { font-size: 11pt; }
        .subtitle { font-size: 12pt; margin: 0; } .meta, .note, footer { color: #555; font-size: 8.5pt; }
        .warning { border: 1px solid #c60; background: #fff4e5; padding: 2mm; }
        table.data { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8.5pt; }
        table.data th, table.data td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
        table.data th { background: #eef2f7; } td.n { text-align: right; white-space: nowrap; }
        table.data tr { break-inside: avoid; } figure { margin: 3mm 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
        @media print { section.break { break-before: page; } }
        """
}

/// Writes a gathered report in one of its formats.
public enum QuarterlyReportWriter {
    public enum Format: String, Sendable, CaseIterable {
        case html, pdf, xlsx, csv
    }

    public static func write(_ report: QuarterlyReport, format: Format, to url: URL, chromium: ChromiumPDF = ChromiumPDF()) async throws {
        switch format {
        case .html: try Data(QuarterlyReportHTML.render(report, boundaries: try? RegencyBoundaries.bundled.get()).utf8).write(to: url, options: .atomic)
        case .pdf: try await chromium.print(html: QuarterlyReportHTML.render(report, boundaries: try? RegencyBoundaries.bundled.get()), to: url)
        case .xlsx: try XLSXWriter.write(QuarterlyReportTables.all(report), to: url)
        case .csv: try Data(QuarterlyReportTables.csv(report).utf8).write(to: url, options: .atomic)
        }
    }
}
