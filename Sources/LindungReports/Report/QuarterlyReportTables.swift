public import LindungExport
import LindungCore
import LindungStorage

/// The report's tables, one `SheetTable` each: the XLSX holds one sheet per table, the CSV all of them in
/// long form, and the HTML draws the same tables (so the three never disagree). Counts and rupiah are
/// integers; percentages and percentage points are text with a decimal comma (`10,23`), as the `Cell`
/// type holds no fractions; an unknown ratio is the text `tidak ada data`, never 0.
public enum QuarterlyReportTables {
    public static func all(_ report: QuarterlyReport) -> [SheetTable] {
        [summary(report), regencies(report), segments(report), programs(report), trend(report), agencies(report), arrears(report),
            findings(report), contributions(report), benefits(report), budget(report)]
    }

    static func percent(_ value: Double?) -> Cell { value.map { .text(NumberFormat.decimal($0, 2)) } ?? .text(ReportLabels.noData) }

    public static func summary(_ report: QuarterlyReport) -> SheetTable {
        let region = report.figures.region
        var rows: [[Cell]] = [
            ["Wilayah", .text("\(report.regionName) (\(report.regionCode))")],
            ["Periode", .text("\(ReportLabels.quarter(report.quarter)) (posisi \(ReportLabels.date(report.figures.referenceDate)))")],
            ["Data cakupan", .text(report.figures.hasData ? "tersedia" : "belum dihitung untuk periode ini")],
            ["Peserta terdaftar", .integer(Int64(region.counts.enrolled))],
            ["Peserta aktif", .integer(Int64(region.counts.active))],
            ["Penduduk bekerja (BPS)", region.employed.map { .integer($0.persons) } ?? .text(ReportLabels.noData)],
            ["Sumber penduduk bekerja", .text(region.employed.map { "\($0.source), Sakernas \(ReportLabels.month($0.period))" } ?? ReportLabels.noData)],
            ["Indeks UCJ (%)", percent(region.ucj?.percent)],
            ["Cakupan pekerja formal/PU (%)", percent(region.formalCoverage?.percent)],
            ["Cakupan pekerja informal/BPU (%)", percent(region.informalCoverage?.percent)],
            ["Perubahan peserta aktif sejak triwulan lalu", region.quarterOverQuarter.map { .integer(Int64($0.activeChange)) } ?? .text(ReportLabels.noData)],
            ["Perubahan UCJ sejak triwulan lalu (poin persen)", percent(region.quarterOverQuarter?.ucjChangePoints)],
            ["Perubahan UCJ sejak tahun lalu (poin persen)", percent(region.yearOverYear?.ucjChangePoints)],
        ]
        if let target = region.target {
            rows.append([.text("Target UCJ \(target.year) (%)"), .text(NumberFormat.decimal(target.ucjPercent, 2) + " (\(target.source))")])
        }
        if let projection = region.projection {
            let text: String
            switch projection.reason {
            case .reached: text = "target sudah tercapai"
            case .onPace: text = projection.reachedIn.map { "tercapai pada \(ReportLabels.quarter($0)) dengan laju saat ini" } ?? ReportLabels.noData
            case .flatOrFalling: text = "tidak tercapai dengan laju saat ini (laju datar atau menurun)"
            case .unknownPace: text = "laju belum dapat dihitung"
            }
            rows.append(["Proyeksi target", .text(text)])
        }
        return SheetTable(name: "Ringkasan", columns: ["Ukuran", "Nilai"], rows: rows)
    }

