import LindungCore
import LindungStorage
import Testing

/// The registry contract: the same behaviour on every backend (SQLite always, PostgreSQL in CI).
@Suite("Registry contract: worker import")
struct WorkerImportContractTests {
    typealias F = RegistryFixtures

    @Test("migrations apply once, with the shared names", arguments: Backend.available)
    func migrations(backend: Backend) async throws {
        try await withStore(backend) { store in
            let applied = try await store.appliedMigrations()
            #expect(applied == MigrationList.names)
            let again = try await store.migrate()
            #expect(again == [])
        }
    }

    @Test("a new worker gets a person, a participant number, a spell and a first wage", arguments: Backend.available)
    func registersWorkers(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            let siti = F.person(1, name: "Siti Aminah", born: "1992-03-04", sex: .female)
            let budi = F.person(2, name: "Budi Santoso")
            let summary = try await store.importWorkers(F.plan([F.row(2, siti, wage: 4_900_000), F.row(3, budi)]))
            #expect(summary.errors.isEmpty)
            #expect(summary.personsCreated == 2)
            #expect(summary.created == 2)
            #expect(summary.rowsWritten == 2)

            let detail = try #require(try await store.person(nik: siti.nik))
            #expect(detail.person.record == siti)
            #expect(detail.person.kpj.count == 11)
            #expect(detail.person.kpj == KPJ.make(personID: detail.person.id))
            #expect(detail.spells.count == 1)
            #expect(detail.spells[0].employerNPP == "12345678")
            #expect(detail.spells[0].wages == [WageChange(effectiveFrom: CalendarDate(iso: "2025-01-01")!, amount: 4_900_000)])
            #expect(detail.spells[0].programs == [.jkk, .jkm, .jht, .jp, .jkp])

            let counts = try await store.counts()
            #expect(counts.persons == 2 && counts.spells == 2 && counts.wages == 2 && counts.employers == 2)
            // Audit: one entry per new person, one per new spell, plus the two employers of the seed.
            #expect(try await store.auditTrail(entity: .person, key: siti.nik).map(\.action) == ["create"])
            #expect(counts.auditEntries == 2 + 2 + 2)
        }
    }

    @Test("re-importing the same file changes nothing", arguments: Backend.available)
    func idempotent(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            let rows = [F.row(2, F.person(1, name: "Siti Aminah", sex: .female)), F.row(3, F.person(2, name: "Budi Santoso"))]
            _ = try await store.importWorkers(F.plan(rows))
            let before = try await store.counts()
            let again = try await store.importWorkers(F.plan(rows))
            #expect(again.unchanged == 2)
            #expect(again.rowsWritten == 0)
            #expect(again.personsCreated == 0 && again.created == 0 && again.wagesChanged == 0)
            #expect(try await store.counts() == before)
        }
    }

    @Test("a changed wage becomes a new wage-history entry from the import date", arguments: Backend.available)
    func wageHistory(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            let budi = F.person(2, name: "Budi Santoso")
            _ = try await store.importWorkers(F.plan([F.row(2, budi, wage: 5_000_000)]))
            let summary = try await store.importWorkers(F.plan([F.row(2, budi, wage: 5_500_000)], asOf: "2025-06-01"))
            #expect(summary.wagesChanged == 1)
            let spell = try #require(try await store.person(nik: budi.nik)?.spells.first)
            #expect(spell.wages.map(\.amount) == [5_000_000, 5_500_000])
            #expect(spell.wages.last?.effectiveFrom == CalendarDate(iso: "2025-06-01"))
            let audit = try await store.auditTrail(entity: .wage, key: String(spell.id))
            #expect(audit.count == 1)
            #expect(audit.first?.actor == "operator@test")
            #expect(audit.first?.before?.contains("5000000") == true)
            #expect(audit.first?.after?.contains("5500000") == true)

            // The employer's workers on a date carry the wage in force then.
            let may = try await store.workers(ofEmployer: "12345678", on: CalendarDate(iso: "2025-05-31")!)
            let june = try await store.workers(ofEmployer: "12345678", on: CalendarDate(iso: "2025-06-01")!)
            #expect(may.map(\.wage) == [5_000_000])
            #expect(june.map(\.wage) == [5_500_000])
        }
    }

    @Test("an end date closes the spell and the worker leaves the employer's list", arguments: Backend.available)
    func closesSpell(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            let budi = F.person(2, name: "Budi Santoso")
            _ = try await store.importWorkers(F.plan([F.row(2, budi)]))
            let summary = try await store.importWorkers(F.plan([F.row(2, budi, end: "2025-03-31", exitReason: "resigned")]))
            #expect(summary.spellsClosed == 1)
            let spell = try #require(try await store.person(nik: budi.nik)?.spells.first)
            #expect(spell.endDate == CalendarDate(iso: "2025-03-31"))
            #expect(spell.exitReason == "resigned")
            #expect(try await store.workers(ofEmployer: "12345678", on: CalendarDate(iso: "2025-03-31")!).count == 1)
            #expect(try await store.workers(ofEmployer: "12345678", on: CalendarDate(iso: "2025-04-01")!).isEmpty)
            #expect(try await store.auditTrail(entity: .spell, key: String(spell.id)).map(\.action) == ["create", "close"])
        }
    }

    @Test("a NIK registered to another name refuses the whole file by default", arguments: Backend.available)
    func allOrNothing(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            let budi = F.person(2, name: "Budi Santoso")
            _ = try await store.importWorkers(F.plan([F.row(2, budi)]))
            let before = try await store.counts()
            var impostor = budi
            impostor.name = "Bambang"
            let summary = try await store.importWorkers(F.plan([F.row(2, F.person(3, name: "Dewi Lestari", sex: .female)), F.row(3, impostor)]))
            #expect(summary.refused)
            #expect(summary.errors.count == 1)
            #expect(summary.errors.first?.line == 3)
            #expect(summary.errors.first?.column == "NIK")
            #expect(summary.errors.first?.reason.contains("Budi Santoso") == true)
            #expect(try await store.counts() == before)
        }
    }

    @Test("--partial writes the good rows and reports the bad ones", arguments: Backend.available)
    func partial(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            let budi = F.person(2, name: "Budi Santoso")
            _ = try await store.importWorkers(F.plan([F.row(2, budi)]))
            var impostor = budi
            impostor.name = "Bambang"
            let dewi = F.person(3, name: "Dewi Lestari", sex: .female)
            let summary = try await store.importWorkers(F.plan([F.row(2, dewi), F.row(3, impostor)], partial: true))
            #expect(!summary.refused)
            #expect(summary.errors.map(\.line) == [3])
            #expect(summary.created == 1)
            #expect(try await store.person(nik: dewi.nik) != nil)
            #expect(try await store.person(nik: budi.nik)?.person.record.name == "Budi Santoso")
        }
    }

    @Test("the schema refuses a non-ASN category outside an agency, and nothing is half-written", arguments: Backend.available)
    func categoryNeedsAgency(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            let before = try await store.counts()
            await #expect(throws: StoreError.self) {
                _ = try await store.importWorkers(F.plan([F.row(2, F.person(4, name: "Rina", sex: .female), category: .honorer)]))
            }
            #expect(try await store.counts() == before)
        }
    }

    @Test("the schema refuses giving an existing company spell a non-ASN category", arguments: Backend.available)
    func categoryUpdateNeedsAgency(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            let rina = F.person(4, name: "Rina", sex: .female)
            _ = try await store.importWorkers(F.plan([F.row(2, rina)]))
            let before = try await store.counts()
            await #expect(throws: StoreError.self) {
                _ = try await store.importWorkers(F.plan([F.row(2, rina, category: .honorer)]))
            }
            #expect(try await store.counts() == before)
            #expect(try await store.person(nik: rina.nik)?.spells.first?.category == nil)
        }
    }

    @Test("an unknown employer is not found", arguments: Backend.available)
    func unknownEmployer(backend: Backend) async throws {
        try await withStore(backend) { store in
            await #expect(throws: StoreError.notFound("employer 99999999")) {
                _ = try await store.importWorkers(F.plan([F.row(2, F.person(4, name: "Rina", sex: .female))], npp: "99999999"))
            }
        }
    }
}
