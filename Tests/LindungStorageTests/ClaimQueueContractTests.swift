import Foundation
import LindungCore
import LindungStorage
import Testing

/// `ClaimQueueStore`: claim lists by status, person and scope, oldest first, paged, on every backend.
@Suite("Claim contract: the queue by status, person and scope")
struct ClaimQueueContractTests {
    typealias F = RegistryFixtures
    typealias B = BillingContractTests

    /// A second branch office (Tangerang, 3603) with a company and Dewi, who lives there.
    static let tangerang = EmployerRecord(
        npp: "11112222", kind: .company, name: "CV Sinar Tangerang", regionCode: "3603", riskClass: 1, sizeClass: .small, branchCode: "KC-TGR")
    static let dewi = PersonRecord(
        nik: F.nik(born: CalendarDate(iso: "1995-07-21")!, sex: .female, serial: 7), name: "Dewi", birthDate: CalendarDate(iso: "1995-07-21")!,
        sex: .female, domicileRegion: "3603")

    static func ids(_ store: any LindungStore, _ query: ClaimQuery, limit: Int = 10, offset: Int = 0) async throws -> [String] {
        try await store.claims(query, limit: limit, offset: offset).map(\.id)
    }

    @Test("status, NIK, branch, employer and region filters; oldest first; limit and offset", arguments: Backend.available)
    func queue(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await B.seed(store)
            try await store.saveBranchOffices([BranchOffice(code: "KC-TGR", name: "Kantor Cabang Tangerang", kind: .kc, regionCodes: ["3603"])], actor: "test")
            _ = try await store.importEmployers(EmployerImportPlan(rows: [.init(line: 2, record: Self.tangerang)], partial: false, actor: "test"))
            _ = try await store.importWorkers(F.plan([F.row(2, Self.dewi, wage: 4_500_000)], npp: "11112222"))
            for (id, nik) in [("K-1", B.budi.nik), ("K-2", Self.dewi.nik), ("K-3", B.siti.nik)] {
                try await store.submitClaim(ClaimContractTests.newClaim(id, nik: nik), documents: [], actor: "officer")
            }
            var third = try #require(try await store.claim(id: "K-3"))
            third.status = "verified"
            third.verifiedBy = "officer.a"
            try await store.applyClaimStep(
                third, expectedStatus: "submitted", event: ClaimEventRecord(action: "verify", actor: "officer.a", statusAfter: "verified", note: nil),
                documents: [])
            #expect(try await Self.ids(store, ClaimQuery()) == ["K-1", "K-2", "K-3"])
            #expect(try await Self.ids(store, ClaimQuery(statuses: ["submitted"])) == ["K-1", "K-2"])
            #expect(try await Self.ids(store, ClaimQuery(statuses: ["verified", "approved"])) == ["K-3"])
            #expect(try await Self.ids(store, ClaimQuery(nik: B.budi.nik)) == ["K-1"])
            // Scope: the branch, the employer and the region of the person's spells (and where they live)
            #expect(try await Self.ids(store, ClaimQuery(branchCode: "KC-SRG")) == ["K-1", "K-3"])
            #expect(try await Self.ids(store, ClaimQuery(branchCode: "KC-TGR")) == ["K-2"])
            #expect(try await Self.ids(store, ClaimQuery(branchCode: "KC-XXX")).isEmpty)
            #expect(try await Self.ids(store, ClaimQuery(employerNPP: "12345678")) == ["K-1", "K-3"])
            #expect(try await Self.ids(store, ClaimQuery(employerNPP: "87654321")).isEmpty)
            #expect(try await Self.ids(store, ClaimQuery(regionPrefix: "3603")) == ["K-2"])
            #expect(try await Self.ids(store, ClaimQuery(regionPrefix: "36")) == ["K-1", "K-2", "K-3"])
            #expect(try await Self.ids(store, ClaimQuery(statuses: ["submitted"], branchCode: "KC-SRG")) == ["K-1"])
            // Pages, and the submission cut-off (the overdue filter)
            #expect(try await Self.ids(store, ClaimQuery(), limit: 1, offset: 1) == ["K-2"])
            #expect(try await Self.ids(store, ClaimQuery(), limit: 5, offset: 3).isEmpty)
            #expect(try await Self.ids(store, ClaimQuery(submittedBefore: "2000-01-01")).isEmpty)
            #expect(try await Self.ids(store, ClaimQuery(submittedBefore: "2999-01-01")) == ["K-1", "K-2", "K-3"])
        }
    }
}
