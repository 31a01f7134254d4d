import LindungCore
import LindungStorage
import Testing

/// The quarterly report's contributions per region and month, against the bills read one by one.
@Suite("Contribution totals contract: billed and collected per region and month")
struct ContributionTotalsContractTests {
    typealias B = BillingContractTests

    @Test("April 2025 in Banten equals the sum of its bills; what was paid counts from its payment day; another province has none", arguments: Backend.available)
    func totals(backend: Backend) async throws {
        try await withStore(backend) { store in
            let totalsStore = try #require(store as? any ContributionTotalsStore)
            try await B.seed(store)
            _ = try await store.issueBills(try B.request("2025-04", issuedOn: "2025-05-01"))
            let april = B.month("2025-04")
            let bills = try await store.bills(month: april, employerNPP: nil)
            #expect(!bills.isEmpty)
            let employerBill = try #require(bills.first { $0.employerNPP == "12345678" && $0.debtor.kind == "employer" })
            _ = try await store.postPayment(
                PaymentRequest(billID: employerBill.id, amount: 1_000_000, paidOn: B.day("2025-06-15"), reference: "BANK-T1", actor: "teller"), rules: B.rules)

            let before = try await totalsStore.contributionTotals(months: [april, B.month("2025-05")], region: "36", paidBy: B.day("2025-06-14"))
            #expect(before.map(\.month) == [april, B.month("2025-05")])
            #expect(before[0].bills == bills.count)
            #expect(before[0].total == bills.reduce(0) { $0 + $1.total })
            #expect(before[0].contribution == bills.reduce(0) { $0 + $1.contribution })
            #expect(before[0].workers == bills.reduce(0) { $0 + $1.workers })
            #expect(before[0].paid == 0)
            #expect(before[1].bills == 0 && before[1].total == 0)

            let after = try await totalsStore.contributionTotals(months: [april], region: "36", paidBy: B.day("2025-06-30"))
            #expect(after[0].paid == 1_000_000)
            #expect(after[0].open == after[0].total - 1_000_000)
            let national = try await totalsStore.contributionTotals(months: [april], region: "00", paidBy: B.day("2025-06-30"))
            #expect(national == after)
            let jakarta = try await totalsStore.contributionTotals(months: [april], region: "31", paidBy: B.day("2025-06-30"))
            #expect(jakarta[0].bills == 0 && jakarta[0].total == 0 && jakarta[0].paid == 0)
        }
    }
}
