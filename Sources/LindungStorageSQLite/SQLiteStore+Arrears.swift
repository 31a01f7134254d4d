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
                // Rows come grouped by debtor (the GROUP BY's order): a debtor is parsed once, not per row, and
                // the handful of distinct due dates are parsed and bucketed once (401 k rows for the 5.2 M demo's
                // six billed months; docs/BENCHMARKS.md, quarterly report).
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT debtor_kind, debtor_key, due_date, MIN(region_code) AS region_code, MIN(name) AS name, SUM(open) AS open
                        FROM (\(Self.openAsOf)) WHERE open > 0
                        GROUP BY debtor_kind, debtor_key, due_date
                        """, arguments: ["on": date.iso])
                var result: [Debtor: ArrearsRow] = [:]
                var dueDates: [String: (date: CalendarDate, bucket: ArrearsBucket)] = [:]
                var previous: (kind: String, key: String, debtor: Debtor?) = ("", "", nil)
                while let row = try rows.next() {
                    let kind: String = row["debtor_kind"]
                    let key: String = row["debtor_key"]
                    if kind != previous.kind || key != previous.key { previous = (kind, key, Debtor(kind: kind, key: key)) }
                    guard let debtor = previous.debtor else { continue }
                    let dueText: String = row["due_date"]
                    let due: (date: CalendarDate, bucket: ArrearsBucket)
                    if let known = dueDates[dueText] {
                        due = known
                    } else {
                        let parsed = try SQLiteRows.date(dueText)
                        due = (parsed, ArrearsBucket.of(dueDate: parsed, on: date))
                        dueDates[dueText] = due
                    }
                    let name: String
                    let region: String
                    switch debtor {
                    case .employer: (name, region) = (row["name"], row["region_code"])
                    case .region(let code): (name, region) = ("Pemerintah Daerah \(code)", code)
                    case .government: (name, region) = ("Pemerintah Pusat (JKP)", "")
                    case .participant(let nik): (name, region) = ("Peserta \(nik)", String(nik.prefix(4)))
                    }
                    let open: Rupiah = row["open"]
                    result[debtor, default: ArrearsRow(debtor: debtor, name: name, regionCode: region)].add(open, bucket: due.bucket, dueDate: due.date, on: date)
                }
                return result.values.sorted { ($0.debtor.kind, $0.debtor.key) < ($1.debtor.kind, $1.debtor.key) }
            }
        }
    }

    /// One query: the open amount of each employer's own bills computed once (materialised), the largest
    /// debtors picked in SQL, and only their rows bucketed here. The full `arrears(on:)` turns every debtor
    /// of the province into Swift values first (docs/BENCHMARKS.md, quarterly report).
    public func largestEmployerArrears(on date: CalendarDate, region: String, limit: Int) async throws -> [ArrearsRow] {
        guard region.allSatisfy(\.isNumber) else { throw StoreError.invalid("region '\(region)' is not a region code") }
        return try await mapped {
            try await writer.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        WITH o AS MATERIALIZED (
                          \(Self.openAsOf) AND b.debtor_kind = 'employer' AND (:region = '00' OR e.region_code LIKE :region || '%')
                        ), largest AS (
                          SELECT debtor_key, SUM(open) AS total FROM o WHERE open > 0 GROUP BY debtor_key ORDER BY total DESC, debtor_key LIMIT :limit
                        )
                        SELECT o.debtor_key, o.due_date, MIN(o.region_code) AS region_code, MIN(o.name) AS name, SUM(o.open) AS open, l.total
                        FROM o JOIN largest l ON l.debtor_key = o.debtor_key WHERE o.open > 0
                        GROUP BY o.debtor_key, o.due_date
                        """, arguments: ["on": date.iso, "region": region, "limit": limit])
                var result: [String: ArrearsRow] = [:]
                for row in rows {
                    let key: String = row["debtor_key"]
                    let due = try SQLiteRows.date(row["due_date"])
                    result[key, default: ArrearsRow(debtor: .employer(npp: key), name: row["name"], regionCode: row["region_code"])].add(
                        row["open"], bucket: ArrearsBucket.of(dueDate: due, on: date), dueDate: due, on: date)
                }
                return result.values.sorted(by: ArrearsRow.largestFirst)
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

extension ArrearsRow {
    /// Adds an open amount falling due on `dueDate` (overdue when before `date`) in place.
    fileprivate mutating func add(_ open: Rupiah, bucket: ArrearsBucket, dueDate: CalendarDate, on date: CalendarDate) {
        buckets[bucket, default: 0] += open
        if dueDate < date { oldestDueDate = min(oldestDueDate ?? dueDate, dueDate) }
    }
}
