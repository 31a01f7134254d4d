/// An administrative region by its Kemendagri code: a province (`36`) or a regency/city (`3604`).
public struct Region: Hashable, Sendable {
    public enum Level: String, Sendable { case province, regency, city }

    public let code: String
    public let name: String
    public let level: Level
    /// The province's code for a regency or city; nil for a province.
    public let parentCode: String?
}

/// `regions.csv`: the 38 provinces and 514 regencies and cities (Kepmendagri 300.2.2-2430/2025).
public struct RegionDirectory: Sendable {
    static let file = "regions.csv"
    private let byCode: [String: Region]

    init(table: CSVTable) throws(DomainError) {
        var byCode: [String: Region] = [:]
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let code = try fields.text("code")
            let levelText = try fields.text("level")
            guard let level = Region.Level(rawValue: levelText) else {
                throw fields.refusal("level", "'\(levelText)' is not province, regency or city")
            }
            let parent = table.value("parent_code", in: row)
            byCode[code] = Region(code: code, name: try fields.text("name"), level: level, parentCode: parent.isEmpty ? nil : parent)
        }
        self.byCode = byCode
    }

    public func region(code: String) -> Region? { byCode[code] }

    /// Every region, ordered by code.
    public var all: [Region] { byCode.values.sorted { $0.code < $1.code } }

    /// The regencies and cities of a province, ordered by code.
    public func children(ofProvince code: String) -> [Region] {
        all.filter { $0.parentCode == code }
    }
}
