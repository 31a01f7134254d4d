/// `minimum_wages.csv`: the provincial (UMP) and regency/city (UMK) minimum wage by year.
public struct MinimumWageTable: Sendable {
    static let file = "minimum_wages.csv"

    public struct Entry: Sendable {
        public let regionCode: String
        public let year: Int
        /// Whole rupiah, rounded half-up where a decree gives sen (Rp1,958,169.69 → Rp1,958,170).
        public let monthlyWage: Rupiah
        public let source: String
    }

    private let entries: [String: [Int: Entry]]

    init(table: CSVTable) throws(DomainError) {
        var entries: [String: [Int: Entry]] = [:]
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let code = try fields.text("region_code")
            let year = Int(try fields.integer("year"))
            let text = try fields.text("monthly_wage_idr")
            guard let wage = Self.wholeRupiah(text) else { throw fields.refusal("monthly_wage_idr", "'\(text)' is not an amount") }
            entries[code, default: [:]][year] = Entry(regionCode: code, year: year, monthlyWage: wage, source: table.value("source", in: row))
        }
        self.entries = entries
    }

    /// The minimum wage that applies in a region in a year: the regency's UMK where one is set, else its
    /// province's UMP.
    public func minimumWage(region code: String, year: Int) -> Entry? {
        if let entry = entries[code]?[year] { return entry }
        return code.count == 4 ? entries[String(code.prefix(2))]?[year] : nil
    }

    private static func wholeRupiah(_ text: String) -> Rupiah? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Rupiah(parts[0]), whole >= 0 else { return nil }
        guard parts.count == 2 else { return parts.count == 1 ? whole : nil }
        guard let first = parts[1].first, first.isNumber, parts[1].allSatisfy(\.isNumber) else { return nil }
        return first >= "5" ? whole + 1 : whole
    }
}
