extension BenefitCalculator {
    /// Death from a work accident or occupational disease (PP 82/2019): 48 × the monthly wage, at least the
    /// JKM lump sum, with funeral and periodic allowances and a scholarship for two children.
    public func jkkDeath(wage: Rupiah, date: CalendarDate) throws(DomainError) -> BenefitResult {
        try Self.requirePositive(wage, field: "wage")
        let multiplier = try parameters.whole("jkk.death_multiplier", on: date)
        let minimum = try parameters.whole("jkk.death_minimum", on: date)
        let computed = wage * multiplier.value
        var notes: [String] = []
        if computed < minimum.value {
            notes.append("\(multiplier.value) × wage = \(Money.format(computed)) is below the minimum \(Money.format(minimum.value)); the minimum is paid")
        }
        let lumpSum = Ruled(value: max(computed, minimum.value), regulation: multiplier.regulation, period: multiplier.period)
        let children = try parameters.whole("jkm.scholarship_max_children", on: date)
        return BenefitResult(
            benefit: "jkk-death", eventDate: date,
            components: [
                component("lump_sum", "santunan kematian: \(multiplier.value) × monthly wage", lumpSum),
                component("periodic", "santunan berkala (periodic, paid at once)", try parameters.whole("jkk.periodic", on: date)),
                component("funeral", "biaya pemakaman (funeral)", try parameters.whole("jkk.funeral", on: date)),
            ],
            scholarship: try scholarship(
                on: date, eligible: true, reason: "death from a work accident: no minimum contribution period",
                maxChildren: Int(children.value)),
            notes: notes)
    }

    /// Permanent disability (PP 82/2019): total, 56 × wage (70 % × 80) with the periodic allowance; or
    /// partial, the anatomical percentage × 80 × wage.
    public func jkkDisability(wage: Rupiah, date: CalendarDate, partialPercent: Rate? = nil) throws(DomainError) -> BenefitResult {
        try Self.requirePositive(wage, field: "wage")
        guard let percent = partialPercent else {
            let multiplier = try parameters.whole("jkk.total_disability_multiplier", on: date)
            return BenefitResult(
                benefit: "jkk-disability", eventDate: date,
                components: [
                    component(
                        "lump_sum", "cacat total tetap: \(multiplier.value) × monthly wage",
                        Ruled(value: wage * multiplier.value, regulation: multiplier.regulation, period: multiplier.period)),
                    component("periodic", "santunan berkala (periodic, paid at once)", try parameters.whole("jkk.periodic", on: date)),
                ],
                scholarship: nil, notes: [])
        }
        guard percent > Rate.percent(0), percent <= Rate.percent(100) else {
            throw .invalidInput(field: "disability percent", value: percent.description, reason: "must be more than 0 and at most 100")
        }
        let multiplier = try parameters.whole("jkk.partial_disability_multiplier", on: date)
        let amount = Money.apply(percent, to: wage * multiplier.value)
        return BenefitResult(
            benefit: "jkk-disability", eventDate: date,
            components: [
                component(
                    "lump_sum", "cacat sebagian: \(percent)% × \(multiplier.value) × monthly wage",
                    Ruled(value: amount, regulation: multiplier.regulation, period: multiplier.period))
            ],
            scholarship: nil, notes: [])
    }

    /// Wage replacement while unable to work (STMB, ruling 7): 100 % of the wage for the first 12 months,
    /// then 50 % until recovery.
    public func stmb(wage: Rupiah, monthsOff: Int, date: CalendarDate) throws(DomainError) -> BenefitResult {
        try Self.requirePositive(wage, field: "wage")
        guard monthsOff >= 1 else {
            throw .invalidInput(field: "months off", value: String(monthsOff), reason: "must be at least 1")
        }
        let fullMonths = try parameters.whole("jkk.stmb_full_months", on: date)
        let fullRate = try parameters.rate("jkk.stmb_full_percent", on: date)
        let afterRate = try parameters.rate("jkk.stmb_after_percent", on: date)
        let first = min(Int64(monthsOff), fullMonths.value)
        let rest = Int64(monthsOff) - first
        var components = [
            BenefitComponent(
                name: "stmb_full", description: "\(first) months at \(fullRate.value)% of the wage",
                amount: Money.apply(fullRate.value, to: wage) * first, regulation: fullRate.regulation)
        ]
        if rest > 0 {
            components.append(
                BenefitComponent(
                    name: "stmb_reduced", description: "\(rest) months at \(afterRate.value)% of the wage",
                    amount: Money.apply(afterRate.value, to: wage) * rest, regulation: afterRate.regulation))
        }
        return BenefitResult(benefit: "stmb", eventDate: date, components: components, scholarship: nil, notes: [])
    }
}
