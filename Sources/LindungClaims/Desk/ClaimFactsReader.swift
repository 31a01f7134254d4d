public import LindungCore
public import LindungStorage

/// Gathers a claim's facts from the registry (person, spells, wages), billing (standing on the event date)
/// and the JHT ledger. Contribution months are the months the spells cover (docs/claims.md says why).
public struct ClaimFactsReader: Sendable {
    let store: any LindungStore

    public init(store: any LindungStore) {
        self.store = store
    }

    public func facts(nik: String, eventDate: CalendarDate, claimDate: CalendarDate, contributionMonths: Int?, jpAccount: Rupiah) async throws
        -> ClaimFacts
    {
        guard let detail = try await store.person(nik: nik) else { throw StoreError.notFound("no person with NIK \(nik) is registered") }
        let status = try await store.coverage(nik: nik, on: eventDate)?.status ?? .notActive
        let spells = detail.spells
        let covering = spells.filter { $0.startDate <= eventDate && ($0.endDate.map { $0 >= eventDate } ?? true) }
        let lastEnded = spells.compactMap(\.endDate).filter { $0 <= claimDate }.max()
        let wageSpell = covering.first ?? spells.filter { $0.startDate <= eventDate }.max { ($0.endDate ?? eventDate) < ($1.endDate ?? eventDate) }
        let wage = wageSpell?.wages.last { $0.effectiveFrom <= eventDate }?.amount
        let months = ContributionMonths(spans: spells.map { ($0.startDate, $0.endDate) }, through: eventDate)
        let entries = try await store.jhtEntries(nik: nik)
        let balance = entries.filter { $0.date <= claimDate }.reduce(0) { $0 + $1.amount }
        let firstStart = spells.map(\.startDate).min()
        let birth = detail.person.record.birthDate
        return ClaimFacts(
            status: status, birthDate: birth, wage: wage, contributionMonths: contributionMonths ?? months.count,
            membershipStart: firstStart, employmentEnded: lastEnded,
            workingElsewhere: spells.contains { $0.startDate <= claimDate && ($0.endDate.map { $0 >= claimDate } ?? true) },
            jkpRecord: months.jkpRecord(layoff: eventDate), ageAtRegistration: firstStart.map { $0.age(ofPersonBornOn: birth) },
            jhtBalance: balance, partialJHTTaken: entries.contains { $0.kind == "withdrawal" && $0.reference.contains(":partial") },
            jpAccount: jpAccount)
    }
}
