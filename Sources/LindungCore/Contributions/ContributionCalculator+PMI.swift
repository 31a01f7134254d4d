/// A migrant worker's (PMI) placement: the contract length, and optionally one stage of it.
public struct PMIContributionInput: Sendable {
    public enum Stage: String, Sendable, CaseIterable {
        /// Before placement, paid through the placement agency.
        case before
        /// During and after work, by contract length.
        case during
    }

    public let contractMonths: Int
    /// Nil for the whole placement (both stages).
    public let stage: Stage?
    public let month: YearMonth

    public init(contractMonths: Int, stage: Stage? = nil, month: YearMonth) {
        self.contractMonths = contractMonths
        self.stage = stage
        self.month = month
    }
}

extension ContributionCalculator {
    /// The JKK+JKM packages of Permenaker 4/2023 (ruling 10): the pre-placement package, then the largest
    /// contract package not longer than the contract (the shortest one for shorter contracts) and a
    /// monthly price for each month beyond it. PP 49/2020 relief does not apply to PMI packages.
    public func pmi(_ input: PMIContributionInput) throws(DomainError) -> ContributionResult {
        guard input.contractMonths >= 1 else {
            throw .invalidInput(field: "contract months", value: String(input.contractMonths), reason: "must be at least 1")
        }
        let packages = try rules.pmiPackages.packages(on: input.month.firstDay)
        func ruled(_ package: PMIPackageTable.Package) -> Ruled<Rupiah> {
            Ruled(value: package.amount, regulation: package.regulation, period: package.period)
        }
        var lines: [ContributionLine] = []
        if input.stage != .during {
            guard let before = packages.first(where: { $0.stage == .before }) else {
                throw .noRuleInForce(rule: "PMI pre-placement package", date: input.month.firstDay, tableStarts: nil)
            }
            lines.append(.flat(.jkkJkm, .participant, amount: ruled(before), note: "before placement"))
        }
        if input.stage != .before {
            let contracts = packages.filter { $0.stage == .during }.sorted { $0.contractMonths! < $1.contractMonths! }
            guard let shortest = contracts.first else {
                throw .noRuleInForce(rule: "PMI contract packages", date: input.month.firstDay, tableStarts: nil)
            }
            let package = contracts.last { $0.contractMonths! <= input.contractMonths } ?? shortest
            lines.append(.flat(.jkkJkm, .participant, amount: ruled(package), note: "during and after work, \(package.contractMonths!)-month package"))
            let extraMonths = input.contractMonths - package.contractMonths!
            if extraMonths > 0 {
                guard let extra = packages.first(where: { $0.stage == .extraMonth }) else {
                    throw .noRuleInForce(rule: "PMI price per extra month", date: input.month.firstDay, tableStarts: nil)
                }
                lines.append(
                    .flat(.jkkJkm, .participant, amount: ruled(extra), quantity: extraMonths,
                          note: "\(extraMonths) months beyond the \(package.contractMonths!)-month package"))
            }
        }
        return ContributionResult(segment: .pmi, month: input.month, lines: lines, allocations: [], notes: [])
    }
}
