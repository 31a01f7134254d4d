/// A wage earner's (PU) month.
public struct PUContributionInput: Sendable {
    public let wage: Rupiah
    /// JKK risk group 1-5 (PP 44/2015 Lampiran I).
    public let riskClass: Int
    public let month: YearMonth
    /// Needed to stop JP at pension age (ruling 12); JP is billed when it is unknown.
    public let birthDate: CalendarDate?

    public init(wage: Rupiah, riskClass: Int, month: YearMonth, birthDate: CalendarDate? = nil) {
        self.wage = wage
        self.riskClass = riskClass
        self.month = month
        self.birthDate = birthDate
    }
}

extension ContributionCalculator {
    /// JKK and JKM at the full PP 44/2015 rates, JHT, JP up to the month's cap and until pension age, and
    /// the government's JKP share with the allocation by fund (rulings 2, 3, 12, 14).
    public func pu(_ input: PUContributionInput) throws(DomainError) -> ContributionResult {
        try Self.requireNonNegative(input.wage, field: "wage")
        guard (1...5).contains(input.riskClass) else {
            throw .invalidInput(field: "risk class", value: String(input.riskClass), reason: "JKK risk class must be 1 to 5")
        }
        let day = input.month.firstDay
        let relief = try rules.reliefFactor(for: input.month)
        var notes: [String] = Self.reliefNotes(relief)
        var lines: [ContributionLine] = [
            .rated(.jkk, .employer, base: input.wage, rate: try parameters.rate("pu.jkk.employer.class\(input.riskClass)", on: day), relief: relief),
            .rated(.jkm, .employer, base: input.wage, rate: try parameters.rate("pu.jkm.employer", on: day), relief: relief),
            .rated(.jht, .employer, base: input.wage, rate: try parameters.rate("pu.jht.employer", on: day)),
            .rated(.jht, .worker, base: input.wage, rate: try parameters.rate("pu.jht.worker", on: day)),
        ]
        if let stop = try jpStop(input) {
            notes.append(stop)
        } else {
            let cap = try rules.jpWageCap(for: input.month)
            let base = min(input.wage, cap.value)
            let capNote = input.wage > cap.value ? "wage capped at the JP cap \(Money.format(cap.value)) (\(cap.regulation))" : nil
            lines.append(.rated(.jp, .employer, base: base, rate: try parameters.rate("pu.jp.employer", on: day), note: capNote))
            lines.append(.rated(.jp, .worker, base: base, rate: try parameters.rate("pu.jp.worker", on: day), note: capNote))
        }
        var allocations: [FundAllocation] = []
        if let government = try parameters.optionalRate("jkp.government", on: day) {
            let cap = try parameters.whole("jkp.wage_cap", on: day)
            let base = min(input.wage, cap.value)
            let capNote = input.wage > cap.value ? "wage capped at the JKP cap \(Money.format(cap.value))" : nil
            lines.append(.rated(.jkp, .government, base: base, rate: government, note: capNote))
            for (source, key) in [(Program.jkk, "jkp.from_jkk"), (.jkm, "jkp.from_jkm")] {
                let rate = try parameters.rate(key, on: day)
                guard rate.value.micropercent > 0 else { continue }
                allocations.append(
                    FundAllocation(
                        fund: .jkp, source: source, base: base, rate: rate.value, amount: Money.apply(rate.value, to: base),
                        regulation: rate.regulation))
            }
        }
        return ContributionResult(segment: .pu, month: input.month, lines: lines, allocations: allocations, notes: notes)
    }

    /// Why JP is not billed this month, or nil when it is (ruling 12: age in whole years on the first of
    /// the month at or past the pension age in force that year).
    private func jpStop(_ input: PUContributionInput) throws(DomainError) -> String? {
        guard let birthDate = input.birthDate else { return nil }
        guard birthDate <= input.month.firstDay else {
            throw .invalidInput(field: "birth date", value: birthDate.iso, reason: "is after the billing month \(input.month)")
        }
        let age = input.month.firstDay.age(ofPersonBornOn: birthDate)
        let pensionAge = try rules.pensionAge(in: input.month.year)
        guard age >= pensionAge.value else { return nil }
        return "JP not billed: age \(age) on \(input.month.firstDay.iso) is at or past the pension age \(pensionAge.value) (\(pensionAge.regulation))"
    }
}
