import LindungClaims
import LindungCore
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

@Suite("Claim details and documents")
struct ClaimDetailTests {
    @Test("details read back; documents checked by magic bytes and size")
    func roundTrip() throws {
        for benefit in [ClaimBenefit.jkk(.stmb(monthsOff: 3)), .jkk(.disability(partialPercent: nil)), .jht(.partial(percent: .percent(10))), .jkm] {
            #expect(try ClaimBenefit(type: benefit.type, detail: benefit.detail) == benefit)
        }
        #expect(try ClaimDocumentCheck.contentType(of: Array("%PDF-1.7".utf8), fileName: "a.pdf") == "application/pdf")
        #expect(throws: DomainError.self) { try ClaimDocumentCheck.contentType(of: Array("MZ....".utf8), fileName: "a.pdf") }
        #expect(throws: DomainError.self) { try ClaimDocumentCheck.contentType(of: [0xFF, 0xD8, 0xFF, 0, 0], fileName: "a.jpg", maxBytes: 4) }
    }

    @Test("JKP record from covered months: 12 of 24, consecutive run before the layoff")
    func jkpRecord() {
        let months = ContributionMonths(
            spans: [(CalendarDate(iso: "2023-01-01")!, CalendarDate(iso: "2023-12-31")!), (CalendarDate(iso: "2024-10-01")!, nil)],
            through: CalendarDate(iso: "2025-03-10")!)
        let record = months.jkpRecord(layoff: CalendarDate(iso: "2025-03-10")!)
        #expect(record.consecutiveMonths == 6)  // Oct 2024 - Mar 2025
        #expect(record.monthsInWindow == 6 + 9)  // Apr-Dec 2023 and Oct 2024-Mar 2025
    }
}
