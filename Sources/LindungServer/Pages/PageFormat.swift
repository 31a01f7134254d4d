import LindungCore

/// Amounts and dates as people read them: `Rp1.234.567`, `15 April 2025` (English month names in English).
enum PageFormat {
    static let indonesianMonths = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    static func money(_ amount: Rupiah) -> String { Money.format(amount) }

    static func monthName(_ month: Int, _ language: PageLanguage) -> String {
        (language == .id ? indonesianMonths : englishMonths)[month - 1]
    }

    static func date(_ date: CalendarDate, _ language: PageLanguage) -> String {
        "\(date.day) \(monthName(date.month, language)) \(date.year)"
    }

    static func date(_ date: CalendarDate?, _ language: PageLanguage) -> String {
        date.map { self.date($0, language) } ?? "–"
    }

    /// `April 2025`.
    static func month(_ month: YearMonth, _ language: PageLanguage) -> String {
        "\(monthName(month.month, language)) \(month.year)"
    }
}
