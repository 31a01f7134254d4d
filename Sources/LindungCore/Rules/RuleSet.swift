/// Every regulation table Lindung computes by, loaded and checked once.
///
/// The calculators take a `RuleSet` and a date; they never hold a rate of their own. A malformed table is
/// refused at load with its file, row and reason, so a bad `--rules` directory fails before any amount
/// is computed.
public struct RuleSet: Sendable {
    let parameters: ParameterTable
    let jakonTiers: JakonTierTable
    let bpuBrackets: BPUBracketTable
    let pmiPackages: PMIPackageTable
    let pensionAges: PensionAgeTable
    let scholarships: ScholarshipTable
    let jkpBenefit: JKPBenefitTable

    /// The keys of `parameters.csv` that the calculators read.
    static let requiredParameterKeys: [String] =
        (1...5).map { "pu.jkk.employer.class\($0)" } + [
            "pu.jkm.employer", "pu.jht.employer", "pu.jht.worker", "pu.jp.employer", "pu.jp.worker", "pu.jp.wage_cap",
            "jkp.wage_cap", "jkp.government", "jkp.from_jkk", "jkp.from_jkm", "bpu.jkk", "bpu.jkm", "bpu.jht",
            "jakon.wage.jkk", "jakon.wage.jkm", "relief.jkk_jkm_factor", "due.pu_day", "due.bpu_day",
            "fine.monthly_rate", "jkm.lump_sum", "jkm.periodic", "jkm.funeral", "jkm.scholarship_min_months",
            "jkm.scholarship_max_children", "jkk.death_multiplier", "jkk.death_minimum", "jkk.funeral",
            "jkk.periodic", "jkk.total_disability_multiplier", "jkk.partial_disability_multiplier",
            "jkk.stmb_full_months", "jkk.stmb_full_percent", "jkk.stmb_after_percent", "jkp.benefit_wage_cap",
            "jkp.min_contribution_months", "jkp.window_months", "jkp.min_consecutive_months",
            "jp.min_months_monthly_pension", "jp.benefit_min", "jp.benefit_max",
        ]

    /// Loads the bundled tables, with an operator's directory taking precedence file by file.
    public init(source: TableSource = .bundled) throws(DomainError) {
        let dated = ["effective_from", "effective_to", "regulation"]
        parameters = try ParameterTable(
            table: try source.table(ParameterTable.file, in: "rules", requiredColumns: ["key", "value", "unit"] + dated))
        try parameters.requireKeys(Self.requiredParameterKeys)
        jakonTiers = try JakonTierTable(
            table: try source.table(JakonTierTable.file, in: "rules", requiredColumns: ["above", "up_to", "jkk_rate", "jkm_rate"] + dated))
        bpuBrackets = try BPUBracketTable(
            table: try source.table(BPUBracketTable.file, in: "rules", requiredColumns: ["income_from", "income_to", "base"] + dated))
        pmiPackages = try PMIPackageTable(
            table: try source.table(PMIPackageTable.file, in: "rules", requiredColumns: ["stage", "contract_months", "amount"] + dated))
        pensionAges = try PensionAgeTable(
            table: try source.table(PensionAgeTable.file, in: "rules", requiredColumns: ["year_from", "year_to", "age", "regulation"]))
        scholarships = try ScholarshipTable(
            table: try source.table(ScholarshipTable.file, in: "rules", requiredColumns: ["level", "amount_per_year", "max_years"] + dated))
        jkpBenefit = try JKPBenefitTable(
            table: try source.table(JKPBenefitTable.file, in: "rules", requiredColumns: ["month_from", "month_to", "percent"] + dated))
    }

    /// The pension age in force in a calendar year (PP 45/2015, ruling 4).
    public func pensionAge(in year: Int) throws(DomainError) -> Ruled<Int> {
        try pensionAges.pensionAge(in: year)
    }

    /// The JP wage cap for a billing month (ruling 3).
    public func jpWageCap(for month: YearMonth) throws(DomainError) -> Ruled<Rupiah> {
        try parameters.whole("pu.jp.wage_cap", on: month.firstDay)
    }

    /// The factor JKK and JKM are charged at in a month: 1 % in PP 49/2020's relief months, else nil.
    public func reliefFactor(for month: YearMonth) throws(DomainError) -> Ruled<Rate>? {
        try parameters.optionalRate("relief.jkk_jkm_factor", on: month.firstDay)
    }
}
