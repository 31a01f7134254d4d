import LindungCore
import LindungStorage

/// A warning letter as a printable A4 page in Bahasa Indonesia (English only in the code): the letterhead,
/// number and subject, the addressee (the employer, or the regional government for the request to deny public
/// services), the finding with its evidence, the legal basis, the deadline with the holidays it skips, place
/// and date, and the signature block. `ChromiumPDF` prints the same page to PDF.
public enum WarningLetterHTML {
    /// PP 86/2013's full title, as it is cited in the letters.
    public static let pp86Title =
        "Peraturan Pemerintah Nomor 86 Tahun 2013 tentang Tata Cara Pengenaan Sanksi Administratif kepada Pemberi Kerja Selain "
        + "Penyelenggara Negara dan Setiap Orang, Selain Pemberi Kerja, Pekerja, dan Penerima Bantuan Iuran dalam Penyelenggaraan Jaminan Sosial"

    public static func render(_ letter: WarningLetter) -> String {
        let e = LetterText.escape
        let subject = letter.subject
        let identity = [subject.npp.map { "NPP \($0)" }, subject.nib.map { "NIB \($0)" }].compactMap { $0 }.joined(separator: " · ")
        let addressee: String =
            letter.stage == .denialRequested
            ? """
            <p>Kepada Yth.<br>Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu<br>Pemerintah \(e(letter.regionName))<br>di tempat</p>
            """
            : """
            <p>Kepada Yth.<br>Pimpinan <strong>\(e(subject.name))</strong><br>\(e(identity))<br>\(e(letter.regionName)) (kode wilayah \(e(letter.finding.regionCode)))<br>di tempat</p>
            """
        let evidence = LetterText.evidenceRows(letter.finding).map { "<tr><th>\(e($0.label))</th><td>\(e($0.value))</td></tr>" }.joined(separator: "\n")
        let history = letter.finding.history.filter { $0.stage != .resolved && $0.enteredOn <= letter.date && $0.stage < letter.stage }
        let earlier =
            history.isEmpty
            ? ""
            : "<p>Sebelumnya telah disampaikan: "
                + history.map { "\(LetterText.subjectLine($0.stage).lowercased()) tanggal \(LetterText.date($0.enteredOn))" }.joined(separator: "; ")
                + ".</p>"
        return """
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><title>\(e(LetterText.subjectLine(letter.stage))) · \(e(subject.name))</title>
            <style>
            @page { size: A4; margin: 15mm 18mm 18mm 22mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
            body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 10.5pt; line-height: 1.3; color: #000; max-width: 165mm; margin: 0 auto; }
            .kop { text-align: center; border-bottom: 3px double #000; padding-bottom: 4mm; margin-bottom: 6mm; }
            .kop h1 { font-size: 15pt; margin: 0; letter-spacing: .05em; } .kop p { margin: 0; font-size: 10pt; }
            table.meta td { padding: 0 2mm 0 0; vertical-align: top; } table.evidence { border-collapse: collapse; margin: 2mm 0 4mm; }
            table.evidence th, table.evidence td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; font-size: 10.5pt; }
            table.evidence th { font-weight: normal; width: 55%; } .deadline { font-weight: bold; }
            .closing { break-inside: avoid; page-break-inside: avoid; } .ttd { margin-top: 4mm; margin-left: 55%; } .ttd .space { height: 15mm; } p { margin: 0 0 2.5mm; } ol { padding-left: 6mm; } .small { font-size: 9.5pt; }
            @media screen { body { margin: 2em auto; } }
            </style></head>
            <body data-stage="\(letter.stage.rawValue)" data-finding="\(letter.finding.id)">
            <div class="kop"><h1>BPJS KETENAGAKERJAAN</h1><p>Badan Penyelenggara Jaminan Sosial Ketenagakerjaan</p>
            <p>Wilayah \(e(letter.regionName))</p></div>
            <table class="meta">
            <tr><td>Nomor</td><td>:</td><td>\(e(letter.number))</td><td style="padding-left:15mm;white-space:nowrap">\(e(letter.place)), \(LetterText.date(letter.date))</td></tr>
            <tr><td>Sifat</td><td>:</td><td>Penting</td></tr>
            <tr><td>Lampiran</td><td>:</td><td>-</td></tr>
            <tr><td>Perihal</td><td>:</td><td><strong>\(e(LetterText.subjectLine(letter.stage)))</strong></td></tr>
            </table>
            \(addressee)
            \(LetterText.opening(letter))
            <table class="evidence">
            \(evidence)
            </table>
            \(earlier)
            <p>Dasar hukum:</p>
            <ol>
            \(LetterText.legalBasis(letter).map { "<li>\(e($0))</li>" }.joined(separator: "\n"))
            </ol>
            \(LetterText.demand(letter))
            <div class="closing">
            <p>Apabila kewajiban tersebut telah dipenuhi sebelum surat ini diterima, surat ini dapat diabaikan dan mohon bukti pemenuhannya
            disampaikan kepada kami. Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.</p>
            <div class="ttd"><p>BPJS Ketenagakerjaan<br>Kepala Kantor Cabang</p>
            <div class="space"></div><p>(..............................................)</p></div>
            </div>
            <p class="small">Tembusan: Dinas Ketenagakerjaan \(e(letter.regionName)).<br>Temuan nomor \(letter.finding.id), dibuka
            \(LetterText.date(letter.finding.openedOn)), terakhir diperiksa \(LetterText.date(letter.finding.lastSeenOn)).</p>
            </body></html>
            """
    }
}
