/// Every word the pages show, in Bahasa Indonesia (the default) and English (`?lang=en` or the `lang`
/// cookie). Templates read them as `{{t.key}}`; a test holds both tables to the same keys.
enum PageLanguage: String, Sendable {
    case id, en

    var strings: [String: String] { self == .id ? PageStrings.indonesian : PageStrings.english }
    var other: PageLanguage { self == .id ? .en : .id }
}

enum PageStrings {
    static let indonesian: [String: String] = [
        // Employer compliance (issue 6): the overview, a subject's history, the letters.
        "compliance": "Kepatuhan", "compliance_overview": "Kepatuhan pemberi kerja", "compliance_history": "Riwayat kepatuhan", "nib": "NIB",
        "finding_not_registered": "Belum terdaftar", "finding_pds_tk": "PDS Tenaga Kerja", "finding_pds_upah": "PDS Upah",
        "finding_pds_program": "PDS Program", "finding_arrears_over_3_months": "Tunggakan lebih dari 3 bulan",
        "stage_warning_1": "Teguran tertulis I", "stage_warning_2": "Teguran tertulis II", "stage_fine": "Denda",
        "stage_denial_requested": "Permohonan sanksi tidak mendapat pelayanan publik", "stage_resolved": "Selesai",
        "open_findings": "Temuan terbuka", "cured_findings": "Temuan selesai", "to_act": "Perlu ditindaklanjuti (tenggat terdekat dahulu)",
        "finding": "Temuan", "stage": "Tahap sanksi", "deadline": "Tenggat", "opened_on": "Dibuka", "cured_on": "Selesai pada",
        "last_seen": "Terakhir terlihat", "evidence": "Bukti", "legal_basis": "Dasar hukum", "entered_on": "Mulai", "actor": "Oleh",
        "letter": "Surat", "letter_html": "Cetak", "status_compliant": "Patuh", "status_non_compliant": "Tidak patuh",
        "status_not_registered": "Tidak terdaftar", "compliance_status": "Status kepatuhan", "certificate": "Sertifikat kepatuhan",
        "certificate_check": "Periksa sertifikat hari ini", "certificate_valid_until": "berlaku sampai",
        "certificate_no_key": "Server ini tidak memiliki kunci sertifikat.", "list_limited": "Hanya ditampilkan paling banyak",
        "advance_by_cli": "Tahap sanksi dimajukan oleh operator dengan perintah lindung compliance advance.",
        "pdf_unavailable": "PDF memerlukan Chromium, yang tidak terpasang di server ini. Cetak halaman surat dari peramban.",
        "app": "Lindung", "lang_switch": "English", "login_title": "Masuk", "username": "Nama pengguna", "password": "Kata sandi",
        "login_button": "Masuk", "logout": "Keluar", "wrong_password": "Nama pengguna atau kata sandi salah.",
        "throttled": "Terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.", "dashboard": "Beranda", "employers": "Pemberi kerja",
        "persons": "Peserta", "role": "Peran", "scope": "Cakupan", "everywhere": "seluruh registri", "logged_in_as": "Masuk sebagai",
        "bills": "Tagihan", "open_amount": "Belum dibayar", "arrears": "Tunggakan", "counts": "Jumlah di registri",
        "branch_offices": "Kantor cabang", "spells": "Masa kepesertaan", "wages": "Upah", "audit_entries": "Catatan audit",
        "total": "Total", "paid": "Dibayar", "open": "Sisa", "month": "Bulan", "due_date": "Jatuh tempo", "number": "Nomor",
        "name": "Nama", "npp": "NPP", "nik": "NIK", "kpj": "KPJ", "region": "Wilayah", "none": "Tidak ada.", "search": "Cari",
        "search_employers": "NPP atau nama pemberi kerja", "search_persons": "NIK atau nama (minimal 2 huruf)", "workers_on": "Pekerja per",
        "segment": "Segmen", "start": "Mulai", "end": "Selesai", "wage": "Upah", "standing": "Status kepesertaan", "birth_date": "Tanggal lahir",
        "kind": "Jenis", "risk_class": "Kelas risiko", "branch": "Kantor cabang", "current": "Berjalan", "months_1_3": "1–3 bulan",
        "over_3_months": "Lebih dari 3 bulan", "oldest_due": "Jatuh tempo tertua", "not_found_title": "Tidak ditemukan",
        "not_found": "Halaman atau data ini tidak ada, atau di luar cakupan Anda.", "error_title": "Terjadi kesalahan",
        "programs": "Program", "effective_from": "Berlaku sejak", "since": "sejak", "debtor": "Penanggung",
        "role_administrator": "Administrator", "role_auditor": "Auditor", "role_regional_officer": "Petugas wilayah",
        "role_agency_operator": "Operator OPD", "role_branch_officer": "Petugas kantor cabang", "role_employer": "Pemberi kerja",
        "role_system_client": "Sistem", "issued_on": "Diterbitkan", "contribution": "Iuran", "fine": "Denda", "lines": "Rincian",
        "payer": "Pembayar", "workers": "Pekerja", "calculator": "Kalkulator iuran",
        "segment_pu": "Penerima upah (PU)", "segment_bpu": "Bukan penerima upah (BPU)", "income": "Penghasilan", "calculate": "Hitung",
        "base": "Dasar", "rate": "Tarif",
        // Imports, non-ASN lists, payments, downloads and list pages (issue 5's remaining pages).
        "imports": "Impor data", "import_kind": "Jenis data", "import_kind_employers": "Pemberi kerja", "import_kind_workers": "Pekerja",
        "import_employer": "NPP pemberi kerja (untuk pekerja)", "import_file": "Berkas (CSV atau XLSX)", "import_upload": "Unggah dan periksa",
        "import_rule": "Berkas diperiksa dulu tanpa mengubah registri. Berkas hanya dapat diimpor bila tidak ada baris yang salah (semua atau tidak sama sekali).",
        "import_preview": "Pemeriksaan berkas", "import_rows_read": "Baris dibaca", "import_valid": "Baris valid", "import_with_errors": "Baris dengan kesalahan",
        "import_errors": "Kesalahan per baris", "import_row": "Baris", "import_field": "Kolom", "import_value": "Nilai", "import_reason": "Alasan",
        "import_no_errors": "Tidak ada kesalahan.", "import_fix_errors": "Berkas ini belum dapat diimpor: perbaiki baris di atas, lalu unggah lagi.",
        "import_nothing_valid": "Berkas ini tidak berisi baris data.", "import_confirm": "Impor sekarang", "import_again": "Unggah berkas lain",
        "import_result": "Hasil impor", "import_done": "Data telah diimpor.", "import_refused": "Tidak ada yang ditulis: registri menolak baris di bawah.",
        "import_created": "Baru", "import_updated": "Diperbarui", "import_unchanged": "Tidak berubah", "import_persons_created": "Peserta baru",
        "import_wages_changed": "Perubahan upah", "import_spells_closed": "Masa kepesertaan berakhir", "import_no_file": "Pilih berkas CSV atau XLSX.",
        "forbidden_title": "Tidak diizinkan", "forbidden": "Peran Anda tidak diizinkan melakukan ini.",
        "non_asn": "Pegawai non-ASN", "non_asn_roster": "Jumlah dilaporkan", "non_asn_registered": "Terdaftar", "non_asn_gap": "Belum terdaftar",
        "non_asn_reported_on": "Dilaporkan per", "non_asn_no_roster": "Instansi ini belum melaporkan daftar pegawai non-ASN.", "category": "Kategori",
        "payment": "Catat pembayaran", "amount": "Jumlah (Rp)", "paid_on": "Tanggal bayar", "reference": "Referensi pembayaran",
        "post_payment": "Catat pembayaran", "receipt": "Tanda terima", "receipt_new": "Pembayaran dicatat.",
        "receipt_repeat": "Referensi ini sudah pernah dicatat: tanda terima pertama ditampilkan.", "applied_to": "Dialokasikan ke",
        "unapplied": "Belum dialokasikan", "category_honorer": "Honorer", "category_thl": "Tenaga harian lepas (THL)",
        "category_ptt": "Pegawai tidak tetap (PTT)", "payment_bad_amount": "Jumlah harus bilangan bulat rupiah lebih dari 0.",
        "payment_bad_date": "Tanggal bayar harus berbentuk YYYY-MM-DD.", "payment_no_reference": "Isi referensi pembayaran.", "download_csv": "Unduh CSV", "download_xlsx": "Unduh XLSX", "previous": "Sebelumnya",
        "next": "Berikutnya",
    ]

