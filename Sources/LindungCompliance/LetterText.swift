import Foundation
import LindungCore
import LindungStorage

/// The letters' sentences in Bahasa Indonesia: subjects, what each finding means, its evidence with labels,
/// the legal basis (regulation names as the rules state them, "Art" read as "Pasal") and what is asked by when.
enum LetterText {
    static let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]

    /// `8 April 2025`.
    static func date(_ date: CalendarDate) -> String { "\(date.day) \(months[date.month - 1]) \(date.year)" }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func subjectLine(_ stage: SanctionStage) -> String {
        switch stage {
        case .warning1: "Teguran Tertulis Pertama"
        case .warning2: "Teguran Tertulis Kedua"
        case .fine: "Pemberitahuan Pengenaan Sanksi Denda"
        case .denialRequested: "Permohonan Pengenaan Sanksi Tidak Mendapat Pelayanan Publik Tertentu"
        case .resolved: "Pemberitahuan Penyelesaian"
        }
    }

    /// What the finding means, in one sentence about the employer.
    static func finding(_ finding: StoredFinding, name: String) -> String {
        let n = { (key: String) in finding.evidence[key].map(\.description) ?? "-" }
        switch finding.kind {
        case .notRegistered:
            return "\(name) belum terdaftar sebagai peserta BPJS Ketenagakerjaan, padahal menurut data perizinan berusaha (NIB \(n("nib"))) "
                + "mempekerjakan \(n("reported_headcount")) orang; pemberi kerja dengan \(n("threshold")) pekerja atau lebih wajib mendaftarkan diri dan pekerjanya."
        case .partialWorkers:
            return "\(name) tergolong Perusahaan Daftar Sebagian Tenaga Kerja (PDS-TK): baru \(n("registered_workers")) dari "
                + "\(n("reported_headcount")) pekerja yang dilaporkan telah didaftarkan; \(n("missing")) pekerja belum didaftarkan."
        case .partialWages:
            return "\(name) tergolong Perusahaan Daftar Sebagian Upah (PDS-Upah): \(n("workers_below")) pekerja dilaporkan dengan upah di bawah "
                + "upah minimum (\(n("minimum_wage_source"))) tahun \(n("year")) sebesar \(money(finding.evidence["minimum_wage"]))."
        case .partialPrograms:
            return "\(name) tergolong Perusahaan Daftar Sebagian Program (PDS-Program): \(n("workers_missing")) pekerja belum diikutsertakan "
                + "dalam seluruh program yang wajib bagi skala usaha \(sizeClass(n("size_class")))."
        case .arrears:
            return "\(name) menunggak iuran lebih dari 3 bulan: \(money(finding.evidence["open_amount"])) dari \(n("bills")) tagihan yang belum dibayar, "
                + "dengan jatuh tempo tertua \(finding.evidence["oldest_due_date"].flatMap { CalendarDate(iso: $0.description) }.map(date) ?? n("oldest_due_date"))."
        }
    }

    static func sizeClass(_ code: String) -> String {
        ["micro": "mikro", "small": "kecil", "medium": "menengah", "large": "besar"][code] ?? code
    }

    static func money(_ value: EvidenceValue?) -> String {
        value?.number.map(Money.format) ?? "-"
    }

    static let labels: [String: String] = [
        "nib": "NIB", "name": "Nama usaha menurut izin", "sector": "KBLI", "reported_headcount": "Jumlah tenaga kerja yang dilaporkan",
        "threshold": "Batas wajib daftar (orang)", "source": "Sumber jumlah tenaga kerja", "registered_workers": "Pekerja terdaftar",
        "missing": "Pekerja belum terdaftar", "roster_date": "Tanggal daftar pegawai", "year": "Tahun", "minimum_wage": "Upah minimum",
        "minimum_wage_source": "Jenis upah minimum", "workers_below": "Pekerja dengan upah di bawah upah minimum", "lowest_wage": "Upah terendah yang dilaporkan",
        "size_class": "Skala usaha", "workers_missing": "Pekerja tanpa program wajib", "without_jkk": "Tanpa JKK", "without_jkm": "Tanpa JKM",
        "without_jht": "Tanpa JHT", "without_jp": "Tanpa JP", "open_amount": "Iuran tertunggak", "bills": "Tagihan belum dibayar",
        "oldest_due_date": "Jatuh tempo tertua",
    ]
    static let moneyKeys: Set<String> = ["minimum_wage", "lowest_wage", "open_amount"]
    /// The order evidence is shown in: what was reported, then what is registered, then the gap.
    static let order = [
        "nib", "name", "sector", "source", "roster_date", "reported_headcount", "threshold", "registered_workers", "missing", "year",
        "minimum_wage_source", "minimum_wage", "lowest_wage", "workers_below", "size_class", "workers_missing", "without_jkk", "without_jkm",
        "without_jht", "without_jp", "bills", "open_amount", "oldest_due_date",
    ]
    static let sources = ["licence": "data perizinan berusaha (OSS)", "non_asn_roster": "daftar pegawai non-ASN instansi"]

    /// The evidence as labelled rows, in `order`, then anything else by key.
    static func evidenceRows(_ finding: StoredFinding) -> [(label: String, value: String)] {
        let rank = { (key: String) in order.firstIndex(of: key) ?? order.count }
        return finding.evidence.sorted { (rank($0.key), $0.key) < (rank($1.key), $1.key) }.map { key, value in
            let shown: String
            if moneyKeys.contains(key) {
                shown = money(value)
            } else if key.hasSuffix("_date"), let day = CalendarDate(iso: value.description) {
                shown = date(day)
            } else if key == "source" {
                shown = sources[value.description] ?? value.description
            } else if key == "size_class" {
                shown = sizeClass(value.description)
            } else {
                shown = value.description
            }
            return (labels[key] ?? key, shown)
        }
    }

    /// The finding's rule, then the stage's: each regulation once, "Art" as "Pasal", PP 86/2013 by its full title.
    static func legalBasis(_ letter: WarningLetter) -> [String] {
        var seen: Set<String> = []
        var items: [String] = []
        for part in (letter.finding.rule + ";" + letter.stage.rule.regulation).split(separator: ";") {
            let text = part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "Art ", with: "Pasal ")
            guard !text.isEmpty, !text.hasPrefix("PP 86/2013"), seen.insert(text).inserted else { continue }
            items.append(text)
        }
        let pp86 = letter.stage.rule.regulation.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "PP 86/2013"
        let detail = pp86.dropFirst("PP 86/2013".count).trimmingCharacters(in: .whitespaces)
        items.append(WarningLetterHTML.pp86Title + (detail.isEmpty ? "" : " \(detail)"))
        return items
    }

    static func opening(_ letter: WarningLetter) -> String {
        let e = escape
        let name = letter.subject.name
        if letter.stage == .denialRequested {
            return "<p>Dengan hormat, berdasarkan hasil pemeriksaan data kepesertaan per \(date(letter.finding.lastSeenOn)), pemberi kerja "
                + "<strong>\(e(name))</strong> (\(e([letter.subject.npp.map { "NPP \($0)" }, letter.subject.nib.map { "NIB \($0)" }].compactMap { $0 }.joined(separator: ", ")))) "
                + "tidak memenuhi kewajibannya sebagai berikut:</p><p>\(e(finding(letter.finding, name: name)))</p>"
        }
        return "<p>Dengan hormat, berdasarkan hasil pemeriksaan data kepesertaan per \(date(letter.finding.lastSeenOn)), kami sampaikan bahwa:</p>"
            + "<p>\(e(finding(letter.finding, name: name)))</p>"
    }

    /// What is asked, by when, and what follows if it is not done.
    static func demand(_ letter: WarningLetter) -> String {
        let holidays =
            letter.skippedHolidays.isEmpty
            ? ""
            : " Hari libur nasional yang tidak dihitung: " + letter.skippedHolidays.map { "\(date($0.date)) (\(escape($0.name)))" }.joined(separator: ", ") + "."
        let due = letter.dueOn.map { "<span class=\"deadline\">\(date($0))</span>" } ?? "-"
        let cure = "memenuhi kewajiban tersebut (mendaftarkan seluruh pekerja, melaporkan upah yang sebenarnya, mengikutsertakan dalam program wajib, atau melunasi tunggakan iuran, sesuai temuan di atas)"
        switch letter.stage {
        case .warning1, .warning2:
            let next =
                letter.stage == .warning1
                ? "teguran tertulis kedua"
                : "sanksi denda sebesar 0,1% (satu per seribu) setiap bulan dari iuran yang seharusnya dibayar, paling lama 30 hari"
            return "<p>Sehubungan dengan itu, dengan surat ini kami sampaikan \(subjectLine(letter.stage).lowercased()) dan meminta Saudara "
                + "\(cure) paling lambat tanggal \(due), yaitu \(SanctionLadder.warningWorkingDays) hari kerja sejak tanggal surat ini "
                + "(hari Sabtu, Minggu dan hari libur nasional tidak dihitung; cuti bersama dihitung sebagai hari kerja).\(holidays)</p>"
                + "<p>Apabila sampai batas waktu tersebut kewajiban belum dipenuhi, Saudara akan dikenai \(next).</p>"
        case .fine:
            let amount =
                letter.fine.map { "Besarnya denda untuk satu bulan: <strong>\(Money.format($0))</strong> (0,1% dari iuran tertunggak \(money(letter.finding.evidence["open_amount"])))." }
                ?? "Denda dihitung atas iuran yang seharusnya dibayar sejak kewajiban timbul."
            return "<p>Karena sampai batas waktu teguran tertulis kedua kewajiban belum dipenuhi, Saudara dikenai sanksi denda sebesar 0,1% "
                + "(satu per seribu) setiap bulan dari iuran yang seharusnya dibayar, paling lama 30 (tiga puluh) hari, yaitu sampai tanggal \(due). "
                + "\(amount) Denda disetorkan bersama iuran kepada BPJS Ketenagakerjaan.</p>"
                + "<p>Apabila sampai tanggal tersebut kewajiban belum dipenuhi, BPJS Ketenagakerjaan akan meminta Pemerintah \(escape(letter.regionName)) "
                + "mengenakan sanksi tidak mendapat pelayanan publik tertentu.</p>"
        case .denialRequested, .resolved:
            return "<p>Pemberi kerja tersebut telah menerima teguran tertulis pertama dan kedua serta dikenai denda, namun sampai saat ini belum "
                + "memenuhi kewajibannya. Sehubungan dengan itu, kami mohon Saudara mengenakan sanksi tidak mendapat pelayanan publik tertentu "
                + "kepada \(escape(letter.subject.name)), yaitu: perizinan berusaha, izin dalam mengikuti tender proyek, izin mempekerjakan tenaga kerja asing, "
                + "izin perusahaan penyedia jasa pekerja/buruh, dan Izin Mendirikan Bangunan (IMB), sampai pemberi kerja tersebut memenuhi kewajibannya "
                + "(tata cara: Permenaker 4/2018). Kami akan memberitahukan apabila kewajiban telah dipenuhi.</p>"
        }
    }
}
