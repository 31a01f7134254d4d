import LindungCore
import LindungStorage
import Testing

/// The region's compliance overview on every backend: open findings counted by kind and stage in one grouped
/// read, the cured ones, and the list to act on with the earliest deadline first, scoped by region code.
@Suite("Compliance contract: the region's overview")
struct ComplianceOverviewContractTests {
    typealias C = ComplianceContractTests

    @Test("counts by kind and stage, cured findings, the list by next deadline, scoped to the region", arguments: Backend.available)
    func overview(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            // Given the contract's seed scanned on 16 May (5 findings) and 2 June (the arrears), and the ladder
            // moved on 4 June: the five May findings (due 2 June) entered the second warning on 3 June
            try await C.seed(store)
            _ = try await C.scan(store, on: "2025-05-16")
            _ = try await C.scan(store, on: "2025-06-02")
            _ = try await store.advanceSanctions(on: C.day("2025-06-04"), ladder: C.ladder, actor: "officer")
            // And PT Maju Jaya's licence now reports 3 employees: its PDS-TK is cured on 10 June
            _ = try await store.saveLicences(
                [BusinessLicence(nib: "1234567890123", name: "PT Maju Jaya", regionCode: "3604", sector: "10710", headcount: 3)], actor: "test")
            _ = try await C.scan(store, on: "2025-06-10")

            let overview = try await store.complianceOverview(region: "3604", limit: 100)
            #expect(overview.open == 5 && overview.cured == 1)
            #expect(overview.counts[.partialWorkers] == [.warning2: 1], "the agency's; the company's is cured")
            #expect(overview.counts[.notRegistered] == [.warning2: 1])
            #expect(overview.counts[.arrears] == [.warning1: 1])
            #expect(overview.count(stage: .warning2) == 4 && overview.count(stage: .warning1) == 1)
            // The arrears' first warning from 2 June runs to 17 June; the second warnings from 3 June to 18 June
            // (Idul Adha, Friday 6 June, skipped; cuti bersama 9 June counts): by deadline, then region, subject, kind
            #expect(overview.toAct.map(\.finding.position.dueOn) == [C.day("2025-06-17")] + Array(repeating: C.day("2025-06-18"), count: 4))
            #expect(overview.toAct.map(\.finding.kind) == [.arrears, .partialPrograms, .partialWages, .partialWorkers, .notRegistered])
            #expect(overview.toAct.map(\.finding.subject) == ["12345678", "12345678", "12345678", "87654321", "9999999999999"])
            #expect(overview.toAct.last?.name == "CV Tanpa Daftar")
            #expect(overview.toAct.first?.name == "PT Maju Jaya")
            #expect(try await store.complianceOverview(region: "3604", limit: 2).toAct.count == 2)
            #expect(try await store.complianceOverview(region: "36", limit: 100).open == 5)
            let elsewhere = try await store.complianceOverview(region: "3201", limit: 100)
            #expect(elsewhere.open == 0 && elsewhere.cured == 0 && elsewhere.toAct.isEmpty)
        }
    }

    @Test("advancing one region's ladder moves its findings and no other region's", arguments: Backend.available)
    func advanceOneRegion(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            // Given the seed's findings in 3604 and an unregistered business of 50 in 3201, all opened 2 June
            try await C.seed(store)
            _ = try await C.scan(store, on: "2025-06-02", region: nil)
            #expect(try await store.openFindings(region: "3201", limit: 10).count == 1)
            // When Kabupaten Bogor (3201) is advanced on 18 June (the first warnings ran out on 17 June)
            let bogor = try await store.advanceSanctions(on: C.day("2025-06-18"), ladder: C.ladder, actor: "officer", region: "3201")
            // Then only its finding took the step; Kabupaten Serang's still stand at the first warning
            #expect(bogor.map(\.subject) == ["7777777777777"] && bogor.first?.stage == .warning2)
            #expect(try await store.complianceOverview(region: "3604", limit: 100).count(stage: .warning1) == 6)
            let serang = try await store.advanceSanctions(on: C.day("2025-06-18"), ladder: C.ladder, actor: "officer", region: "36")
            #expect(serang.count == 6 && serang.allSatisfy { $0.stage == .warning2 })
            #expect(try await store.advanceSanctions(on: C.day("2025-06-18"), ladder: C.ladder, actor: "officer", region: nil).isEmpty)
        }
    }
}
