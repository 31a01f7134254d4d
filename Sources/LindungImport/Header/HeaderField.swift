/// A column that registry imports understand, whatever language its header is written in.
public enum HeaderField: String, CaseIterable, Sendable {
    // Workers
    case nik, name, birthDate, sex, wage, category, startDate, endDate, exitReason, segment, programs
    case domicile, belowMinimumWage
    // Employers
    case npp, kind, employerName, nib, npwp, region, parentRegion, riskClass, sizeClass, branch
    // Licences (OSS) and agencies' non-ASN headcounts (docs/compliance.md)
    case sector, headcount, asOf

    /// The header texts accepted for each field, Indonesian first. Matching ignores case, spaces, dots,
    /// underscores, hyphens and a trailing "(...)" note, so "Tgl. Lahir", "TANGGAL_LAHIR" and
    /// "Tanggal Lahir (DD/MM/YYYY)" all match "Tanggal Lahir". docs/import-formats.md prints this table.
    public static let acceptedNames: [HeaderField: [String]] = [
        .nik: ["NIK", "No. KTP"],
        .name: personNames,
        .birthDate: ["Tanggal Lahir", "Tgl Lahir", "Birth Date", "Date of Birth"],
        .sex: ["Jenis Kelamin", "Sex", "Gender"],
        .wage: ["Upah", "Gaji", "Wage", "Salary"],
        .category: ["Kategori", "Category"],
        .startDate: ["Tanggal Mulai", "Tgl Mulai", "Start Date"],
        .endDate: ["Tanggal Selesai", "Tanggal Keluar", "End Date"],
        .exitReason: ["Alasan Keluar", "Exit Reason"],
        .segment: ["Segmen", "Segment"],
        .programs: ["Program", "Programs"],
        .domicile: ["Domisili", "Kode Wilayah Domisili", "Domicile"],
        .belowMinimumWage: ["Di Bawah UMK", "Below Minimum Wage"],
        .npp: ["NPP"],
        .kind: ["Jenis", "Jenis Pemberi Kerja", "Kind", "Employer Kind"],
        .employerName: personNames,
        .nib: ["NIB"],
        .npwp: ["NPWP"],
        .region: ["Wilayah", "Kode Wilayah", "Region", "Region Code"],
        .parentRegion: ["Pemda Induk", "Parent Region"],
        .riskClass: ["Kelas Risiko", "Risk Class"],
        .sizeClass: ["Skala Usaha", "Skala", "Size Class"],
        .branch: ["Kantor Cabang", "Branch"],
        .sector: ["KBLI", "Kode KBLI", "Sektor", "Sector"],
        .headcount: ["Jumlah Tenaga Kerja", "Jumlah Pekerja", "Jumlah", "Tenaga Kerja", "Headcount", "Employees"],
        .asOf: ["Per Tanggal", "Tanggal", "As Of", "Date"],
    ]

    private static let personNames = ["Nama", "Nama Lengkap", "Name"]

    /// The accepted names of this field.
    public var acceptedNames: [String] { Self.acceptedNames[self] ?? [] }

    /// A header text reduced to what matching compares: lower case, without spaces, dots, underscores,
    /// hyphens or a trailing parenthesised note.
    public static func normalize(_ header: String) -> String {
        var text = Substring(header)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        if text.last == ")", let open = text.lastIndex(of: "("), open != text.startIndex {
            text = text[..<open]
        }
        return String(text.lowercased().filter { !$0.isWhitespace && !".-_".contains($0) })
    }

    /// Normalized header text → field; the field's own raw value ("birthDate") is accepted too.
    static let byNormalizedName: [String: [HeaderField]] = {
        var table: [String: [HeaderField]] = [:]
        for field in allCases {
            for name in Set((field.acceptedNames + [field.rawValue]).map(normalize)) {
                table[name, default: []].append(field)
            }
        }
        return table
    }()
}
