import LindungCore
import LindungDemo
import LindungStorage
import LindungStorageSQLite
import Synchronization
import Testing

@Suite("Demo province: a deterministic Banten")
struct DemoProvinceTests {
    typealias F = DemoFixture

    @Test("writes every kind of row, and the summary matches the store")
    func everyKind() async throws {
        // Given an empty store, when 3,000 workers are generated in chunks of 1,000
        let reports = Mutex<[Int]>([])
        let store = try SQLiteStore.inMemory()
        _ = try await store.migrate()
        let summary = try await DemoProvince.generate(F.configuration(), reference: F.reference, into: store) { written in
            reports.withLock { $0.append(written) }
        }
        // Then every kind of row is there
        let counts = try await store.counts()
        #expect(summary.persons == 3_000)
        #expect(counts.persons == 3_000)
        #expect(reports.withLock { $0 } == [1_000, 2_000, 3_000])
        #expect(counts.employers == summary.employers)
        #expect(counts.spells == summary.spells && summary.spells >= summary.persons)
        #expect(counts.wages == summary.wages && summary.wages > summary.spells)
        #expect(counts.branchOffices == summary.branchOffices && summary.branchOffices >= 8)
        #expect(summary.agencies > 9 * 15)
        #expect(summary.agreements == 18)
        #expect(summary.rosters == summary.agencies)

        let employers = try await F.allEmployers(store, count: summary.employers)
        #expect(employers.count == summary.employers)
        for kind in EmployerKind.allCases { #expect(employers.contains { $0.record.kind == kind }, "no \(kind) employer") }
        #expect(employers.filter { $0.record.kind == .agency }.count == summary.agencies)
        for employer in employers {
            #expect(employer.npp.count == 8)
            if employer.record.kind == .agency { #expect(employer.record.parentRegionCode == employer.record.regionCode) }
            if let nib = employer.record.nib { #expect(nib.count == 13 && nib.allSatisfy(\.isNumber)) }
            #expect(employer.record.branchCode != nil)
        }
        let sizes = Dictionary(grouping: employers.filter { $0.record.kind == .company }, by: \.record.sizeClass)
        #expect((sizes[.micro]?.count ?? 0) > (sizes[.large]?.count ?? 0), "many micro, few large")
    }

    @Test("every NIK is valid and agrees with the person's birth date, sex and domicile")
    func validNIKs() async throws {
        let (store, _) = try await F.generated()
        let persons = try await F.allPersons(store)
        #expect(persons.count == 3_000)
        #expect(Set(persons.map(\.record.nik)).count == 3_000)
        for person in persons {
            let nik = try NIK(person.record.nik, regions: F.reference.regions, currentYear: 2025)
            #expect(nik.province.code == "36")
            #expect(nik.birthDate == person.record.birthDate)
            #expect(nik.sex == person.record.sex)
            #expect(nik.regency.code == person.record.domicileRegion)
            #expect((1960...2007).contains(person.record.birthDate.year))
            #expect(!person.record.name.isEmpty)
        }
    }

    @Test("the same seed gives the same registry; another seed a different one")
    func determinism() async throws {
        let (first, firstSummary) = try await F.generated()
        let (second, secondSummary) = try await F.generated()
        let (other, _) = try await F.generated(F.configuration(seed: 2))
        #expect(firstSummary == secondSummary)
        let persons = try await F.allPersons(first)
        #expect(persons == (try await F.allPersons(second)))
        for person in persons.prefix(60) {
            #expect(try await first.person(nik: person.record.nik) == (try await second.person(nik: person.record.nik)))
        }
        let others = try await F.allPersons(other)
        #expect(Set(others.map(\.record.nik)) != Set(persons.map(\.record.nik)))
        let names = try await F.allEmployers(first, count: firstSummary.employers).map(\.record.name)
        #expect(names == (try await F.allEmployers(second, count: secondSummary.employers).map(\.record.name)))
        #expect(names != (try await F.allEmployers(other, count: firstSummary.employers).map(\.record.name)))
    }

    @Test("the chunk size changes the transactions, not the rows")
    func chunkSizeIndependent() async throws {
        var large = F.configuration(workers: 1_500)
        large.chunkSize = 50_000
        let (small, _) = try await F.generated(F.configuration(workers: 1_500))
        let (whole, _) = try await F.generated(large)
        #expect(try await F.allPersons(small) == (try await F.allPersons(whole)))
    }

    @Test("tiny provinces work too", arguments: [1, 2, 7, 50])
    func tiny(workers: Int) async throws {
        let (store, summary) = try await F.generated(F.configuration(workers: workers))
        #expect(summary.persons == workers)
        #expect(try await store.counts().persons == workers)
    }

    @Test("refuses a registry that already holds persons")
    func refusesNonEmpty() async throws {
        let (store, _) = try await F.generated(F.configuration(workers: 200))
        await #expect(throws: StoreError.self) {
            _ = try await DemoProvince.generate(F.configuration(workers: 200), reference: F.reference, into: store)
        }
        #expect(try await store.counts().persons == 200)
    }

    @Test("refuses an unknown province and a non-positive worker count")
    func badConfiguration() async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await store.migrate()
        await #expect(throws: DemoError.unknownProvince("99")) {
            _ = try await DemoProvince.generate(F.configuration(province: "99"), reference: F.reference, into: store)
        }
        await #expect(throws: DemoError.invalidWorkers(0)) {
            _ = try await DemoProvince.generate(F.configuration(workers: 0), reference: F.reference, into: store)
        }
    }

    @Test("every agency has a roster at least as large as its registered non-ASN")
    func rosters() async throws {
        let (store, summary) = try await F.generated()
        let agencies = try await F.allEmployers(store, count: summary.employers).filter { $0.record.kind == .agency }
        var registered = 0
        var uncovered = 0
        for agency in agencies {
            let status = try await store.nonASNStatus(agency: agency.npp, on: CalendarDate(year: 2025, month: 12, day: 31)!)
            let roster = try #require(status.roster, "no roster for \(agency.record.name)")
            #expect(roster.asOf == CalendarDate(year: 2025, month: 1, day: 1))
            #expect(status.rosterTotal >= status.registeredTotal && status.rosterTotal > 0)
            for category in NonASNCategory.allCases {
                #expect((roster.headcount[category] ?? 0) >= (status.registered[category] ?? 0))
            }
            registered += status.registeredTotal
            if status.registeredTotal == 0 { uncovered += 1 }
        }
        #expect(registered > 0)
        #expect(uncovered > 0, "some agencies have registered nobody")
    }
}
