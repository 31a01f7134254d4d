import LindungCore
import LindungReports

/// Coverage figures as the pages write them: counts grouped (`5.234.117`), percentages with a decimal comma in
/// Bahasa Indonesia (`10,23%`) and a point in English, and an unknown ratio as words, never 0 %.
enum CoverageFormat {
    static func count(_ value: Int) -> String { NumberFormat.grouped(value) }

    static func percent(_ value: Double?, _ language: PageLanguage, places: Int = 2) -> String {
        guard let value else { return language.strings["coverage_unknown"]! }
        let text = NumberFormat.decimal(value, places)
        return (language == .id ? text : english(text)) + "%"
    }

    /// A change in percentage points with its sign.
    static func points(_ value: Double?, _ language: PageLanguage) -> String {
        guard let value else { return "–" }
        let text = NumberFormat.decimal(value, 2)
        return (value >= 0.005 ? "+" : "") + (language == .id ? text : english(text)) + " pp"
    }

    static func signed(_ value: Int) -> String { NumberFormat.signed(Int64(value)) }

    /// `1.234,56` → `1,234.56`.
    private static func english(_ text: String) -> String {
        String(text.map { $0 == "." ? "," : ($0 == "," ? "." : $0) })
    }

    static func workforce(_ value: WorkforceValue?, _ language: PageLanguage) -> String {
        guard let value else { return language.strings["coverage_unknown"]! }
        return "\(count(Int(value.persons))) (Sakernas \(PageFormat.month(value.period, language)))"
    }
}
