import LindungCore

/// The Indonesian words the report uses for codes.
enum ReportLabels {
    static func segment(_ segment: Segment) -> String {
        switch segment {
        case .pu: "Penerima Upah (PU)"
        case .bpu: "Bukan Penerima Upah (BPU)"
        case .jakon: "Jasa Konstruksi (Jakon)"
        case .pmi: "Pekerja Migran Indonesia (PMI)"
        }
    }

    static let romanQuarters = ["I", "II", "III", "IV"]

    /// `Triwulan I 2025`.
    static func quarter(_ quarter: Quarter) -> String { "Triwulan \(romanQuarters[quarter.number - 1]) \(quarter.year)" }

    static let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]

    static func month(_ month: YearMonth) -> String { "\(months[month.month - 1]) \(month.year)" }

    static func date(_ date: CalendarDate) -> String { "\(date.day) \(months[date.month - 1]) \(date.year)" }

    static let noData = "tidak ada data"
    static let noClaims = "belum ada data klaim"
}
