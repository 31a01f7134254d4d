import Foundation
public import LindungCore
public import LindungStorage
import PostgresNIO

/// Arrears and a participant's standing on PostgreSQL, as on SQLite: unpaid bill amounts on a day
/// (allocations dated on or before it), bucketed by `ArrearsBucket`.
extension PostgresStore {
    /// Open amounts per bill as they stood on the day `$1`; callers add their own conditions on `b` and `e`
    /// (binds from `$2`).
    static let openAsOf = """
        SELECT b.id, b.debtor_kind, b.debtor_key, b.due_date, b.employer_id, e.region_code, e.name,
          b.total - coalesce((SELECT sum(a.amount) FROM allocation a
                              LEFT JOIN payment p ON p.id = a.payment_id LEFT JOIN bill c ON c.id = a.credit_bill_id
                              WHERE a.bill_id = b.id AND coalesce(p.paid_on, c.issued_on) <= $1::date), 0) AS open_amount
        FROM bill b JOIN employer e ON e.id = b.employer_id
        WHERE b.total > 0 AND b.issued_on <= $1::date
        """

    public func arrears(on date: CalendarDate) async throws -> [ArrearsRow] {
        try await read { db in
            var binds = PostgresBindings()
            binds.append(date.iso)
            let rows = try await db.rows(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT debtor_kind, debtor_key, to_char(due_date, 'YYYY-MM-DD'), min(region_code COLLATE "C"), min(name COLLATE "C"),
                               sum(open_amount)::bigint
                        FROM (\(Self.openAsOf)) o WHERE open_amount > 0
                        GROUP BY debtor_kind, debtor_key, due_date
                        """, binds: binds))
            var result: [Debtor: ArrearsRow] = [:]
            for row in rows {
                let (kind, key, dueDay, regionCode, employerName, open) = try row.decode((String, String, String, String, String, Int64).self)
                guard let debtor = Debtor(kind: kind, key: key) else { continue }
                let due = try PostgresRows.date(dueDay)
                let name: String
                let region: String
                switch debtor {
                case .employer: (name, region) = (employerName, regionCode)
                case .region(let code): (name, region) = ("Pemerintah Daerah \(code)", code)
                case .government: (name, region) = ("Pemerintah Pusat (JKP)", "")
                case .participant(let nik): (name, region) = ("Peserta \(nik)", String(nik.prefix(4)))
                }
                var entry = result[debtor] ?? ArrearsRow(debtor: debtor, name: name, regionCode: region)
                entry.buckets[ArrearsBucket.of(dueDate: due, on: date), default: 0] += open
                if due < date { entry.oldestDueDate = min(entry.oldestDueDate ?? due, due) }
                result[debtor] = entry
            }
            return result.values.sorted { ($0.debtor.kind, $0.debtor.key) < ($1.debtor.kind, $1.debtor.key) }
        }
    }

    public func coverage(nik: String, on date: CalendarDate) async throws -> ParticipantCoverage? {
        try await transaction(readOnly: true) { db in
            guard let personID = try await db.value("SELECT id FROM person WHERE nik = \(nik)", as: Int64.self) else { return nil }
            let spells = try await db.rows(
                """
                SELECT s.id, s.employer_id, s.segment, e.npp FROM spell s JOIN employer e ON e.id = s.employer_id
                WHERE s.person_id = \(personID) AND s.start_date <= \(date.iso)::date AND (s.end_date IS NULL OR s.end_date >= \(date.iso)::date)
                ORDER BY s.id
                """)
            var standings: [ParticipantCoverage.SpellStanding] = []
            for spell in spells {
                let (spellID, employerID, segmentName, npp) = try spell.decode((Int64, Int64, String, String).self)
                let segment = try PostgresRows.segment(segmentName)
                let prepaid =
                    try await db.value(
                        "SELECT 1 FROM bpu_prepaid WHERE spell_id = \(spellID) AND month = \(date.yearMonth.description)", as: Int.self) != nil
                // The bills that cover this worker: the employer's own and the region's for it (not the
                // central government's JKP share, which is not the employer's debt).
                var binds = PostgresBindings()
                binds.append(date.iso)
                binds.append(employerID)
                let oldest = try await db.value(
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT to_char(min(due_date), 'YYYY-MM-DD')
                            FROM (\(Self.openAsOf) AND b.employer_id = $2 AND b.debtor_kind IN ('employer', 'region') AND b.due_date < $1::date) o
                            WHERE open_amount > 0
                            """, binds: binds), as: String.self
                ).map(PostgresRows.date)
                let status: CoverageStatus = prepaid ? .active : .from(worstBucket: oldest.map { ArrearsBucket.of(dueDate: $0, on: date) })
                standings.append(.init(spellID: spellID, employerNPP: npp, segment: segment, status: status, oldestOverdue: prepaid ? nil : oldest))
            }
            let order: [CoverageStatus] = [.inArrearsOver3Months, .inArrears, .active]
            let overall = order.first { status in standings.contains { $0.status == status } } ?? .notActive
            return ParticipantCoverage(nik: nik, on: date, status: overall, spells: standings)
        }
    }
}
