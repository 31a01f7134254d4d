import Foundation

/// The reasons of import row errors in the reader's language. The readers (`LindungImport`, shared with the
/// CLI), the identifier checks (`NIK`, `NIB`, `NPWP` in `LindungCore`) and the stores word them in English;
/// the pages show them in Bahasa Indonesia by default, and the API when asked (`Accept-Language: id`).
/// Each English reason is a template whose `{}` parts (row numbers, dates, codes, amounts) are carried over
/// into the Indonesian one's `{1}`, `{2}`, …; `{1*}` translates the carried part too (a reason within a
/// reason). A reason not in the table stays English (a test holds the table complete for the registry
/// imports' reasons).
enum ImportReasonText {
    static func text(_ reason: String, in language: PageLanguage) -> String {
        language == .id ? indonesian(reason) ?? reason : reason
    }

    /// The Indonesian reason, or nil when `reason` is not one the table knows.
    static func indonesian(_ reason: String) -> String? {
        for entry in entries {
            let range = NSRange(reason.startIndex..., in: reason)
            guard let match = entry.pattern.firstMatch(in: reason, range: range) else { continue }
            var text = entry.indonesian
            for index in stride(from: match.numberOfRanges - 1, through: 1, by: -1) {
                guard let part = Range(match.range(at: index), in: reason).map({ String(reason[$0]) }) else { continue }
                text = text.replacingOccurrences(of: "{\(index)*}", with: indonesian(part) ?? part)
                text = text.replacingOccurrences(of: "{\(index)}", with: part)
            }
            return text
        }
        return nil
    }

    private struct Entry: @unchecked Sendable {
        let pattern: NSRegularExpression
        let indonesian: String
    }

