/// Every word the pages show, in Bahasa Indonesia (the default) and English (`?lang=en` or the `lang`
/// cookie). Templates read them as `{{t.key}}`; a test holds both tables to the same keys.
enum PageLanguage: String, Sendable {
    case id, en

    var strings: [String: String] { self == .id ? PageStrings.indonesian : PageStrings.english }
    var other: PageLanguage { self == .id ? .en : .id }
}

enum PageStrings {
    static let indonesian: [String: String] = [
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
    ]

    static let english: [String: String] = [
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
    ]
}

/// The tables' keys, for the test that holds them equal.
public enum PageStringsProbe {
    public static var indonesianKeys: [String] { Array(PageStrings.indonesian.keys) }
    public static var englishKeys: [String] { Array(PageStrings.english.keys) }
}
