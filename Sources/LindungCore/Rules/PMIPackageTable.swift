/// `pmi_packages.csv`: the JKK+JKM packages a migrant worker pays (Permenaker 4/2023 Art 18, ruling 10):
/// one before placement, one per contract length for during and after work, and a price per extra month.
struct PMIPackageTable: Sendable {
    static let file = "pmi_packages.csv"

    enum Stage: String, Sendable { case before, during, extraMonth = "extra_month" }

    struct Package: Sendable {
        let stage: Stage
        let contractMonths: Int?
        let amount: Rupiah
        let regulation: String
        let period: EffectivePeriod
    }

    let packages: [Package]

    init(table: CSVTable) throws(DomainError) {
        var packages: [Package] = []
        var numbered: [(number: Int, period: EffectivePeriod, row: Package)] = []
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let stageText = try fields.text("stage")
            guard let stage = Stage(rawValue: stageText) else {
                throw fields.refusal("stage", "'\(stageText)' is not before, during or extra_month")
            }
            let months = try fields.optionalInteger("contract_months").map(Int.init)
            if stage == .during && months == nil { throw fields.refusal("contract_months", "is needed for a 'during' package") }
            let package = Package(
                stage: stage, contractMonths: months, amount: try fields.integer("amount"),
                regulation: try fields.text("regulation"), period: try fields.period())
            packages.append(package)
            numbered.append((row.number, package.period, package))
        }
        try refuseOverlaps(
            numbered, file: table.file, describe: { "stage \($0.stage.rawValue) \($0.contractMonths.map { "\($0) months" } ?? "")" },
            clash: { $0.stage == $1.stage && $0.contractMonths == $1.contractMonths })
        self.packages = packages
    }

    func packages(on date: CalendarDate) throws(DomainError) -> [Package] {
        let inForce = packages.filter { $0.period.contains(date) }
        guard !inForce.isEmpty else {
            throw .noRuleInForce(rule: "PMI packages", date: date, tableStarts: packages.map(\.period.start).min())
        }
        return inForce
    }
}