    public static func regencies(_ report: QuarterlyReport) -> SheetTable {
        SheetTable(
            name: "Kabupaten-Kota",
            columns: ["Kode", "Kabupaten/Kota", "Peserta aktif", "Perubahan peserta aktif", "Penduduk bekerja", "UCJ (%)", "Perubahan UCJ (poin)"],
            rows: report.figures.parts.map { part in
                [
                    .text(part.regionCode), .text(part.regionName), .integer(Int64(part.counts.active)),
                    part.quarterOverQuarter.map { .integer(Int64($0.activeChange)) } ?? .text(ReportLabels.noData),
                    part.employed.map { .integer($0.persons) } ?? .text(ReportLabels.noData), percent(part.ucj?.percent),
                    percent(part.quarterOverQuarter?.ucjChangePoints),
                ]
            })
    }

    public static func segments(_ report: QuarterlyReport) -> SheetTable {
        let now = report.figures.region.counts
        let before = report.previous?.region.counts
        return SheetTable(
            name: "Segmen", columns: ["Segmen", "Peserta aktif", "Triwulan lalu", "Perubahan"],
            rows: Segment.allCases.map { segment in
                let active = Int64(now.activeBySegment[segment] ?? 0)
                let previous = before.map { Int64($0.activeBySegment[segment] ?? 0) }
                return [
                    .text(ReportLabels.segment(segment)), .integer(active), previous.map(Cell.integer) ?? .text(ReportLabels.noData),
                    previous.map { .integer(active - $0) } ?? .text(ReportLabels.noData),
                ]
            })
    }

    public static func programs(_ report: QuarterlyReport) -> SheetTable {
        let counts = report.figures.region.counts.activeByProgram
        return SheetTable(
            name: "Program", columns: ["Program", "Peserta aktif"],
            rows: [Program.jkk, .jkm, .jht, .jp, .jkp].map { [.text($0.rawValue), .integer(Int64(counts[$0] ?? 0))] })
    }

    public static func trend(_ report: QuarterlyReport) -> SheetTable {
        SheetTable(
            name: "Tren", columns: ["Triwulan", "Peserta aktif", "UCJ (%)"],
            rows: report.trend.map {
                [.text($0.quarter.description), $0.hasData ? .integer(Int64($0.active)) : .text(ReportLabels.noData), percent($0.ucjPercent)]
            })
    }

    public static func agencies(_ report: QuarterlyReport) -> SheetTable {
        SheetTable(
            name: "Instansi non-ASN",
            columns: ["NPP", "Instansi", "Wilayah", "Jumlah non-ASN dilaporkan", "Terdaftar", "Aktif", "Kesenjangan", "Cakupan (%)"],
            rows: report.figures.agencies.prefix(20).map { agency in
                [
                    .text(agency.npp), .text(agency.name), .text(agency.regionCode),
                    agency.roster.map { .integer(Int64($0)) } ?? .text("belum dilaporkan"), .integer(Int64(agency.registered)),
                    .integer(Int64(agency.active)), agency.gap.map { .integer(Int64($0)) } ?? .text(ReportLabels.noData), percent(agency.percent),
                ]
            })
    }

    public static func arrears(_ report: QuarterlyReport) -> SheetTable {
        SheetTable(
            name: "Tunggakan",
            columns: ["NPP", "Pemberi kerja", "Wilayah", "Belum jatuh tempo", "1-3 bulan", "Lebih dari 3 bulan", "Jumlah (Rp)", "Jatuh tempo tertua"],
            rows: report.arrears.map { row in
                [
                    .text(row.debtor.key), .text(row.name), .text(row.regionCode), .integer(row.buckets[.current] ?? 0),
                    .integer(row.buckets[.upTo3Months] ?? 0), .integer(row.buckets[.over3Months] ?? 0), .integer(row.total),
                    row.oldestDueDate.map(Cell.date) ?? .empty,
                ]
            })
    }

    public static func findings(_ report: QuarterlyReport) -> SheetTable {
        SheetTable(
            name: "Temuan kepatuhan", columns: ["NPP/NIB", "Wilayah", "Jenis temuan", "Keterangan"],
            rows: report.findings.map { $0.map { [.text($0.npp), .text($0.name), .text($0.kind), .text($0.detail)] } }
                ?? [["", "", "", "belum tersedia: pemeriksaan kepatuhan belum terhubung ke laporan"]])
    }

