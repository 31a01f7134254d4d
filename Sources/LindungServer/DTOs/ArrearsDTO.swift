import LindungCore
public import LindungStorage

/// One debtor's arrears as `lindung arrears --json` prints it (docs/cli.md).
public struct ArrearsDTO: Encodable, Sendable {
    let debtor: String
    var debtor_key: String
    let name: String
    let region: String
    let current: Int64
    let months_1_3: Int64
    let over_3_months: Int64
    let total: Int64
    let oldest_due_date: Nullable<String>

    public init(_ row: ArrearsRow) {
        debtor = row.debtor.kind
        debtor_key = row.debtor.key
        name = row.name
        region = row.regionCode
        current = row.buckets[.current] ?? 0
        months_1_3 = row.buckets[.upTo3Months] ?? 0
        over_3_months = row.buckets[.over3Months] ?? 0
        total = row.total
        oldest_due_date = Nullable(row.oldestDueDate?.iso)
    }
}

/// A participant's standing as `lindung standing --json` prints it (docs/cli.md).
public struct StandingDTO: Encodable, Sendable {
    struct SpellDTO: Encodable, Sendable {
        let spell_id: Int64
        let npp: String
        let segment: String
        let status: String
        let oldest_overdue: Nullable<String>
    }

    var nik: String
    let on: String
    let status: String
    let spells: [SpellDTO]

    public init(_ coverage: ParticipantCoverage) {
        nik = coverage.nik
        on = coverage.on.iso
        status = coverage.status.rawValue
        spells = coverage.spells.map {
            SpellDTO(spell_id: $0.spellID, npp: $0.employerNPP, segment: $0.segment.rawValue, status: $0.status.rawValue, oldest_overdue: Nullable($0.oldestOverdue?.iso))
        }
    }
}
