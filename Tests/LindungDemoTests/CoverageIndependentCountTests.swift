import Foundation
import GRDB
import LindungCore
import LindungDemo
import LindungStorage
import Testing

@testable import LindungStorageSQLite

/// Issue 7: the maintained coverage aggregate (`coverage_month`, one set-based statement with window
/// functions, CoverageSQL.swift) checked against a count made independently: plain rows read from the
/// registry and counted here in Swift, the active rule applied through `ActiveParticipantRule.allows`
/// per bill rather than as the aggregate's cut-off date.
@Suite("Coverage aggregate against an independent count")
struct CoverageIndependentCountTests {
    static let december = YearMonth(year: 2025, month: 12)

    @Test("a generated province billed July–December, a third of the employers paying: enrolled and active by regency and segment agree")
    func aggregateAgreesWithIndependentCount() async throws {
        let (generated, _) = try await DemoFixture.generated(DemoFixture.configuration(workers: 3_000, seed: 7))
        let store = try #require(generated as? SQLiteStore)
        let rules = try RuleSet()
        let holidays = DemoFixture.reference.holidays
        for month in 7...12 {
            let billed = YearMonth(year: 2025, month: month)
            _ = try await store.issueBills(
                try BillingRequest(
                    month: billed, employerNPP: nil, issuedOn: billed.adding(months: 1).firstDay, actor: "test", rules: rules, holidays: holidays))
            // Every third employer (by NPP) pays its own bills on the due date; the others never pay.
            for bill in try await store.bills(month: billed, employerNPP: nil) where bill.debtor.kind == "employer" {
                guard let number = Int(bill.debtor.key), number % 3 == 0, bill.total > 0 else { continue }
                _ = try await store.postPayment(
                    PaymentRequest(billID: bill.id, amount: bill.total, paidOn: bill.dueDate, reference: "PAY-\(bill.id)", actor: "test"), rules: rules)
            }
        }
        _ = try await store.refreshCoverage(month: Self.december)
        let counts = try #require(try await store.coverageCounts(month: Self.december, region: "36"))

        var aggregate: [Key: Tally] = [:]
        for row in counts.rows {
            aggregate[Key(region: row.regionCode, segment: row.segment), default: Tally()].add(enrolled: row.enrolled, active: row.active)
        }
        let independent = try await Self.independentCount(store)
        #expect(aggregate == independent)
        // The fixture must exercise both sides of the rule, or the comparison proves little.
        let totals = independent.values.reduce(into: Tally()) { $0.add(enrolled: $1.enrolled, active: $1.active) }
        #expect(totals.active > 0 && totals.active < totals.enrolled, "some participants active, some lapsed: \(totals)")
        #expect(Set(independent.keys.map(\.segment)).count >= 3)
        // Persons by primary segment: each enrolled person counted once.
        let persons = counts.rows.reduce(0) { $0 + $1.enrolledPersons }
        #expect(persons == Set(try await Self.spells(store).map(\.person)).count)
    }

    struct Key: Hashable, CustomStringConvertible {
        let region: String
        let segment: Segment
        var description: String { "\(region)/\(segment.rawValue)" }
    }

    struct Tally: Equatable, CustomStringConvertible {
        var enrolled = 0
        var active = 0
        mutating func add(enrolled: Int, active: Int) {
            self.enrolled += enrolled
            self.active += active
        }
        var description: String { "\(active)/\(enrolled)" }
    }

    struct SpellRow {
        let id: Int64
        let person: Int64
        let employer: Int64
        let segment: Segment
        let region: String
    }

    static func spells(_ store: SQLiteStore) async throws -> [SpellRow] {
        let month = december
        return try await store.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.person_id, s.employer_id, s.segment, p.domicile_region FROM spell s JOIN person p ON p.id = s.person_id
                    WHERE s.start_date <= ? AND (s.end_date IS NULL OR s.end_date >= ?)
                    """, arguments: [month.lastDay.iso, month.firstDay.iso]
            ).map { SpellRow(id: $0[0], person: $0[1], employer: $0[2], segment: Segment(rawValue: $0[3])!, region: $0[4]) }
        }
    }

    /// Distinct persons per domicile and segment with a spell covering December, and of them those with a
    /// spell whose employer owes nothing overdue beyond the allowed arrears on 31 December (or a BPU month
    /// paid ahead).
    static func independentCount(_ store: SQLiteStore) async throws -> [Key: Tally] {
        let on = december.lastDay
        let spells = try await spells(store)
        let (bills, paid, prepaid) = try await store.writer.read { db in
            let bills = try Row.fetchAll(
                db, sql: "SELECT id, employer_id, total, issued_on, due_date FROM bill WHERE debtor_kind IN ('employer', 'region')")
            var paid: [Int64: Int64] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT a.bill_id, a.amount, COALESCE(p.paid_on, c.issued_on) AS on_day FROM allocation a
                    LEFT JOIN payment p ON p.id = a.payment_id LEFT JOIN bill c ON c.id = a.credit_bill_id
                    """)
            where (row["on_day"] as String) <= on.iso {
                paid[row["bill_id"], default: 0] += row["amount"] as Int64
            }
            let prepaid = Set(try Int64.fetchAll(db, sql: "SELECT spell_id FROM bpu_prepaid WHERE month = ?", arguments: [december.description]))
            return (bills, paid, prepaid)
        }
        var lapsed = Set<Int64>()
        for bill in bills {
            let total: Int64 = bill["total"]
            guard total > 0, let issued = CalendarDate(iso: bill["issued_on"] as String), issued <= on, let due = CalendarDate(iso: bill["due_date"] as String) else { continue }
            if (paid[bill["id"]] ?? 0) < total, !ActiveParticipantRule.allows(oldestUnpaidDueDate: due, on: on) { lapsed.insert(bill["employer_id"]) }
        }
        var enrolled: [Key: Set<Int64>] = [:]
        var active: [Key: Set<Int64>] = [:]
        for spell in spells {
            let key = Key(region: spell.region, segment: spell.segment)
            enrolled[key, default: []].insert(spell.person)
            if !lapsed.contains(spell.employer) || prepaid.contains(spell.id) { active[key, default: []].insert(spell.person) }
        }
        return enrolled.mapValues { Tally(enrolled: $0.count) }.reduce(into: [:]) { result, entry in
            result[entry.key] = Tally(enrolled: entry.value.enrolled, active: active[entry.key]?.count ?? 0)
        }
    }
}