    /// English template → Indonesian template.
    static let table: [(english: String, indonesian: String)] = [
        // Any field
        ("is required", "wajib diisi"),
        ("duplicate of row {}", "sama dengan baris {1}"),
        ("must not be negative", "tidak boleh negatif"),
        ("is not a region code in the official list", "bukan kode wilayah dalam daftar resmi"),
        ("is not a real date (use YYYY-MM-DD or DD/MM/YYYY)", "bukan tanggal yang benar (gunakan YYYY-MM-DD atau DD/MM/YYYY)"),
        ("is not a date (use YYYY-MM-DD or DD/MM/YYYY)", "bukan tanggal (gunakan YYYY-MM-DD atau DD/MM/YYYY)"),
        ("must contain digits only", "hanya boleh berisi angka"),
        // Employers (EmployerFileReader, the stores, the server's scope)
        ("must have 8 digits", "harus 8 digit"),
        (
            "is not company/perusahaan, agency/OPD, construction project/proyek or placement agency/P3MI",
            "bukan perusahaan/company, OPD/agency, proyek/construction project atau P3MI/placement agency"
        ),
        (
            "is required for an agency: the province or regency/city government it belongs to",
            "wajib untuk instansi: pemerintah provinsi atau kabupaten/kota tempat instansi itu berada"
        ),
        ("must be 1 to 5", "harus 1 sampai 5"),
        ("is required (JKK risk class 1 to 5)", "wajib diisi (kelas risiko JKK 1 sampai 5)"),
        ("is not micro/mikro, small/kecil, medium/menengah or large/besar", "bukan mikro/micro, kecil/small, menengah/medium atau besar/large"),
        ("no branch office has this code", "tidak ada kantor cabang dengan kode ini"),
        ("already registered to NPP {}", "sudah terdaftar atas NPP {1}"),
        ("is outside your scope", "di luar cakupan Anda"),
        ("is registered outside your scope", "terdaftar di luar cakupan Anda"),
        // Workers (WorkerRowValidator, WorkerFileReader, the stores)
        ("does not match the birth date {} in the NIK", "tidak sesuai dengan tanggal lahir {1} dalam NIK"),
        ("is not L/P, Laki-laki/Perempuan or male/female", "bukan L/P, Laki-laki/Perempuan atau male/female"),
        ("does not match the sex (male) in the NIK", "tidak sesuai dengan jenis kelamin (laki-laki) dalam NIK"),
        ("does not match the sex (female) in the NIK", "tidak sesuai dengan jenis kelamin (perempuan) dalam NIK"),
        ("is before the birth date {}", "sebelum tanggal lahir {1}"),
        ("is before the start date {}", "sebelum tanggal mulai {1}"),
        ("needs an end date", "memerlukan tanggal selesai"),
        ("is not PU, BPU, Jakon or PMI", "bukan PU, BPU, Jakon atau PMI"),
        ("is required for an agency's non-ASN staff: honorer, THL or PTT", "wajib untuk pegawai non-ASN instansi: honorer, THL atau PTT"),
        ("applies only to a government agency's (OPD) non-ASN staff", "hanya berlaku untuk pegawai non-ASN instansi pemerintah (OPD)"),
        ("is not honorer, THL or PTT", "bukan honorer, THL atau PTT"),
        ("is not an amount in whole rupiah", "bukan jumlah rupiah bulat"),
        (
            "is below the {} {} of region {}, {} (mark the row 'Di Bawah UMK' if that is right)",
            "di bawah {2} {1} wilayah {3}, {4} (tandai baris 'Di Bawah UMK' bila memang benar)"
        ),
        ("'{}' is not one of JKK, JKM, JHT, JP, JKP", "'{1}' bukan salah satu dari JKK, JKM, JHT, JP, JKP"),
        ("must include JKK and JKM, which every segment joins", "harus mencakup JKK dan JKM, yang diikuti setiap segmen"),
        ("JP is not open to non-wage earners (BPU)", "JP tidak terbuka bagi pekerja bukan penerima upah (BPU)"),
        ("already registered as '{}' born {}", "sudah terdaftar atas nama '{1}', lahir {2}"),
        (
            "the worker already has an open spell at this employer since {}; end it first",
            "pekerja ini masih memiliki masa kepesertaan terbuka di pemberi kerja ini sejak {1}; akhiri dahulu"
        ),
        // A file that cannot be read (ImportFileError, shown on the import page): where, then why.
        ("row {}, column '{}': {}", "baris {1}, kolom '{2}': {3*}"),
        ("row {}: {}", "baris {1}: {2*}"),
        ("column '{}': {}", "kolom '{1}': {2*}"),
        ("file: {}", "berkas: {1*}"),
        ("the file is empty", "berkas kosong"),
        ("the file has no header row", "berkas tidak memiliki baris judul"),
        ("the file is not UTF-8 text", "berkas bukan teks UTF-8"),
        ("the file is not UTF-8 text (save it as CSV UTF-8)", "berkas bukan teks UTF-8 (simpan sebagai CSV UTF-8)"),
        ("the file is UTF-16 text, not UTF-8 (save it as CSV UTF-8)", "berkas berupa teks UTF-16, bukan UTF-8 (simpan sebagai CSV UTF-8)"),
        (
            "this is an old Excel 97-2003 (.xls) workbook; save it as .xlsx or as CSV UTF-8",
            "ini buku kerja Excel 97-2003 (.xls) versi lama; simpan sebagai .xlsx atau CSV UTF-8"
        ),
        ("this is an OpenDocument (.ods) spreadsheet; save it as .xlsx or as CSV UTF-8", "ini lembar kerja OpenDocument (.ods); simpan sebagai .xlsx atau CSV UTF-8"),
        ("the XLSX file is damaged or truncated: {}", "berkas XLSX rusak atau terpotong: {1}"),
        ("the header lacks a required column: {}", "baris judul tidak memiliki kolom wajib: {1}"),
        ("the header lacks required columns: {}", "baris judul tidak memiliki kolom-kolom wajib: {1}"),
        ("the header names this column twice (columns {} and {})", "baris judul menyebut kolom ini dua kali (kolom {1} dan {2})"),
        ("expected {} fields as in the header, found {}", "seharusnya {1} kolom seperti pada baris judul, ditemukan {2}"),
        (
            "the row has a value in column {} but the header has only {} columns",
            "baris ini berisi nilai di kolom {1}, padahal baris judul hanya memiliki {2} kolom"
        ),
        ("a quoted field is not closed (a \" is missing)", "ada isian bertanda kutip yang tidak ditutup (kurang satu \")"),
        ("the row is longer than 64 MiB (is a quoted field not closed?)", "baris lebih panjang dari 64 MiB (apakah ada tanda kutip yang tidak ditutup?)"),
        // NIK (LindungCore)
        ("must have 16 digits, found {} characters", "harus 16 digit, ditemukan {1} karakter"),
        ("province code {} (digits 1-2) does not exist", "kode provinsi {1} (digit 1-2) tidak ada"),
        ("regency/city code {} (digits 1-4) does not exist in province {}", "kode kabupaten/kota {1} (digit 1-4) tidak ada di provinsi {2}"),
        ("district code (digits 5-6) cannot be 00", "kode kecamatan (digit 5-6) tidak boleh 00"),
        ("birth day {} (digits 7-8) must be 01-31, or 41-71 for women", "tanggal lahir {1} (digit 7-8) harus 01-31, atau 41-71 untuk perempuan"),
        ("birth month {} (digits 9-10) must be 01-12", "bulan lahir {1} (digit 9-10) harus 01-12"),
        ("birth date {} (digits 7-12) is not a real calendar date", "tanggal lahir {1} (digit 7-12) bukan tanggal yang ada di kalender"),
        ("serial number (digits 13-16) must start at 0001", "nomor urut (digit 13-16) harus dimulai dari 0001"),
        // NIB and NPWP (LindungCore)
        ("must have 13 digits, found {}", "harus 13 digit, ditemukan {1}"),
        ("cannot be all zeros", "tidak boleh semuanya nol"),
        ("must contain digits (and . - separators) only", "hanya boleh berisi angka (dan pemisah . -)"),
        ("a 16-digit NPWP not starting with 0 is a NIK, and its {}", "NPWP 16 digit yang tidak diawali 0 adalah NIK, dan {1*}"),
        ("must have 15 digits (old format) or 16 digits, found {}", "harus 15 digit (format lama) atau 16 digit, ditemukan {1}"),
        (
            "taxpayer type, serial and check digit (digits 1-9) cannot all be zero",
            "jenis wajib pajak, nomor urut dan digit kontrol (digit 1-9) tidak boleh semuanya nol"
        ),
        ("tax office code (digits 10-12) cannot be 000", "kode kantor pajak (digit 10-12) tidak boleh 000"),
    ]

    private static let entries: [Entry] = table.map { english, indonesian in
        let pattern = english.components(separatedBy: "{}").map(NSRegularExpression.escapedPattern(for:)).joined(separator: "(.+?)")
        // The templates are literals above: a pattern that does not compile is a programming error.
        return Entry(pattern: try! NSRegularExpression(pattern: "^" + pattern + "$"), indonesian: indonesian)
    }
}

extension PageLanguage {
    /// The language an API client asks for with `Accept-Language` (the first tag; `id` or `en`, English
    /// otherwise), for texts the API can give in both (import row reasons).
    static func accepted(_ header: String?) -> PageLanguage {
        let first = header?.split(separator: ",").first?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return first == "id" || first.hasPrefix("id-") || first == "in" ? .id : .en
    }
}
