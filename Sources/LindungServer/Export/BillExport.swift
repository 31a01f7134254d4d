public import LindungCore
public import LindungExport
public import LindungStorage

/// A bill as spreadsheet tables: the bill itself (header and lines) and its worker detail. XLSX headers
/// are in Bahasa Indonesia (people read them); CSV headers are stable English keys (systems read them).
/// Shared by `lindung bill show --format csv|xlsx` and the server's bill downloads (`BillDownload`).
public enum BillExport {
    /// The worker detail's amount columns: every payer and program a bill can carry, in a fixed order.
    public static let amountColumns: [(payer: Payer, program: Program, key: String, label: String)] = [
        (.employer, .jkk, "employer_jkk", "JKK Pemberi Kerja"), (.employer, .jkm, "employer_jkm", "JKM Pemberi Kerja"),
        (.employer, .jht, "employer_jht", "JHT Pemberi Kerja"), (.employer, .jp, "employer_jp", "JP Pemberi Kerja"),
        (.worker, .jht, "worker_jht", "JHT Pekerja"), (.worker, .jp, "worker_jp", "JP Pekerja"),
        (.participant, .jkk, "participant_jkk", "JKK Peserta"), (.participant, .jkm, "participant_jkm", "JKM Peserta"),
        (.participant, .jht, "participant_jht", "JHT Peserta"), (.participant, .jkkJkm, "participant_jkk_jkm", "JKK+JKM Peserta (PMI)"),
        (.region, .jkk, "region_jkk", "JKK Pemda"), (.region, .jkm, "region_jkm", "JKM Pemda"), (.region, .jht, "region_jht", "JHT Pemda"),
        (.region, .jp, "region_jp", "JP Pemda"), (.government, .jkp, "government_jkp", "JKP Pemerintah Pusat"),
    ]

    public static func workerTable(_ bill: Bill, _ workers: [BillWorkerLine], indonesian: Bool) -> SheetTable {
        let fixed =
            indonesian
            ? ["No. Tagihan", "Bulan", "NPP", "NIK", "KPJ", "Nama", "Segmen", "Dasar Iuran", "JP Berhenti (usia pensiun)"]
            : ["bill_number", "month", "npp", "nik", "kpj", "name", "segment", "base", "jp_stopped"]
        var table = SheetTable(
            name: indonesian ? "Rincian Pekerja" : "workers",
            columns: fixed + amountColumns.map { indonesian ? $0.label : $0.key } + [indonesian ? "Jumlah" : "total"])
        for worker in workers {
            var row: [Cell] = [
                .text(bill.number), .text(bill.month.description), .text(bill.employerNPP), .text(worker.nik), .text(worker.kpj), .text(worker.name),
                .text(worker.segment.rawValue.uppercased()), .integer(worker.base), .text(worker.jpStopped ? (indonesian ? "ya" : "yes") : ""),
            ]
            row += amountColumns.map { .integer(worker.charge[$0.payer][$0.program]) }
            row.append(.integer(worker.total))
            table.rows.append(row)
        }
        return table
    }

    /// The bill as a two-column sheet (what, amount) followed by its lines.
    public static func billTable(_ bill: Bill) -> SheetTable {
        var table = SheetTable(name: "Tagihan", columns: ["Uraian", "Nilai"])
        let debtor: String =
            switch bill.debtor {
            case .employer(let npp): "Pemberi kerja \(npp)"
            case .region(let code): "Pemerintah daerah \(code)"
            case .government: "Pemerintah pusat (iuran JKP)"
            case .participant(let nik): "Peserta \(nik)"
            }
        let kind: String =
            switch bill.kind {
            case .regular: "Tagihan bulanan"
            case .adjustment: "Tagihan koreksi atas tagihan \(bill.adjustsBillID.map(String.init) ?? "")"
            case .prepaid: "Iuran BPU dibayar di muka"
            }
        table.rows = [
            ["No. Tagihan", .text(bill.number)], ["Jenis", .text(kind)], ["Pemberi kerja", .text("\(bill.employerName) (NPP \(bill.employerNPP))")],
            ["Ditagihkan kepada", .text(debtor)], ["Bulan iuran", .text(bill.month.description)], ["Tanggal terbit", .date(bill.issuedOn)],
            ["Jatuh tempo", .date(bill.dueDate)], ["Jumlah pekerja", .text(String(bill.workers))],
        ]
        for line in bill.lines {
            table.rows.append([.text("Iuran \(line.program.rawValue) (\(payerLabel(line.payer)))"), .integer(line.amount)])
        }
        table.rows += [
            ["Jumlah iuran", .integer(bill.contribution)], ["Denda keterlambatan (dari tagihan sebelumnya)", .integer(bill.fine)],
            ["Total tagihan", .integer(bill.total)], ["Sudah dibayar", .integer(bill.paid)], ["Sisa", .integer(bill.open)],
        ]
        if bill.jkpFromJKK != 0 || bill.jkpFromJKM != 0 {
            table.rows += [
                ["Alokasi ke dana JKP dari iuran JKK (PP 37/2021; bukan tambahan tagihan)", .integer(bill.jkpFromJKK)],
                ["Alokasi ke dana JKP dari iuran JKM (bukan tambahan tagihan)", .integer(bill.jkpFromJKM)],
            ]
        }
        return table
    }

    public static func payerLabel(_ payer: Payer) -> String {
        switch payer {
        case .employer: "pemberi kerja"
        case .worker: "pekerja"
        case .participant: "peserta"
        case .region: "pemerintah daerah"
        case .government: "pemerintah pusat"
        }
    }
}
