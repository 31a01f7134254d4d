/// `bpu_brackets.csv`: declared income (penghasilan) of a non-wage earner mapped to the nominal base its
/// contribution is computed on. Until the regulation's annex is found this is ruling 8: steps of
/// Rp100,000 rounded down, between Rp1,000,000 and Rp20,700,000.
struct BPUBracketTable: Sendable {
    static let file = "bpu_brackets.csv"

    struct Bracket: Sendable {
        let incomeFrom: Rupiah
        let incomeTo: Rupiah?
        let base: Rupiah
        let regulation: String
        let period: EffectivePeriod
    }

    let brackets: [Bracket]

    init(table: CSVTable) throws(DomainError) {
        var brackets: [Bracket] = []
        var numbered: [(number: Int, period: EffectivePeriod, row: Bracket)] = []
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let bracket = Bracket(
                incomeFrom: try fields.integer("income_from"), incomeTo: try fields.optionalInteger("income_to"),
                base: try fields.integer("base"), regulation: try fields.text("regulation"), period: try fields.period())
            if let upper = bracket.incomeTo, upper < bracket.incomeFrom {
                throw fields.refusal("income_to", "\(upper) is below income_from \(bracket.incomeFrom)")
            }
            brackets.append(bracket)
            numbered.append((row.number, bracket.period, bracket))
        }
        try refuseOverlaps(
            numbered, file: table.file, describe: { "income \($0.incomeFrom)-\($0.incomeTo.map(String.init) ?? "")" },
            clash: { $0.incomeFrom <= ($1.incomeTo ?? .max) && $1.incomeFrom <= ($0.incomeTo ?? .max) })
        self.brackets = brackets
    }

    func bracket(forIncome income: Rupiah, on date: CalendarDate) throws(DomainError) -> Bracket {
        let inForce = brackets.filter { $0.period.contains(date) }
        guard !inForce.isEmpty else {
            throw .noRuleInForce(rule: "BPU income brackets", date: date, tableStarts: brackets.map(\.period.start).min())
        }
        guard let match = inForce.first(where: { income >= $0.incomeFrom && income <= ($0.incomeTo ?? .max) }) else {
            throw .invalidInput(field: "income", value: String(income), reason: "no BPU bracket covers this income")
        }
        return match
    }
}
