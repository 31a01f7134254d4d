import Foundation
import LindungCore
import LindungStorage
import Testing

/// What the server's document upload does (`ClaimDesk.attach`): a step that keeps the claim's status,
/// adds the documents and writes a `submit` event naming them; refused when the claim has moved on.
@Suite("Claim contract: documents added without a status change")
struct ClaimDocumentStepContractTests {
    typealias B = BillingContractTests

    @Test("documents attach to a submitted and to a rejected claim with their event; a stale status is refused", arguments: Backend.available)
    func attach(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await B.seed(store)
            try await store.submitClaim(ClaimContractTests.newClaim("K-9", nik: B.budi.nik), documents: [], actor: "heir.siti")
            var claim = try #require(try await store.claim(id: "K-9"))
            // Given a submitted claim, When a document is added with the status unchanged
            try await store.applyClaimStep(
                claim, expectedStatus: "submitted",
                event: ClaimEventRecord(action: "submit", actor: "server:kc-serang", statusAfter: "submitted", note: "documents added: death_certificate (akta.pdf)"),
                documents: [ClaimContractTests.pdf])
            #expect(try await store.claim(id: "K-9") == claim)
            #expect(try await store.claimDocuments(id: "K-9").map(\.fileName) == ["akta.pdf"])
            // A rejected claim takes documents too (before it is re-submitted)
            claim.status = "rejected"
            claim.rejectionReason = "KTP missing"
            try await store.applyClaimStep(
                claim, expectedStatus: "submitted", event: ClaimEventRecord(action: "reject", actor: "officer.a", statusAfter: "rejected", note: "KTP missing"),
                documents: [])
            let ktp = ClaimDocumentRecord(
                kind: "identity_card", fileName: "ktp.png", contentType: "image/png", size: 8, sha256: String(repeating: "b", count: 64), path: nil,
                content: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            try await store.applyClaimStep(
                claim, expectedStatus: "rejected",
                event: ClaimEventRecord(action: "submit", actor: "employer", statusAfter: "rejected", note: "documents added: identity_card (ktp.png)"),
                documents: [ktp])
            #expect(try await store.claimDocuments(id: "K-9").map(\.kind) == ["death_certificate", "identity_card"])
            #expect(try await store.claimEvents(id: "K-9").map(\.action) == ["submit", "submit", "reject", "submit"])
            // Working from a status the claim no longer has adds nothing
            await #expect(throws: StoreError.self) {
                try await store.applyClaimStep(
                    claim, expectedStatus: "submitted", event: ClaimEventRecord(action: "submit", actor: "x", statusAfter: "submitted", note: "late"),
                    documents: [ktp])
            }
            #expect(try await store.claimDocuments(id: "K-9").count == 2)
        }
    }
}