    static let english: [String: String] = [
        // Employer compliance (issue 6): the overview, a subject's history, the letters.
        "compliance": "Compliance", "compliance_overview": "Employer compliance", "compliance_history": "Compliance history", "nib": "NIB",
        "finding_not_registered": "Not registered", "finding_pds_tk": "Partly registered: workers", "finding_pds_upah": "Partly registered: wages",
        "finding_pds_program": "Partly registered: programs", "finding_arrears_over_3_months": "Arrears over 3 months",
        "stage_warning_1": "First written warning", "stage_warning_2": "Second written warning", "stage_fine": "Fine",
        "stage_denial_requested": "Denial of public services requested", "stage_resolved": "Resolved",
        "open_findings": "Open findings", "cured_findings": "Cured findings", "to_act": "To act on (next deadline first)",
        "finding": "Finding", "stage": "Sanction stage", "deadline": "Deadline", "opened_on": "Opened", "cured_on": "Cured on",
        "last_seen": "Last seen", "evidence": "Evidence", "legal_basis": "Legal basis", "entered_on": "From", "actor": "By",
        "letter": "Letter", "letter_html": "Print", "status_compliant": "Compliant", "status_non_compliant": "Not compliant",
        "status_not_registered": "Not registered", "compliance_status": "Compliance status", "certificate": "Compliance certificate",
        "certificate_check": "Check today's certificate", "certificate_valid_until": "valid until",
        "certificate_no_key": "This server has no certificate key.", "list_limited": "Only shown: at most",
        "advance_by_cli": "The sanction stages are moved on by an operator with lindung compliance advance.",
        "pdf_unavailable": "PDF needs Chromium, which is not installed on this server. Print the letter page from the browser.",
        "app": "Lindung", "lang_switch": "Bahasa Indonesia", "login_title": "Log in", "username": "Username", "password": "Password",
        "login_button": "Log in", "logout": "Log out", "wrong_password": "Wrong username or password.",
        "throttled": "Too many failed logins. Try again later.", "dashboard": "Dashboard", "employers": "Employers",
        "persons": "Persons", "role": "Role", "scope": "Scope", "everywhere": "the whole registry", "logged_in_as": "Logged in as",
        "bills": "Bills", "open_amount": "Open amount", "arrears": "Arrears", "counts": "Registry counts",
        "branch_offices": "Branch offices", "spells": "Spells", "wages": "Wages", "audit_entries": "Audit entries",
        "total": "Total", "paid": "Paid", "open": "Open", "month": "Month", "due_date": "Due date", "number": "Number",
        "name": "Name", "npp": "NPP", "nik": "NIK", "kpj": "KPJ", "region": "Region", "none": "None.", "search": "Search",
        "search_employers": "Employer NPP or name", "search_persons": "NIK or name (at least 2 letters)", "workers_on": "Workers on",
        "segment": "Segment", "start": "Start", "end": "End", "wage": "Wage", "standing": "Standing", "birth_date": "Birth date",
        "kind": "Kind", "risk_class": "Risk class", "branch": "Branch office", "current": "Current", "months_1_3": "1–3 months",
        "over_3_months": "Over 3 months", "oldest_due": "Oldest due date", "not_found_title": "Not found",
        "not_found": "This page or record does not exist, or it is outside your scope.", "error_title": "Something went wrong",
        "programs": "Programs", "effective_from": "Effective from", "since": "since", "debtor": "Debtor",
        "role_administrator": "Administrator", "role_auditor": "Auditor", "role_regional_officer": "Regional officer",
        "role_agency_operator": "Agency operator", "role_branch_officer": "Branch officer", "role_employer": "Employer",
        "role_system_client": "System client", "issued_on": "Issued on", "contribution": "Contribution", "fine": "Fine", "lines": "Lines",
        "payer": "Payer", "workers": "Workers", "calculator": "Contribution calculator",
        "segment_pu": "Wage earner (PU)", "segment_bpu": "Non-wage earner (BPU)", "income": "Income", "calculate": "Calculate",
        "base": "Base", "rate": "Rate",
        // Imports, non-ASN lists, payments, downloads and list pages (issue 5's remaining pages).
        "imports": "Import data", "import_kind": "Data kind", "import_kind_employers": "Employers", "import_kind_workers": "Workers",
        "import_employer": "Employer NPP (for workers)", "import_file": "File (CSV or XLSX)", "import_upload": "Upload and check",
        "import_rule": "The file is checked first without changing the registry. It can be imported only when no row has an error (all or nothing).",
        "import_preview": "File check", "import_rows_read": "Rows read", "import_valid": "Valid rows", "import_with_errors": "Rows with errors",
        "import_errors": "Errors by row", "import_row": "Row", "import_field": "Field", "import_value": "Value", "import_reason": "Reason",
        "import_no_errors": "No errors.", "import_fix_errors": "This file cannot be imported yet: fix the rows above, then upload it again.",
        "import_nothing_valid": "This file holds no data rows.", "import_confirm": "Import now", "import_again": "Upload another file",
        "import_result": "Import result", "import_done": "The data has been imported.", "import_refused": "Nothing was written: the registry refused the rows below.",
        "import_created": "New", "import_updated": "Updated", "import_unchanged": "Unchanged", "import_persons_created": "New persons",
        "import_wages_changed": "Wage changes", "import_spells_closed": "Spells ended", "import_no_file": "Choose a CSV or XLSX file.",
        "forbidden_title": "Not allowed", "forbidden": "Your role may not do this.",
        "non_asn": "Non-ASN staff", "non_asn_roster": "Reported headcount", "non_asn_registered": "Registered", "non_asn_gap": "Not registered",
        "non_asn_reported_on": "Reported on", "non_asn_no_roster": "This agency has not reported its non-ASN roster yet.", "category": "Category",
        "payment": "Post a payment", "amount": "Amount (Rp)", "paid_on": "Paid on", "reference": "Payment reference",
        "post_payment": "Post payment", "receipt": "Receipt", "receipt_new": "The payment was posted.",
        "receipt_repeat": "This reference was posted before: the first receipt is shown.", "applied_to": "Applied to",
        "unapplied": "Unapplied", "category_honorer": "Honorary staff (honorer)", "category_thl": "Daily casual staff (THL)",
        "category_ptt": "Non-permanent staff (PTT)", "payment_bad_amount": "The amount must be whole rupiah, more than 0.",
        "payment_bad_date": "The payment date must be YYYY-MM-DD.", "payment_no_reference": "Give the payment reference.", "download_csv": "Download CSV", "download_xlsx": "Download XLSX", "previous": "Previous",
        "next": "Next",
    ]
}

/// The tables' keys, for the test that holds them equal.
public enum PageStringsProbe {
    public static var indonesianKeys: [String] { Array(PageStrings.indonesian.keys) }
    public static var englishKeys: [String] { Array(PageStrings.english.keys) }
}