    public static func contributions(_ report: QuarterlyReport) -> SheetTable {
        var rows: [[Cell]] = report.contributions.map {
            [.text(ReportLabels.month($0.month)), .integer(Int64($0.bills)), .integer(Int64($0.workers)), .integer($0.contribution), .integer($0.fine),
                .integer($0.total), .integer($0.paid), .integer($0.open)]
        }
        let sum = { (path: KeyPath<ContributionMonthTotals, Rupiah>) in report.contributions.reduce(0) { $0 + $1[keyPath: path] } }
        rows.append([
            "Jumlah triwulan", .integer(Int64(report.contributions.reduce(0) { $0 + $1.bills })), .empty, .integer(sum(\.contribution)),
            .integer(sum(\.fine)), .integer(sum(\.total)), .integer(sum(\.paid)), .integer(sum(\.open)),
        ])
        return SheetTable(
            name: "Iuran",
            columns: ["Bulan tagihan", "Tagihan", "Tenaga kerja", "Iuran (Rp)", "Denda (Rp)", "Ditagih (Rp)", "Terkumpul (Rp)", "Belum dibayar (Rp)"],
            rows: rows)
    }

    /// Claims paid in the quarter by program and payer, with a total; without a claims store, a line saying so.
    public static func benefits(_ report: QuarterlyReport) -> SheetTable {
        let columns = ["Program", "Dibayar oleh", "Klaim", "Manfaat dibayar (Rp)"]
        guard let benefits = report.benefits else {
            return SheetTable(name: "Manfaat", columns: columns, rows: [["JKK, JKM, JHT, JP, JKP", "", .empty, .text(ReportLabels.noClaims)]])
        }
        var rows: [[Cell]] = benefits.map {
            [.text($0.type.uppercased()), .text($0.payer == "employer" ? "Pemberi kerja" : "BPJS Ketenagakerjaan"), .integer(Int64($0.claims)), .integer($0.amount)]
        }
        if !rows.isEmpty {
            rows.append(["Jumlah triwulan", "", .integer(Int64(benefits.reduce(0) { $0 + $1.claims })), .integer(benefits.reduce(0) { $0 + $1.amount })])
        }
        return SheetTable(name: "Manfaat", columns: columns, rows: rows)
    }

    public static func budget(_ report: QuarterlyReport) -> SheetTable {
        guard let budget = report.budget else {
            return SheetTable(name: "Simulasi anggaran", columns: ["Keterangan"], rows: [["tidak ada upah minimum untuk wilayah ini"]])
        }
        var rows: [[Cell]] = budget.result.months.map {
            [.text(ReportLabels.month($0.month)), .integer($0.perNonASNWorker.total), .integer($0.nonASN), .integer($0.perVulnerableWorker.total),
                .integer($0.vulnerable), .integer($0.total)]
        }
        rows.append(["Setahun", .empty, .integer(budget.result.nonASNYear), .empty, .integer(budget.result.vulnerableYear), .integer(budget.result.total)])
        return SheetTable(
            name: "Simulasi anggaran",
            columns: ["Bulan", "Per non-ASN (Rp)", "Non-ASN (Rp)", "Per pekerja rentan (Rp)", "Pekerja rentan (Rp)", "Jumlah APBD (Rp)"],
            rows: rows)
    }

    /// All tables as one CSV in long form: `table,row,column,value`, one line per cell (docs/reports.md).
    public static func csv(_ report: QuarterlyReport) -> String {
        var text = CSVWriter.line(["table", "row", "column", "value"])
        for table in all(report) {
            for (index, row) in table.rows.enumerated() {
                for (column, cell) in zip(table.columns, row) {
                    text += CSVWriter.line([.text(table.name), .integer(Int64(index + 1)), .text(column), cell])
                }
            }
        }
        return text
    }
}
