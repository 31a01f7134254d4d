/// A non-wage earner's (BPU) month: declared income, with JHT if the participant chose it.
public struct BPUContributionInput: Sendable {
    public let income: Rupiah
    public let includesJHT: Bool
    public let month: YearMonth

    public init(income: Rupiah, includesJHT: Bool, month: YearMonth) {
        self.income = income
        self.includesJHT = includesJHT
        self.month = month
    }
}

extension ContributionCalculator {
    /// JKK as a percentage and JKM flat on the income bracket's base (ruling 8); JHT optional.
    public func bpu(_ input: BPUContributionInput) throws(DomainError) -> ContributionResult {
        try Self.requireNonNegative(input.income, field: "income")
        let day = input.month.firstDay
        let bracket = try rules.bpuBrackets.bracket(forIncome: input.income, on: day)
        let relief = try rules.reliefFactor(for: input.month)
        let bracketNote = "declared income \(Money.format(input.income)) falls in the bracket with base \(Money.format(bracket.base))"
        var lines: [ContributionLine] = [
            .rated(.jkk, .participant, base: bracket.base, rate: try parameters.rate("bpu.jkk", on: day), relief: relief, note: bracketNote),
            .flat(.jkm, .participant, amount: try parameters.whole("bpu.jkm", on: day), relief: relief),
        ]
        if input.includesJHT {
            lines.append(.rated(.jht, .participant, base: bracket.base, rate: try parameters.rate("bpu.jht", on: day), note: bracketNote))
        }
        let notes = Self.reliefNotes(relief)
        return ContributionResult(segment: .bpu, month: input.month, lines: lines, allocations: [], notes: notes)
    }
}
