import Foundation
import LindungCore
import LindungStorage
import Testing

/// The quarterly report's "benefits paid" (issue 7 over issue 8's claims), on every backend.
@Suite("Benefit totals contract: paid claims by program, payer, period and region")
struct BenefitTotalsContractTests {
    typealias B = BillingContractTests
    typealias C = ClaimContractTests

    @Test("a paid JKM claim (Rp42,000,000, PP 82/2019) counts on the day it was paid, in its holder's region only; a claim not paid does not", arguments: Backend.available)
    func paidClaims(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await B.seed(store)
            let claims = try C.claims(store)
            let totals = try #require(store as? any BenefitTotalsStore)
            try await claims.submitClaim(C.newClaim("K-1", nik: B.budi.nik), documents: [C.pdf], actor: "heir.siti")
            try await claims.submitClaim(C.newClaim("K-2", nik: B.siti.nik), documents: [], actor: "officer.a")
            var claim = try #require(try await claims.claim(id: "K-1"))
            for (action, from, to, actor) in [("verify", "submitted", "verified", "officer.a"), ("approve", "verified", "approved", "officer.b"), ("pay", "approved", "paid", "cashier")] {
                claim.status = to
                if action == "verify" { claim.verifiedBy = actor }
                if action == "approve" { claim.approvedBy = actor }
                if action == "pay" { claim.paymentReference = "TRF-1" }
                try await claims.applyClaimStep(
                    claim, expectedStatus: from, event: ClaimEventRecord(action: action, actor: actor, statusAfter: to, note: nil), documents: [])
            }
            let paidAt = try #require(try await claims.claimEvents(id: "K-1").first { $0.action == "pay" }?.at)
            let paidOn = try #require(CalendarDate(iso: String(paidAt.prefix(10))))
            let jkm = BenefitPaidTotal(type: "jkm", payer: "bpjs", claims: 1, amount: 42_000_000)
            #expect(try await totals.benefitsPaid(from: paidOn, through: paidOn, region: "36") == [jkm])
            #expect(try await totals.benefitsPaid(from: paidOn.adding(days: -30), through: paidOn, region: "3604") == [jkm])
            #expect(try await totals.benefitsPaid(from: paidOn, through: paidOn, region: "00") == [jkm])
            #expect(try await totals.benefitsPaid(from: paidOn, through: paidOn, region: "3601").isEmpty)
            #expect(try await totals.benefitsPaid(from: paidOn.adding(days: 1), through: paidOn.adding(days: 90), region: "36").isEmpty)
        }
    }
}
