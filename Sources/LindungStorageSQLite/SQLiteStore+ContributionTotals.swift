import Foundation
import GRDB
public import LindungCore
public import LindungStorage

/// Contributions billed and paid per month for a region (the quarterly report): one grouped query.
extension SQLiteStore: ContributionTotalsStore {
    public func contributionTotals(months: [YearMonth], region: String, paidBy: CalendarDate) async throws -> [ContributionMonthTotals] {
        guard !months.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: months.count).joined(separator: ", ")
        var values = months.map(\.description)
        let regionFilter = region == "00" ? "" : "AND (e.region_code = ? OR e.region_code LIKE ? || '%')"
        if region != "00" { values += [region, region] }
        values.append(paidBy.iso)
        let arguments = StatementArguments(values)
        return try await mapped {
            try await writer.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        WITH b AS (
                          SELECT b.id, b.month, b.workers, b.contribution, b.fine, b.total, b.kind FROM bill b
                          JOIN employer e ON e.id = b.employer_id
                          WHERE b.month IN (\(placeholders)) \(regionFilter)
                        ), paid AS (
                          SELECT a.bill_id, SUM(a.amount) AS amount FROM allocation a
                          LEFT JOIN payment p ON p.id = a.payment_id LEFT JOIN bill c ON c.id = a.credit_bill_id
                          WHERE a.bill_id IN (SELECT id FROM b) AND COALESCE(p.paid_on, c.issued_on) <= ?
                          GROUP BY a.bill_id
                        )
                        SELECT b.month, SUM(b.kind <> 'adjustment') AS bills, SUM(CASE WHEN b.kind = 'regular' THEN b.workers ELSE 0 END) AS workers,
                          SUM(b.contribution) AS contribution, SUM(b.fine) AS fine, SUM(b.total) AS total, COALESCE(SUM(paid.amount), 0) AS paid
                        FROM b LEFT JOIN paid ON paid.bill_id = b.id
                        GROUP BY b.month ORDER BY b.month
                        """, arguments: arguments)
                var byMonth: [String: ContributionMonthTotals] = [:]
                for row in rows {
                    let text: String = row["month"]
                    guard let month = YearMonth(iso: text) else { continue }
                    byMonth[text] = ContributionMonthTotals(
                        month: month, bills: row["bills"], workers: row["workers"], contribution: row["contribution"], fine: row["fine"],
                        total: row["total"], paid: row["paid"])
                }
                return months.map {
                    byMonth[$0.description] ?? ContributionMonthTotals(month: $0, bills: 0, workers: 0, contribution: 0, fine: 0, total: 0, paid: 0)
                }
            }
        }
    }
}
