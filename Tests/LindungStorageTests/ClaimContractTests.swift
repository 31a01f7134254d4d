import Foundation
import LindungCore
import LindungStorage
import Testing

/// Claims and the JHT ledger (migration 0009) on every backend.
@Suite("Claim contract: claims, documents, events, JHT ledger")
struct ClaimContractTests {
    typealias F = RegistryFixtures
    typealias B = BillingContractTests

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func claims(_ store: any LindungStore) throws -> any ClaimStore { store }

    static let pdf = ClaimDocumentRecord(
        kind: "death_certificate", fileName: "akta.pdf", contentType: "application/pdf", size: 9,
        sha256: String(repeating: "a", count: 64), path: nil, content: Data("%PDF-1.4\n".utf8))

    static func newClaim(_ id: String, nik: String) -> ClaimRecord {
        ClaimRecord(
            id: id, type: "jkm", detail: "death", nik: nik, eventDate: day("2025-04-10"), submittedBy: "heir.siti", submitterRole: "heir",
            status: "submitted", amount: 42_000_000, payer: "bpjs")
    }

    @Test("a claim's steps: stale status refused, every step in claim_event, documents kept, queue oldest first", arguments: Backend.available)
    func workflow(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await B.seed(store)
            let claims = try Self.claims(store)
            try await claims.submitClaim(Self.newClaim("K-1", nik: B.budi.nik), documents: [Self.pdf], actor: "heir.siti")
            try await claims.submitClaim(Self.newClaim("K-2", nik: B.siti.nik), documents: [], actor: "officer.a")
            var claim = try #require(try await claims.claim(id: "K-1"))
            #expect(claim.nik == B.budi.nik && claim.status == "submitted" && claim.amount == 42_000_000)
            claim.status = "verified"
            claim.verifiedBy = "officer.a"
            try await claims.applyClaimStep(
                claim, expectedStatus: "submitted", event: ClaimEventRecord(action: "verify", actor: "officer.a", statusAfter: "verified", note: nil),
                documents: [])
            // A second officer working from the old status loses: the claim moved on.
            await #expect(throws: StoreError.self) {
                try await claims.applyClaimStep(
                    claim, expectedStatus: "submitted",
                    event: ClaimEventRecord(action: "verify", actor: "officer.b", statusAfter: "verified", note: nil), documents: [])
            }
            // Maker-checker in the schema: the verifier approving is refused even past the workflow.
            var same = claim
            same.status = "approved"
            same.approvedBy = "officer.a"
            await #expect(throws: StoreError.self) {
                try await claims.applyClaimStep(
                    same, expectedStatus: "verified",
                    event: ClaimEventRecord(action: "approve", actor: "officer.a", statusAfter: "approved", note: nil), documents: [])
            }
            #expect(try await claims.claimEvents(id: "K-1").map(\.action) == ["submit", "verify"])
            let documents = try await claims.claimDocuments(id: "K-1")
            #expect(documents.map(\.content) == [Data("%PDF-1.4\n".utf8)])
            #expect(try await claims.claims(status: "submitted", limit: 10).map(\.id) == ["K-2"])
            #expect(try await claims.claims(status: nil, limit: 10).map(\.id) == ["K-1", "K-2"])
        }
    }

    @Test("one JHT ledger across two employers; the year-end return credited once, its rate then fixed", arguments: Backend.available)
    func ledger(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await B.seed(store)
            let claims = try Self.claims(store)
            let nik = B.budi.nik
            #expect(
                try await claims.recordJHTEntries(
                    nik: nik,
                    [
                        JHTEntryRecord(date: Self.day("2024-06-15"), kind: "contribution", amount: 10_000_000, employer: "12345678", reference: "A"),
                        JHTEntryRecord(date: Self.day("2025-03-14"), kind: "contribution", amount: 1_200_000, employer: "55556666", reference: "B"),
                    ]) == 2)
            #expect(
                try await claims.recordJHTEntries(
                    nik: nik, [JHTEntryRecord(date: Self.day("2025-03-14"), kind: "contribution", amount: 1_200_000, employer: "55556666", reference: "B")])
                    == 0)
            await #expect(throws: StoreError.self) { try await claims.postJHTReturn(year: 2025) }
            try await claims.setJHTReturnRate(year: 2025, micropercent: 7_000_000, actor: "admin")
            // 10,000,000 × 12 + 1,200,000 × 9 = 130,800,000; × 7 % / 12 = 763,000 (JHTLedger.yearReturn).
            #expect(try await claims.postJHTReturn(year: 2025) == 1)
            #expect(try await claims.postJHTReturn(year: 2025) == 0)
            let entries = try await claims.jhtEntries(nik: nik)
            #expect(entries.map(\.amount) == [10_000_000, 1_200_000, 763_000])
            #expect(Set(entries.compactMap(\.employer)) == ["12345678", "55556666"])
            #expect(entries.last?.reference == "return:2025" && entries.last?.date == Self.day("2025-12-31"))
            await #expect(throws: StoreError.self) { try await claims.setJHTReturnRate(year: 2025, micropercent: 8_000_000, actor: "admin") }
        }
    }

    @Test("credits from a fully paid employer bill, in the month paid, once", arguments: Backend.available)
    func creditsFromBills(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await B.seed(store)
            let claims = try Self.claims(store)
            _ = try await store.issueBills(try B.request("2025-04", issuedOn: "2025-05-01"))
            let bill = try #require(
                try await store.bills(month: YearMonth(iso: "2025-04")!, employerNPP: "12345678").first { $0.debtor == .employer(npp: "12345678") })
            // Unpaid: nothing is credited.
            #expect(try await claims.creditJHTFromPaidBills(month: bill.month, employerMicropercent: 3_700_000, workerMicropercent: 2_000_000) == 0)
            _ = try await store.postPayment(
                PaymentRequest(billID: bill.id, amount: bill.total, paidOn: Self.day("2025-05-14"), reference: "BANK-J1", actor: "teller"),
                rules: B.rules)
            #expect(try await claims.creditJHTFromPaidBills(month: bill.month, employerMicropercent: 3_700_000, workerMicropercent: 2_000_000) == 3)
            #expect(try await claims.creditJHTFromPaidBills(month: bill.month, employerMicropercent: 3_700_000, workerMicropercent: 2_000_000) == 0)
            // Budi, Rp5,000,000: 3.7 % = 185,000 + 2 % = 100,000 (PP 46/2015), credited on the day paid.
            let budi = try await claims.jhtEntries(nik: B.budi.nik)
            #expect(budi.map(\.amount) == [285_000] && budi.map(\.date) == [Self.day("2025-05-14")])
            #expect(try await claims.jhtEntries(nik: B.siti.nik).map(\.amount) == [444_000 + 240_000])
            // The JHT lines of the bill equal the sum of the credits.
            let jht = bill.lines.filter { $0.program == .jht }.reduce(0) { $0 + $1.amount }
            #expect(jht == 285_000 + 684_000 + 684_000)
        }
    }
}
