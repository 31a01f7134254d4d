import Foundation
import GRDB
public import LindungCore
public import LindungStorage

/// Arrears and a participant's standing on SQLite: unpaid bill amounts on a day (allocations dated on or
/// before it), bucketed by `ArrearsBucket`.
extension SQLiteStore {
    /// Open amounts per bill as they stood on `:on`; callers add their own WHERE on `b` and `e`.
    static let openAsOf = """
        SELECT b.id, b.debtor_kind, b.debtor_key, b.due_date, b.employer_id, e.region_code, e.name,
          b.total - COALESCE((SELECT SUM(a.amount) FROM allocation a
                              LEFT JOIN payment p ON p.id = a.payment_id LEFT JOIN bill c ON c.id = a.credit_bill_id
                              WHERE a.bill_id = b.id AND COALESCE(p.paid_on, c.issued_on) <= :on), 0) AS open
        FROM bill b JOIN employer e ON e.id = b.employer_id
        WHERE b.total > 0 AND b.issued_on <= :on
        """

    public func arrears(on date: CalendarDate) async throws -> [ArrearsRow] {
        try await mapped {
            try await writer.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT debtor_kind, debtor_key, due_date, MIN(region_code) AS region_code, MIN(name) AS name, SUM(open) AS open
                        FROM (\(Self.openAsOf)) WHERE open > 0
                        GROUP BY debtor_kind, debtor_key, due_date
                        """, arguments: ["on": date.iso])
                var result: [Debtor: ArrearsRow] = [:]
                for row in rows {
                    guard let debtor = Debtor(kind: row["debtor_kind"], key: row["debtor_key"]) else { continue }
                    let due = try SQLiteRows.date(row["due_date"])
                    let name: String
                    let region: String
                    switch debtor {
                    case .employer: (name, region) = (row["name"], row["region_code"])
                    case .region(let code): (name, region) = ("Pemerintah Daerah \(code)", code)
                    case .government: (name, region) = ("Pemerintah Pusat (JKP)", "")
                    case .participant(let nik): (name, region) = ("Peserta \(nik)", String(nik.prefix(4)))
                    }
                    var entry = result[debtor] ?? ArrearsRow(debtor: debtor, name: name, regionCode: region)
                    entry.buckets[ArrearsBucket.of(dueDate: due, on: date), default: 0] += row["open"] as Rupiah
                    if due < date { entry.oldestDueDate = min(entry.oldestDueDate ?? due, due) }
                    result[debtor] = entry
                }
                return result.values.sorted { ($0.debtor.kind, $0.debtor.key) < ($1.debtor.kind, $1.debtor.key) }
            }
        }
    }

    public func coverage(nik: String, on date: CalendarDate) async throws -> ParticipantCoverage? {
        try await mapped {
            try await writer.read { db in
                guard let personID = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE nik = ?", arguments: [nik]) else { return nil }
                let spells = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.id, s.employer_id, s.segment, e.npp, e.parent_region_code FROM spell s JOIN employer e ON e.id = s.employer_id
                        WHERE s.person_id = ? AND s.start_date <= ? AND (s.end_date IS NULL OR s.end_date >= ?) ORDER BY s.id
                        """, arguments: [personID, date.iso, date.iso])
                var standings: [ParticipantCoverage.SpellStanding] = []
                for spell in spells {
                    let spellID: Int64 = spell["id"]
                    let segment = try SQLiteRows.segment(spell["segment"])
                    let prepaid = try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM bpu_prepaid WHERE spell_id = ? AND month = ?", arguments: [spellID, date.yearMonth.description]) ?? false
                    // The bills that cover this worker: the employer's own and the region's for it (not the
                    // central government's JKP share, which is not the employer's debt).
                    // Found through the debtor index: the employer's own bills, and the region's bills for it.
                    let oldest = try String.fetchOne(
                        db,
                        sql: """
                            SELECT MIN(due_date) FROM (
                              \(Self.openAsOf) AND b.debtor_kind = 'employer' AND b.debtor_key = :npp
                              UNION ALL
                              \(Self.openAsOf) AND b.debtor_kind = 'region' AND b.debtor_key = :region AND b.employer_id = :employer)
                            WHERE open > 0 AND due_date < :on
                            """,
                        arguments: [
                            "on": date.iso, "npp": spell["npp"] as String, "region": spell["parent_region_code"] as String? ?? "",
                            "employer": spell["employer_id"] as Int64,
                        ]
                    ).map(SQLiteRows.date)
                    let status: CoverageStatus =
                        prepaid ? .active : .from(worstBucket: oldest.map { ArrearsBucket.of(dueDate: $0, on: date) })
                    standings.append(.init(spellID: spellID, employerNPP: spell["npp"], segment: segment, status: status, oldestOverdue: prepaid ? nil : oldest))
                }
                let order: [CoverageStatus] = [.inArrearsOver3Months, .inArrears, .active]
                let overall = order.first { status in standings.contains { $0.status == status } } ?? .notActive
                return ParticipantCoverage(nik: nik, on: date, status: overall, spells: standings)
            }
        }
    }
}
