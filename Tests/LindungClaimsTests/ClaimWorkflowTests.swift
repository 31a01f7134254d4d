import LindungClaims
import Testing

/// The maker-checker workflow (issue 8): verified by one officer, approved by a different one.
@Suite("Claim workflow")
struct ClaimWorkflowTests {
    @Test("the officer who verified cannot approve; another officer can; then paid")
    func makerChecker() throws {
        var claim = ClaimWorkflow()
        try claim.verify(by: "officer.a", missingDocuments: [], eligible: true)
        #expect(throws: ClaimWorkflowError.self) { try claim.approve(by: "officer.a") }
        #expect(claim.status == .verified)
        try claim.approve(by: "officer.b")
        #expect(claim.approvedBy == "officer.b")
        try claim.pay(by: "officer.c", reference: "TRF-001")
        #expect(claim.status == .paid)
        #expect(throws: ClaimWorkflowError.self) { try claim.reject(by: "officer.a", reason: "late") }
    }

    @Test("out of order steps are refused: approve before verify, pay before approve")
    func order() throws {
        var claim = ClaimWorkflow()
        #expect(throws: ClaimWorkflowError.self) { try claim.approve(by: "officer.b") }
        #expect(throws: ClaimWorkflowError.self) { try claim.pay(by: "officer.b", reference: "X") }
        #expect(throws: ClaimWorkflowError.self) { try claim.verify(by: "officer.a", missingDocuments: [.bankBook], eligible: true) }
        #expect(throws: ClaimWorkflowError.self) { try claim.verify(by: "officer.a", missingDocuments: [], eligible: false) }
        #expect(claim.status == .submitted)
    }

    @Test("a rejected claim is re-submitted: a new round, verified and approved again")
    func resubmission() throws {
        var claim = ClaimWorkflow()
        try claim.verify(by: "officer.a", missingDocuments: [], eligible: true)
        #expect(throws: ClaimWorkflowError.self) { try claim.reject(by: "officer.b", reason: "  ") }
        try claim.reject(by: "officer.b", reason: "bank book unreadable")
        #expect(claim.status == .rejected)
        #expect(claim.rejectionReason == "bank book unreadable")
        try claim.resubmit(by: "heir.siti")
        #expect(claim.status == .submitted)
        #expect(claim.round == 2)
        #expect(claim.verifiedBy == nil)
        try claim.verify(by: "officer.b", missingDocuments: [], eligible: true)
        try claim.approve(by: "officer.a")
        #expect(claim.status == .approved)
    }
}
