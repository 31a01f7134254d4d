import Foundation
import LindungCore
import LindungDemo
import LindungStorage
import LindungStorageSQLite

enum DemoFixture {
    static let reference = try! ReferenceData()
    static let december = YearMonth(year: 2025, month: 12)

    static func configuration(workers: Int = 3_000, seed: UInt64 = 1, province: String = "36") -> DemoConfiguration {
        DemoConfiguration(provinceCode: province, workers: workers, seed: seed, referenceMonth: december, chunkSize: 1_000)
    }

    /// A new migrated in-memory store with the demo generated into it.
    static func generated(_ configuration: DemoConfiguration = configuration()) async throws -> (any LindungStore, DemoSummary) {
        let store = try SQLiteStore.inMemory(now: { Date(timeIntervalSince1970: 1_765_000_000) })
        _ = try await store.migrate()
        let summary = try await DemoProvince.generate(configuration, reference: reference, into: store)
        return (store, summary)
    }

    /// Every person, ordered by name then id (an empty search matches all).
    static func allPersons(_ store: any LindungStore) async throws -> [Person] {
        try await store.searchPersons(name: "", limit: 1_000_000)
    }

    /// Every employer: the demo gives them NPPs 10000001, 10000002, ... in id order.
    static func allEmployers(_ store: any LindungStore, count: Int) async throws -> [Employer] {
        var result: [Employer] = []
        for id in 1...count {
            if let employer = try await store.employer(npp: String(10_000_000 + id)) { result.append(employer) }
        }
        return result
    }
}
