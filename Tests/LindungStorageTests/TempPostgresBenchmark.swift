// TEMPORARY (PostgresStore work): measures importWorkers for 100,000 rows; removed after measuring.
import Foundation
import LindungCore
import LindungStorage
import LindungStorageSQLite
import Testing

@Suite("TEMP benchmark", .enabled(if: ProcessInfo.processInfo.environment["LINDUNG_BENCH"] != nil))
struct TempPostgresBenchmark {
    typealias F = RegistryFixtures

    static func rows(_ count: Int, wage: Rupiah) -> [WorkerRow] {
        (0..<count).map { i in
            let day = 1 + i / 10_000
            let born = "1990-05-" + (day < 10 ? "0\(day)" : "\(day)")
            let sex: NIK.Sex = i % 2 == 0 ? .male : .female
            return F.row(i + 2, F.person(i % 10_000, name: "Pekerja \(i)", born: born, sex: sex), wage: wage)
        }
    }

    func measure(_ label: String, _ store: any LindungStore) async throws {
        try await F.seed(store)
        let count = Int(ProcessInfo.processInfo.environment["LINDUNG_BENCH"] ?? "") ?? 100_000
        let first = Self.rows(count, wage: 5_000_000)
        let changed = Self.rows(count, wage: 5_500_000)
        let clock = ContinuousClock()
        var summary = ImportSummary()
        let new = try await clock.measure { summary = try await store.importWorkers(F.plan(first)) }
        print("BENCH \(label) new: \(new) created=\(summary.created) persons=\(summary.personsCreated) errors=\(summary.errors.count)")
        let again = try await clock.measure { summary = try await store.importWorkers(F.plan(first)) }
        print("BENCH \(label) unchanged: \(again) unchanged=\(summary.unchanged)")
        let wages = try await clock.measure { summary = try await store.importWorkers(F.plan(changed, asOf: "2025-06-01")) }
        print("BENCH \(label) wages: \(wages) wagesChanged=\(summary.wagesChanged)")
        print("BENCH \(label) counts: \(try await store.counts())")
    }

    @Test func postgres() async throws {
        guard ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] != nil else { return }
        let store = try await PostgresTestDatabase.freshStore(now: fixedNow)
        _ = try await store.migrate()
        try await measure("postgres", store)
        await store.close()
    }

    @Test func sqlite() async throws {
        let path = NSTemporaryDirectory() + "lindung-bench-\(UUID().uuidString).sqlite"
        let store = try SQLiteStore(path: path, now: fixedNow)
        _ = try await store.migrate()
        try await measure("sqlite-file", store)
        await store.close()
    }
}
