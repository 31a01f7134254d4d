import Foundation
import GRDB
import LindungCore
import LindungStorage
@testable import LindungStorageSQLite
import Testing

/// The server's hot reads on a SQLite file go through `SQLiteReadConnections` (read-only connections used on
/// the caller's thread, statements compiled once); these tests hold them equal to the GRDB path they replace.
@Suite("SQLite fast read path: same answers as the GRDB pool")
struct SQLiteFastReadTests {
    typealias F = RegistryFixtures
    static let created = Date(timeIntervalSince1970: 1_745_000_000.25)

    /// A migrated store on a file in a fresh temporary directory, removed afterwards.
    func withFileStore(snapshotLifetime: Duration = .milliseconds(10), _ body: (SQLiteStore) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-fast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("registry.sqlite").path, now: fixedNow, snapshotLifetime: snapshotLifetime)
        _ = try await store.migrate()
        #expect(store.reads != nil)
        try await body(store)
        await store.close()
    }

    @Test("an employer by NPP: with and without NIB, NPWP, parent region and branch; unknown NPP is nil")
    func employers() async throws {
        try await withFileStore { store in
            try await F.seed(store)
            let loose = EmployerRecord(npp: "11112222", kind: .company, name: "CV Tanpa Cabang", regionCode: "3673", riskClass: 1, sizeClass: .micro)
            _ = try await store.importEmployers(EmployerImportPlan(rows: [.init(line: 2, record: loose)], partial: false, actor: "test"))
            for npp in ["12345678", "87654321", "11112222"] {
                let fast = try #require(try await store.employer(npp: npp))
                #expect(fast == (try await store.employerThroughPool(npp: npp)))
            }
            let agency = try #require(try await store.employer(npp: "87654321"))
            #expect(agency.record.nib == nil && agency.record.parentRegionCode == "3604" && agency.record.branchCode == "KC-SRG")
            #expect(try await store.employer(npp: "11112222")?.record.branchCode == nil)
            #expect(try await store.employer(npp: "99999999") == nil)
        }
    }

    @Test("a person by NIK: spells in order with their wages, an ended spell's exit reason; unknown NIK is nil")
    func persons() async throws {
        try await withFileStore { store in
            try await F.seed(store)
            let siti = F.person(1, name: "Siti Aminah", sex: .female)
            let budi = F.person(2, name: "Budi Santoso")
            _ = try await store.importWorkers(F.plan([F.row(2, siti, wage: 4_800_000, start: "2024-01-01", end: "2025-02-28", exitReason: "resign"),
                                                     F.row(3, budi)]))
            _ = try await store.importWorkers(F.plan([F.row(2, siti, wage: 1_500_000, start: "2025-03-01", category: .honorer,
                                                           programs: [.jkk, .jkm])], npp: "87654321", asOf: "2025-03-01"))
            // A raise for Budi: a second wage row on the same spell.
            _ = try await store.importWorkers(F.plan([F.row(3, budi, wage: 5_500_000)], asOf: "2025-06-01"))
            for nik in [siti.nik, budi.nik] {
                let fast = try #require(try await store.person(nik: nik))
                #expect(fast == (try await store.personThroughPool(nik: nik)))
            }
            let sitiDetail = try #require(try await store.person(nik: siti.nik))
            #expect(sitiDetail.spells.map(\.employerNPP) == ["12345678", "87654321"])
            #expect(sitiDetail.spells.first?.exitReason == "resign")
            #expect(sitiDetail.spells.last?.category == .honorer)
            let budiWages = try #require(try await store.person(nik: budi.nik)).spells.first?.wages.map(\.amount)
            #expect(budiWages == [5_000_000, 5_500_000])
            #expect(try await store.person(nik: "3604010101900999") == nil)
        }
    }

    @Test("an API client by token hash: grants, scope, created time and disabled flag as stored; a new one is seen at once")
    func apiClients() async throws {
        try await withFileStore { store in
            let hashA = String(repeating: "a", count: 64)
            let hashB = String(repeating: "b", count: 64)
            #expect(try await store.apiClient(tokenHash: hashA) == nil)
            let sso = APIClientRecord(
                name: "sso", tokenHash: hashA, role: "system_client", scope: nil, grants: ["getPerson", "calculateContribution"],
                createdAt: Self.created)
            let branch = APIClientRecord(
                name: "kc-serang", tokenHash: hashB, role: "branch_officer", scope: "KC-SRG", grants: [], createdAt: Self.created,
                disabled: true)
            try await store.addAPIClient(sso)
            try await store.addAPIClient(branch)
            // The pooled read connection that answered nil above sees both new rows: no snapshot is kept open.
            #expect(try await store.apiClient(tokenHash: hashA) == sso)
            #expect(try await store.apiClient(tokenHash: hashB) == branch)
            #expect(try await store.apiClient(tokenHash: hashA) == (try await store.apiClientThroughPool(tokenHash: hashA)))
            #expect(try await store.apiClient(tokenHash: hashB) == (try await store.apiClientThroughPool(tokenHash: hashB)))
        }
    }

    @Test("concurrent reads beside a writer: every read answers, connections are reused, not leaked")
    func concurrent() async throws {
        try await withFileStore { store in
            try await F.seed(store)
            let expected = try await store.employerThroughPool(npp: "12345678")
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        if index == 10 {
                            let rows = (0..<50).map { F.row($0 + 2, F.person($0 + 100, name: "Pekerja \($0)")) }
                            _ = try await store.importWorkers(F.plan(rows))
                        }
                        for _ in 0..<50 {
                            if try await store.employer(npp: "12345678") != expected { return false }
                        }
                        return true
                    }
                }
                for try await same in group { #expect(same) }
            }
            let idle = store.reads?.idleCount ?? 0
            #expect(idle >= 1 && idle <= SQLiteReadConnections.keptIdle)
            #expect(try await store.counts().persons == 50)
        }
    }

    static let newcomerNPP = "11112222"
    static let newcomer = EmployerRecord(npp: newcomerNPP, kind: .company, name: "CV Baru Daftar", regionCode: "3673", riskClass: 1, sizeClass: .micro)

    @Test("a write through the store is read back at once, though the read before it left a snapshot open")
    func readsOwnWrites() async throws {
        // A lifetime far longer than the test: only the writer's commit signal can make the new row visible.
        try await withFileStore(snapshotLifetime: .seconds(600)) { store in
            try await F.seed(store)
            #expect(try await store.employer(npp: Self.newcomerNPP) == nil)
            #expect(store.reads?.idleSnapshots == 1, "the read keeps its snapshot for the next one")
            _ = try await store.importEmployers(EmployerImportPlan(rows: [.init(line: 2, record: Self.newcomer)], partial: false, actor: "test"))
            #expect(try await store.employer(npp: Self.newcomerNPP)?.record.name == "CV Baru Daftar")
        }
    }

    @Test("another process's commit is seen once the snapshot's lifetime has passed; idle snapshots are swept")
    func otherWriters() async throws {
        try await withFileStore(snapshotLifetime: .milliseconds(100)) { store in
            try await F.seed(store)
            // A second store on the same file stands for another process (the CLI): its commits do not
            // reach this store's commit signal.
            let other = try SQLiteStore(path: try #require(store.reads?.path), now: fixedNow, snapshotLifetime: .milliseconds(100))
            #expect(try await store.employer(npp: Self.newcomerNPP) == nil)
            _ = try await other.importEmployers(EmployerImportPlan(rows: [.init(line: 2, record: Self.newcomer)], partial: false, actor: "cli"))
            try await Task.sleep(for: .milliseconds(150))
            #expect(try await store.employer(npp: Self.newcomerNPP)?.npp == Self.newcomerNPP)
            // Left idle, the snapshot is ended by the sweep, so a full checkpoint can reset the WAL.
            try await Task.sleep(for: .milliseconds(400))
            #expect(store.reads?.idleSnapshots == 0)
            let busy = try await other.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            #expect(busy == 0, "no reader holds the WAL")
            await other.close()
        }
    }

    @Test("a failed read ends its snapshot and the connection still serves the next read")
    func failedRead() async throws {
        try await withFileStore(snapshotLifetime: .seconds(600)) { store in
            try await F.seed(store)
            let reads = try #require(store.reads)
            #expect(throws: (any Error).self) { try reads.read { try $0.one("SELECT no_such_column FROM employer") { $0.int(0) } } }
            #expect(reads.idleSnapshots == 0)
            #expect(try await store.employer(npp: "12345678")?.npp == "12345678")
        }
    }
}
