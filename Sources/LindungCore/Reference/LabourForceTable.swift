/// `labour_force.csv`: BPS Sakernas (August round) labour-force figures by region, the denominators of
/// coverage. Empty cells stay nil: a figure that was not published is not zero.
public struct LabourForceTable: Sendable {
    static let file = "labour_force.csv"

    public struct Figures: Sendable {
        public let regionCode: String
        /// The Sakernas round, e.g. 2024-08.
        public let period: YearMonth
        public let workingAgePopulation: Int64?
        public let labourForce: Int64?
        public let employed: Int64?
        public let unemployed: Int64?
        public let formalEmployed: Int64?
        public let informalEmployed: Int64?
        public let sourcePublisher: String
    }

    public let figures: [Figures]

    init(table: CSVTable) throws(DomainError) {
        var figures: [Figures] = []
        for row in table.rows {
            let fields = TableFields(table: table, row: row)
            let periodText = try fields.text("period")
            guard let period = YearMonth(iso: periodText) else { throw fields.refusal("period", "'\(periodText)' is not YYYY-MM") }
            figures.append(
                Figures(
                    regionCode: try fields.text("region_code"), period: period,
                    workingAgePopulation: try fields.optionalInteger("working_age_population"),
                    labourForce: try fields.optionalInteger("labour_force"), employed: try fields.optionalInteger("employed"),
                    unemployed: try fields.optionalInteger("unemployed"),
                    formalEmployed: try fields.optionalInteger("formal_employed"),
                    informalEmployed: try fields.optionalInteger("informal_employed"),
                    sourcePublisher: table.value("source_publisher", in: row)))
        }
        self.figures = figures
    }

    /// The latest round for a region at or before a month.
    public func latest(region code: String, onOrBefore month: YearMonth) -> Figures? {
        figures.filter { $0.regionCode == code && $0.period <= month }.max { $0.period < $1.period }
    }
}
