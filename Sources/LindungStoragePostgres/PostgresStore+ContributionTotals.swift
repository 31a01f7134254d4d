public import LindungCore
public import LindungStorage
import PostgresNIO

/// Contributions billed and paid per month for a region (the quarterly report): one grouped query.
extension PostgresStore: ContributionTotalsStore {
    public func contributionTotals(months: [YearMonth], region: String, paidBy: CalendarDate) async throws -> [ContributionMonthTotals] {
        guard !months.isEmpty else { return [] }
        return try await read { db in
            var binds = PostgresBindings()
            binds.append(months.map(\.description))
            binds.append(paidBy.iso)
            binds.append(region)
            let rows = try await db.rows(
                PostgresQuery(
                    unsafeSQL: """
                        WITH b AS (
                          SELECT b.id, b.month, b.workers, b.contribution, b.fine, b.total, b.kind FROM bill b
                          JOIN employer e ON e.id = b.employer_id
                          WHERE b.month = ANY($1::text[]) AND ($3 = '00' OR e.region_code = $3 OR e.region_code LIKE $3 || '%')
                        ), paid AS (
                          SELECT a.bill_id, sum(a.amount) AS amount FROM allocation a
                          LEFT JOIN payment p ON p.id = a.payment_id LEFT JOIN bill c ON c.id = a.credit_bill_id
                          WHERE a.bill_id IN (SELECT id FROM b) AND coalesce(p.paid_on, c.issued_on) <= $2::date
                          GROUP BY a.bill_id
                        )
                        SELECT b.month, count(*) FILTER (WHERE b.kind <> 'adjustment')::bigint,
                          coalesce(sum(b.workers) FILTER (WHERE b.kind = 'regular'), 0)::bigint,
                          sum(b.contribution)::bigint, sum(b.fine)::bigint, sum(b.total)::bigint, coalesce(sum(paid.amount), 0)::bigint
                        FROM b LEFT JOIN paid ON paid.bill_id = b.id
                        GROUP BY b.month ORDER BY b.month
                        """, binds: binds))
            var byMonth: [String: ContributionMonthTotals] = [:]
            for row in rows {
                let (text, bills, workers, contribution, fine, total, paid) = try row.decode((String, Int64, Int64, Int64, Int64, Int64, Int64).self)
                guard let month = YearMonth(iso: text) else { continue }
                byMonth[text] = ContributionMonthTotals(
                    month: month, bills: Int(bills), workers: Int(workers), contribution: contribution, fine: fine, total: total, paid: paid)
            }
            return months.map {
                byMonth[$0.description] ?? ContributionMonthTotals(month: $0, bills: 0, workers: 0, contribution: 0, fine: 0, total: 0, paid: 0)
            }
        }
    }
}
