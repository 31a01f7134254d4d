public import LindungCore

/// One budget simulation as the CLI (`lindung simulate budget`), the API (`GET /api/v1/simulate/budget`) and
/// the `/simulator` page run it: the region checked, the non-ASN wage defaulted to the region's minimum wage
/// of the year, the programs checked, then `BudgetSimulator`. Refusals name the field as the API spells it
/// (`region`, `non_asn_programs`); the CLI adds its dashes.
public struct BudgetSimulation: Sendable {
    public struct Input: Sendable {
        public var region: String
        public var year: Int
        public var vulnerable: Int
        public var income: Rupiah?
        public var nonASN: Int
        public var nonASNWage: Rupiah?
        /// `JKK,JKM` (the default), optionally with JHT and JP.
        public var nonASNPrograms: String

        public init(
            region: String, year: Int, vulnerable: Int = 0, income: Rupiah? = nil, nonASN: Int = 0, nonASNWage: Rupiah? = nil,
            nonASNPrograms: String = "JKK,JKM"
        ) {
            self.region = region
            self.year = year
            self.vulnerable = vulnerable
            self.income = income
            self.nonASN = nonASN
            self.nonASNWage = nonASNWage
            self.nonASNPrograms = nonASNPrograms
        }
    }

    /// The programs a region may pay for its non-ASN, in the order they are listed.
    static let programs: [Program] = [.jkk, .jkm, .jht, .jp]

    public let region: String
    public let regionName: String
    /// Where the non-ASN wage came from: `non_asn_wage` as given, or the minimum wage it was defaulted to.
    public let wageSource: String
    public let result: BudgetSimulator.Result

    public init(_ input: Input, reference: ReferenceData, rules: RuleSet) throws(DomainError) {
        guard let place = reference.regions.region(code: input.region) else {
            throw .invalidInput(field: "region", value: input.region, reason: "is not a province or regency/city code of regions.csv")
        }
        let programs = ProgramSet(list: input.nonASNPrograms)
        guard programs.includes(.jkk) && programs.includes(.jkm), programs.isSubset(of: [.jkk, .jkm, .jht, .jp]) else {
            throw .invalidInput(field: "non_asn_programs", value: input.nonASNPrograms, reason: "must be JKK and JKM, optionally with JHT and JP")
        }
        var wageSource = "non_asn_wage"
        let wage: Rupiah
        if let given = input.nonASNWage {
            wage = given
        } else {
            guard let minimum = reference.minimumWages.minimumWage(region: input.region, year: input.year) else {
                throw .invalidInput(
                    field: "non_asn_wage", value: "", reason: "is required: no minimum wage for region \(input.region) in \(input.year) in minimum_wages.csv")
            }
            wage = minimum.monthlyWage
            wageSource = "the \(input.year) minimum wage of \(place.name)"
        }
        region = input.region
        regionName = place.name
        self.wageSource = wageSource
        result = try BudgetSimulator(rules: rules).simulate(
            .init(
                year: input.year, vulnerableWorkers: input.vulnerable, vulnerableIncome: input.income, nonASNWorkers: input.nonASN, nonASNWage: wage,
                nonASNPrograms: programs))
    }
}
