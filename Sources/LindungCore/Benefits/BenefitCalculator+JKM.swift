extension BenefitCalculator {
    /// The death benefit (JKM) for a death not caused by a work accident (ruling 6): Rp24 M before PP
    /// 82/2019 took effect on 2 December 2019, Rp42 M from then; the scholarship needs enough
    /// contribution months (60 before, 36 after) and covers up to the regulation's number of children.
    public func jkm(deathDate: CalendarDate, contributionMonths: Int) throws(DomainError) -> BenefitResult {
        guard contributionMonths >= 0 else {
            throw .invalidInput(field: "contribution months", value: String(contributionMonths), reason: "must not be negative")
        }
        let components = [
            component("lump_sum", "santunan sekaligus (lump sum)", try parameters.whole("jkm.lump_sum", on: deathDate)),
            component("periodic", "santunan berkala (periodic, paid at once)", try parameters.whole("jkm.periodic", on: deathDate)),
            component("funeral", "biaya pemakaman (funeral)", try parameters.whole("jkm.funeral", on: deathDate)),
        ]
        let minimum = try parameters.whole("jkm.scholarship_min_months", on: deathDate)
        let children = try parameters.whole("jkm.scholarship_max_children", on: deathDate)
        let eligible = contributionMonths >= minimum.value
        let reason = "\(contributionMonths) contribution months, at least \(minimum.value) needed (\(minimum.regulation))"
        return BenefitResult(
            benefit: "jkm", eventDate: deathDate, components: components,
            scholarship: try scholarship(on: deathDate, eligible: eligible, reason: reason, maxChildren: Int(children.value)),
            notes: [])
    }
}
