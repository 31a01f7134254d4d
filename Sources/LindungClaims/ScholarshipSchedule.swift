public import LindungCore

/// One future scholarship payment for one child.
public struct ScholarshipPayment: Sendable, Equatable {
    /// 1 or 2: the child's place among those covered.
    public let child: Int
    public let dueOn: CalendarDate
    public let level: String
    public let amount: Rupiah
}

/// The scholarship (JKM and JKK death) as a schedule of future payments: one payment per school year,
/// by the child's age at the school year's start, each level for at most its years, ending at age 23
/// (PP 82/2019; Permenaker 5/2021). Only the first `maxChildren` children are covered.
public enum ScholarshipSchedule {
    /// The school year starts in July; its payment falls due on its first day.
    static let schoolYearMonth = 7

    public static func payments(
        entitlement: ScholarshipEntitlement, deathDate: CalendarDate, childrenBorn: [CalendarDate],
        claimRules: ClaimRules = .standard
    ) throws(DomainError) -> [ScholarshipPayment] {
        guard entitlement.eligible else { return [] }
        let children = Array(childrenBorn.prefix(entitlement.maxChildren))
        // Before PP 82/2019 a single level `any` paid once, at the claim.
        if entitlement.schedule.count == 1, let only = entitlement.schedule.first {
            return children.indices.map { ScholarshipPayment(child: $0 + 1, dueOn: deathDate, level: only.level, amount: only.amountPerYear) }
        }
        let endAge = try claimRules.value("scholarship.end_age", on: deathDate).value
        var levels: [(level: ScholarshipEntitlement.Level, startAge: Int64)] = []
        for level in entitlement.schedule {
            levels.append((level, try claimRules.value("scholarship.start_age.\(level.level)", on: deathDate).value))
        }
        levels.sort { $0.startAge < $1.startAge }
        var payments: [ScholarshipPayment] = []
        for (index, born) in children.enumerated() {
            var year = deathDate.month <= schoolYearMonth ? deathDate.year : deathDate.year + 1
            while true {
                let due = CalendarDate(year: year, month: schoolYearMonth, day: 1)!
                let age = Int64(due.age(ofPersonBornOn: born))
                if age >= endAge { break }
                // The level whose age band holds the child: from its start age for its years.
                if let band = levels.first(where: { age >= $0.startAge && age < $0.startAge + Int64($0.level.maxYears) }) {
                    payments.append(ScholarshipPayment(child: index + 1, dueOn: due, level: band.level.level, amount: band.level.amountPerYear))
                } else if let last = levels.last, age >= last.startAge + Int64(last.level.maxYears) {
                    break
                }
                year += 1
            }
        }
        return payments.sorted { ($0.dueOn, $0.child) < ($1.dueOn, $1.child) }
    }
}
