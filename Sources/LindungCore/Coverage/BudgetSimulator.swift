/// What a regional budget (APBD) must carry to cover its vulnerable workers and its non-ASN staff for a
/// year, month by month, with each month's rules (issue 7's budget simulator). Priced with the same
/// `BillingTariff` the billing run uses, so a simulated month equals what the region would be billed.
public struct BudgetSimulator: Sendable {
    public struct Request: Sendable, Equatable {
        public let year: Int
        /// Vulnerable BPU workers the region pays JKK and JKM for (pekerja rentan, REGULATIONS.md §1).
        public let vulnerableWorkers: Int
        /// Their declared income; nil for the lowest bracket.
        public let vulnerableIncome: Rupiah?
        /// Non-ASN staff of the region's agencies (OPD), paid as PU of risk class 1 (government services).
        public let nonASNWorkers: Int
        public let nonASNWage: Rupiah
        /// The programs the region pays for its non-ASN (JKK and JKM by default; ruling 11).
        public let nonASNPrograms: ProgramSet

        public init(
            year: Int, vulnerableWorkers: Int, vulnerableIncome: Rupiah? = nil, nonASNWorkers: Int, nonASNWage: Rupiah,
            nonASNPrograms: ProgramSet = [.jkk, .jkm]
        ) {
            self.year = year
            self.vulnerableWorkers = vulnerableWorkers
            self.vulnerableIncome = vulnerableIncome
            self.nonASNWorkers = nonASNWorkers
            self.nonASNWage = nonASNWage
            self.nonASNPrograms = nonASNPrograms
        }
    }

    public struct Month: Sendable, Equatable {
        public let month: YearMonth
        /// Per worker, by program (the region's share only: a non-ASN's own JHT share is not the budget's).
        public let perVulnerableWorker: ProgramAmounts
        public let perNonASNWorker: ProgramAmounts
        public let vulnerable: Rupiah
        public let nonASN: Rupiah
        public var total: Rupiah { vulnerable + nonASN }
    }

    public struct Result: Sendable, Equatable {
        public let request: Request
        /// The bracket base the vulnerable workers' contributions are computed on.
        public let vulnerableBase: Rupiah
        public let months: [Month]
        public let regulations: [String]

        public var vulnerableYear: Rupiah { months.reduce(0) { $0 + $1.vulnerable } }
        public var nonASNYear: Rupiah { months.reduce(0) { $0 + $1.nonASN } }
        public var total: Rupiah { vulnerableYear + nonASNYear }
    }

    /// Non-ASN work in government offices: JKK risk group I (PP 44/2015 Lampiran I).
    static let agencyRiskClass = 1

    let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    public func simulate(_ request: Request) throws(DomainError) -> Result {
        guard request.vulnerableWorkers >= 0 else {
            throw .invalidInput(field: "vulnerable workers", value: String(request.vulnerableWorkers), reason: "must not be negative")
        }
        guard request.nonASNWorkers >= 0 else {
            throw .invalidInput(field: "non-ASN workers", value: String(request.nonASNWorkers), reason: "must not be negative")
        }
        guard request.nonASNWage >= 0 else {
            throw .invalidInput(field: "non-ASN wage", value: String(request.nonASNWage), reason: "must not be negative")
        }
        var months: [Month] = []
        var regulations: [String] = []
        var vulnerableBase: Rupiah = 0
        for number in 1...12 {
            let month = YearMonth(year: request.year, month: number)
            let tariff = try BillingTariff(rules: rules, month: month)
            vulnerableBase = try tariff.bpuBase(income: request.vulnerableIncome ?? 0)
            let vulnerable = tariff.charge(
                WorkerBasis(spellID: 1, segment: .bpu, programs: [.jkk, .jkm], base: vulnerableBase, regionPays: true),
                riskClass: Self.agencyRiskClass, regionPrograms: [.jkk, .jkm])
            let nonASN = tariff.charge(
                WorkerBasis(spellID: 2, segment: .pu, programs: request.nonASNPrograms, base: request.nonASNWage, regionPays: true),
                riskClass: Self.agencyRiskClass, regionPrograms: request.nonASNPrograms)
            months.append(
                Month(
                    month: month, perVulnerableWorker: vulnerable.region, perNonASNWorker: nonASN.region,
                    vulnerable: vulnerable.region.total * Rupiah(request.vulnerableWorkers), nonASN: nonASN.region.total * Rupiah(request.nonASNWorkers)))
            for regulation in tariff.regulations where !regulations.contains(regulation) { regulations.append(regulation) }
        }
        return Result(request: request, vulnerableBase: vulnerableBase, months: months, regulations: regulations)
    }
}
