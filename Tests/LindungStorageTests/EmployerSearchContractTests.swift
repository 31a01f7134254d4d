import LindungCore
import LindungStorage
import Testing

/// `searchEmployers(name:in:limit:offset:)` on both backends: case-insensitive containment, by name,
/// wildcards literal, the scope in the query, pages by offset, and the name index kept up to date.
@Suite struct EmployerSearchContractTests {
    static func importing(_ records: [EmployerRecord]) -> EmployerImportPlan {
        EmployerImportPlan(rows: records.enumerated().map { .init(line: $0.offset + 2, record: $0.element) }, partial: false, actor: "test")
    }

    @Test("find employers by part of the name, within a scope", arguments: Backend.available)
    func search(backend: Backend) async throws {
        try await withStore(backend) { store in
            let search = store
            try await RegistryFixtures.seed(store)  // PT Maju Jaya and the Dinas (3604, KC-SRG)
            _ = try await store.importEmployers(
                Self.importing([
                    EmployerRecord(npp: nil, kind: .company, name: "PT Sinar Jaya", regionCode: "3604", riskClass: 1, sizeClass: .small),
                    EmployerRecord(npp: nil, kind: .company, name: "CV Jaya Abadi 100%", regionCode: "3604", riskClass: 2, sizeClass: .micro),
                    EmployerRecord(npp: nil, kind: .company, name: "PT Maju Bersama", regionCode: "3603", riskClass: 1, sizeClass: .medium),
                ]))
            func names(_ text: String, _ scope: EmployerSearchScope = .everything, limit: Int = 10, offset: Int = 0) async throws -> [String] {
                try await search.searchEmployers(name: text, in: scope, limit: limit, offset: offset).map(\.record.name)
            }
            #expect(try await names("jaya") == ["CV Jaya Abadi 100%", "PT Maju Jaya", "PT Sinar Jaya"])
            #expect(try await names("JAYA", limit: 1) == ["CV Jaya Abadi 100%"])
            #expect(try await names("jaya", limit: 2, offset: 1) == ["PT Maju Jaya", "PT Sinar Jaya"])
            #expect(try await names("jaya", offset: 3).isEmpty)
            #expect(try await names("100%") == ["CV Jaya Abadi 100%"])
            #expect(try await names("0%A").isEmpty, "% is not a wildcard")
            #expect(try await names("a_a").isEmpty, "_ is not a wildcard")
            #expect(try await names("ja") == ["CV Jaya Abadi 100%", "PT Maju Jaya", "PT Sinar Jaya"], "2 characters, below a trigram")
            #expect(try await search.searchEmployers(name: "Maju", limit: 10).map(\.record.regionCode) == ["3603", "3604"])
            // The scope is part of the query.
            #expect(try await names("maju", .regionPrefix("3603")) == ["PT Maju Bersama"])
            #expect(try await names("maju", .regionPrefix("36")) == ["PT Maju Bersama", "PT Maju Jaya"])
            #expect(try await names("maju", .regionPrefix("31")).isEmpty)
            #expect(try await names("an", .branch("KC-SRG")) == ["Dinas Pendidikan Kabupaten Serang"])
            #expect(try await names("jaya", .branch("KC-SRG")) == ["PT Maju Jaya"])
            #expect(try await names("jaya", .npp("87654321")).isEmpty)
            #expect(try await names("dinas", .npp("87654321")) == ["Dinas Pendidikan Kabupaten Serang"])
            // A renamed employer is found by its new name only (the trigram index follows updates).
            var renamed = RegistryFixtures.company
            renamed.name = "PT Maju Makmur"
            _ = try await store.importEmployers(Self.importing([renamed]))
            #expect(try await names("makmur") == ["PT Maju Makmur"])
            #expect(try await names("maju jaya").isEmpty)
        }
    }

    /// More matches than `SQLiteStore.employerSearchCommon` (2,000): SQLite walks the name index instead of
    /// the trigram matches; both plans must give the same pages.
    @Test("a common word pages the same as a rare one", arguments: Backend.available)
    func common(backend: Backend) async throws {
        try await withStore(backend) { store in
            let search = store
            let records = (1...2_010).map { n in
                let serial = String(repeating: "0", count: 4 - String(n).count) + String(n)
                return EmployerRecord(
                    npp: nil, kind: .company, name: "UD Sentosa \(serial)", regionCode: n.isMultiple(of: 2) ? "3604" : "3603", riskClass: 1,
                    sizeClass: .micro)
            }
            _ = try await store.importEmployers(Self.importing(records))
            let common = try await search.searchEmployers(name: "sentosa", in: .everything, limit: 3, offset: 2_005).map(\.record.name)
            #expect(common == ["UD Sentosa 2006", "UD Sentosa 2007", "UD Sentosa 2008"])
            let scoped = try await search.searchEmployers(name: "SENTOSA", in: .regionPrefix("3604"), limit: 2, offset: 1_003).map(\.record.name)
            #expect(scoped == ["UD Sentosa 2008", "UD Sentosa 2010"])
            let rare = try await search.searchEmployers(name: "sentosa 200", in: .everything, limit: 3, offset: 8).map(\.record.name)
            #expect(rare == ["UD Sentosa 2008", "UD Sentosa 2009"])
        }
    }
}
