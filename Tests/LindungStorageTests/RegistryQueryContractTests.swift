import LindungCore
import LindungStorage
import Testing

@Suite("Registry contract: employers, agencies and queries")
struct RegistryQueryContractTests {
    typealias F = RegistryFixtures

    @Test("employers: NPP generated when missing, changes audited, NIB unique", arguments: Backend.available)
    func employers(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            let company = try #require(try await store.employer(npp: "12345678"))
            #expect(company.record.name == "PT Maju Jaya")
            #expect(company.record.branchCode == "KC-SRG")

            var renamed = F.company
            renamed.name = "PT Maju Jaya Abadi"
            renamed.riskClass = 3
            let newcomer = EmployerRecord(npp: nil, kind: .company, name: "CV Baru", regionCode: "3673", riskClass: 1, sizeClass: .micro)
            let summary = try await store.importEmployers(
                EmployerImportPlan(rows: [.init(line: 2, record: renamed), .init(line: 3, record: newcomer)], partial: false, actor: "test"))
            #expect(summary.updated == 1 && summary.created == 1)
            #expect(try await store.employer(npp: "12345678")?.record.riskClass == 3)
            let trail = try await store.auditTrail(entity: .employer, key: "12345678")
            #expect(trail.map(\.action) == ["create", "update"])
            #expect(trail.last?.before?.contains("PT Maju Jaya") == true)
            #expect(trail.last?.after?.contains("Abadi") == true)

            var clash = newcomer
            clash.name = "CV Lain"
            clash.nib = F.company.nib
            let refused = try await store.importEmployers(EmployerImportPlan(rows: [.init(line: 2, record: clash)], partial: false, actor: "test"))
            #expect(refused.refused)
            #expect(refused.errors.first?.column == "NIB")
        }
    }

    @Test("an agency's non-ASN: roster against registered staff by category", arguments: Backend.available)
    func nonASN(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            try await store.saveRoster(
                NonASNRoster(agencyNPP: "87654321", asOf: CalendarDate(iso: "2025-01-01")!, headcount: [.honorer: 3, .thl: 2, .ptt: 1]),
                actor: "test")
            let rows = [
                F.row(2, F.person(11, name: "Ahmad", sex: .male), wage: 1_500_000, category: .honorer, programs: [.jkk, .jkm]),
                F.row(3, F.person(12, name: "Wati", sex: .female), wage: 1_500_000, category: .honorer, programs: [.jkk, .jkm]),
                F.row(4, F.person(13, name: "Joko", sex: .male), wage: 2_000_000, category: .thl, programs: [.jkk, .jkm]),
            ]
            let summary = try await store.importWorkers(F.plan(rows, npp: "87654321"))
            #expect(summary.errors.isEmpty && summary.created == 3)
            let status = try await store.nonASNStatus(agency: "87654321", on: CalendarDate(iso: "2025-04-01")!)
            #expect(status.rosterTotal == 6)
            #expect(status.registeredTotal == 3)
            #expect(status.registered[.honorer] == 2 && status.registered[.thl] == 1 && status.registered[.ptt] == nil)
            #expect(status.workers.map(\.person.record.name) == ["Ahmad", "Joko", "Wati"])
            await #expect(throws: StoreError.self) { _ = try await store.nonASNStatus(agency: "12345678", on: CalendarDate(iso: "2025-04-01")!) }
        }
    }

    @Test("find a person by NIK or by part of the name", arguments: Backend.available)
    func search(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            let rows = [F.row(2, F.person(1, name: "Siti Aminah", sex: .female)), F.row(3, F.person(2, name: "Budi Santoso")),
                        F.row(4, F.person(3, name: "Aminah Lubis", sex: .female))]
            _ = try await store.importWorkers(F.plan(rows))
            #expect(try await store.searchPersons(name: "aminah", limit: 10).map(\.record.name) == ["Aminah Lubis", "Siti Aminah"])
            #expect(try await store.searchPersons(name: "aminah", limit: 1).count == 1)
            #expect(try await store.searchPersons(name: "100%", limit: 10).isEmpty)
            #expect(try await store.person(nik: "3604010101900999") == nil)
        }
    }

    @Test("agreements are stored and replaced by number", arguments: Backend.available)
    func agreements(backend: Backend) async throws {
        try await withStore(backend) { store in
            let agreement = Agreement(
                number: "PKS/001/2025", kind: .pks, regionCode: "3604", counterpart: "BPJS Ketenagakerjaan Cabang Serang", group: .nonASN,
                programs: [.jkk, .jkm], effectiveFrom: CalendarDate(iso: "2025-01-01")!, effectiveTo: CalendarDate(iso: "2025-12-31")!)
            try await store.saveAgreement(agreement, actor: "test")
            var extended = agreement
            extended.effectiveTo = CalendarDate(iso: "2026-12-31")!
            try await store.saveAgreement(extended, actor: "test")
            var backwards = agreement
            backwards.number = "PKS/002/2025"
            backwards.effectiveTo = CalendarDate(iso: "2024-12-31")!
            await #expect(throws: StoreError.self) { try await store.saveAgreement(backwards, actor: "test") }
        }
    }
}
