import Foundation
import GRDB
public import LindungCore
public import LindungStorage

/// Benefits paid per program for the quarterly report: the day of each paid claim's `pay` step, the person's
/// domicile for the region.
extension SQLiteStore: BenefitTotalsStore {
    public func benefitsPaid(from: CalendarDate, through: CalendarDate, region: String) async throws -> [BenefitPaidTotal] {
        guard region.allSatisfy(\.isNumber) else { throw StoreError.invalid("region '\(region)' is not a region code") }
        return try await mapped {
            try await writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.type, c.payer, COUNT(*) AS claims, SUM(c.amount) AS amount
                        FROM claim c JOIN person p ON p.id = c.person_id
                        JOIN (SELECT claim_id, MIN(substr(at, 1, 10)) AS paid_on FROM claim_event WHERE action = 'pay' GROUP BY claim_id) e
                          ON e.claim_id = c.id
                        WHERE c.status = 'paid' AND e.paid_on BETWEEN :from AND :through
                          AND (:region = '00' OR p.domicile_region LIKE :region || '%')
                        GROUP BY c.type, c.payer ORDER BY c.type, c.payer
                        """, arguments: ["from": from.iso, "through": through.iso, "region": region]
                ).map { BenefitPaidTotal(type: $0["type"], payer: $0["payer"], claims: $0["claims"], amount: $0["amount"]) }
            }
        }
    }
}
