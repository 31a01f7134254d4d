public import LindungCore
public import LindungStorage
import PostgresNIO

/// Benefits paid per program for the quarterly report (see SQLiteStore+BenefitTotals.swift).
extension PostgresStore: BenefitTotalsStore {
    public func benefitsPaid(from: CalendarDate, through: CalendarDate, region: String) async throws -> [BenefitPaidTotal] {
        guard region.allSatisfy(\.isNumber) else { throw StoreError.invalid("region '\(region)' is not a region code") }
        return try await read { db in
            var binds = PostgresBindings()
            binds.append(from.iso)
            binds.append(through.iso)
            binds.append(region)
            let rows = try await db.rows(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT c.type, c.payer, count(*)::bigint, sum(c.amount)::bigint
                        FROM claim c JOIN person p ON p.id = c.person_id
                        JOIN (SELECT claim_id, min(substr(at, 1, 10)) AS paid_on FROM claim_event WHERE action = 'pay' GROUP BY claim_id) e
                          ON e.claim_id = c.id
                        WHERE c.status = 'paid' AND e.paid_on BETWEEN $1 AND $2
                          AND ($3 = '00' OR p.domicile_region LIKE $3 || '%')
                        GROUP BY c.type, c.payer ORDER BY c.type, c.payer
                        """, binds: binds))
            var totals: [BenefitPaidTotal] = []
            for row in rows {
                let (type, payer, claims, amount) = try row.decode((String, String, Int64, Int64).self)
                totals.append(BenefitPaidTotal(type: type, payer: payer, claims: Int(claims), amount: amount))
            }
            return totals
        }
    }
}
