import Foundation
import LindungCore
import LindungStorage
import Testing

/// Employer compliance on every backend (issue 6, docs/compliance.md): the scan's findings (each one that
/// fires and one that does not), its idempotence, a cured finding, the ladder and the query log.
/// Kabupaten Serang (3604): UMK 2025 Rp4,857,353 (Kepgub Banten 471/2024, minimum_wages.csv).
@Suite("Compliance contract: scan, findings, ladder, status")
struct ComplianceContractTests {
    typealias F = RegistryFixtures

    static let reference = try! ReferenceData()
    static let rules = try! RuleSet()
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    static var ladder: SanctionLadder { SanctionLadder(calendar: reference.holidays) }

    static func scan(_ store: any LindungStore, on: String, region: String? = "3604") async throws -> ComplianceScanSummary {
        try await store.scanCompliance(
            ComplianceScanRequest(on: day(on), region: region, minimumWages: reference.minimumWages, ladder: ladder, actor: "scan@test"))
    }

    /// The company (medium: JP mandatory) with three workers: one well registered, one below the UMK, one
    /// without JP; the agency with one of the three honorer its roster reports; the licence list; January's bill.
    static func seed(_ store: any LindungStore) async throws {
        try await F.seed(store)
        let rows = [
            F.row(2, F.person(1, name: "Budi")),
            F.row(3, F.person(2, name: "Siti", born: "1991-02-03", sex: .female), wage: 2_000_000),
            F.row(4, F.person(4, name: "Ahmad", born: "1988-08-08"), programs: [.jkk, .jkm, .jht]),
        ]
        _ = try await store.importWorkers(F.plan(rows, asOf: "2025-01-01"))
        // An honorer paid Rp1,000,000 with JKK and JKM only: neither PDS-Upah nor PDS-Program (ruling 11).
        _ = try await store.importWorkers(
            F.plan([F.row(2, F.person(5, name: "Ujang", born: "1985-07-09"), wage: 1_000_000, category: .honorer, programs: [.jkk, .jkm])],
                   npp: "87654321", asOf: "2025-01-01"))
        try await store.saveRosters([NonASNRoster(agencyNPP: "87654321", asOf: day("2025-05-01"), headcount: [.honorer: 3])], actor: "test")
        let licences = [
            BusinessLicence(nib: "1234567890123", name: "PT Maju Jaya", regionCode: "3604", sector: "10710", headcount: 5),
            BusinessLicence(nib: "9999999999999", name: "CV Tanpa Daftar", regionCode: "3604", sector: "47111", headcount: 25),
            BusinessLicence(nib: "8888888888888", name: "Warung Kecil", regionCode: "3604", sector: "56103", headcount: 9),
            BusinessLicence(nib: "7777777777777", name: "PT Lain Daerah", regionCode: "3201", sector: "10710", headcount: 50),
        ]
        let saved = try await store.saveLicences(licences, actor: "test")
        #expect(saved == { var s = LicenceImportSummary(); s.created = 4; return s }())
        _ = try await store.issueBills(
            try BillingRequest(
                month: YearMonth(iso: "2025-01")!, employerNPP: "12345678", issuedOn: day("2025-02-01"), actor: "billing@test", rules: rules,
                holidays: reference.holidays))
    }

    @Test("every finding fires where it should and nowhere else", arguments: Backend.available)
    func findings(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            // 16 May 2025: January's bill (due 17 February) is 3 started months late, not more
            let may = try await Self.scan(store, on: "2025-05-16")
            #expect(may.seen == [.notRegistered: 1, .partialWorkers: 2, .partialWages: 1, .partialPrograms: 1])
            #expect(may.opened == 5)
            // 2 June: over 3 months
            let june = try await Self.scan(store, on: "2025-06-02")
            #expect(june.seen[.arrears] == 1)
            #expect(june.opened == 1 && june.stillOpen == 5 && june.cured == 0)

            let company = try #require(try await store.complianceSubject(identifier: "12345678"))
            #expect(company.status == .nonCompliant)
            #expect(company.stage == .warning1)
            let byKind = Dictionary(uniqueKeysWithValues: company.openFindings.map { ($0.kind, $0) })
            #expect(Set(byKind.keys) == [.partialWorkers, .partialWages, .partialPrograms, .arrears])
            #expect(byKind[.partialWorkers]?.evidence["reported_headcount"] == .number(5))
            #expect(byKind[.partialWorkers]?.evidence["registered_workers"] == .number(3))
            #expect(byKind[.partialWages]?.evidence["minimum_wage"] == .number(4_857_353))
            #expect(byKind[.partialWages]?.evidence["lowest_wage"] == .number(2_000_000))
            #expect(byKind[.partialWages]?.evidence["workers_below"] == .number(1))
            #expect(byKind[.partialPrograms]?.evidence["without_jp"] == .number(1))
            #expect(byKind[.arrears]?.evidence["oldest_due_date"] == .text("2025-02-17"))
            #expect((byKind[.arrears]?.evidence["open_amount"]?.number ?? 0) > 0)
            #expect(byKind[.partialWages]?.rule.contains("PP 86/2013") == true)
            // Opened Friday 16 May: 10 working days are 19-23, 26-28 May, 30 May (cuti bersama counts) and 2 June;
            // Kenaikan Yesus Kristus (29 May) is national and skipped → 2 June.
            #expect(byKind[.partialWages]?.position == SanctionPosition(stage: .warning1, enteredOn: Self.day("2025-05-16"), dueOn: Self.day("2025-06-02")))

            let agency = try #require(try await store.complianceSubject(identifier: "87654321"))
            #expect(agency.openFindings.map(\.kind) == [.partialWorkers])
            #expect(agency.openFindings.first?.evidence["source"] == .text("non_asn_roster"))

            let unregistered = try #require(try await store.complianceSubject(identifier: "9999999999999"))
            #expect(unregistered.status == .notRegistered)
            #expect(unregistered.openFindings.map(\.kind) == [.notRegistered])
            let small = try #require(try await store.complianceSubject(identifier: "8888888888888"))
            #expect(small.status == .notRegistered && small.findings.isEmpty)
            #expect(try await store.complianceSubject(identifier: "7777777777777")?.findings.isEmpty == true)
            #expect(try await store.complianceSubject(identifier: "0000000000000") == nil)
            #expect(try await store.complianceSubject(identifier: "company") == nil)
        }
    }

    @Test("the same scan again writes nothing new; a cured finding is closed and resolved", arguments: Backend.available)
    func idempotentAndCured(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            _ = try await Self.scan(store, on: "2025-06-02")
            let again = try await Self.scan(store, on: "2025-06-02")
            #expect(again.opened == 0 && again.cured == 0 && again.stillOpen == 6)
            #expect(try await store.openFindings(region: "36", limit: 100).count == 6)
            #expect(try await store.openFindings(region: "3201", limit: 100).isEmpty)

            // The licence list now reports 3 employees: PDS-TK is cured on the next scan
            _ = try await store.saveLicences(
                [BusinessLicence(nib: "1234567890123", name: "PT Maju Jaya", regionCode: "3604", sector: "10710", headcount: 3)], actor: "test")
            let cured = try await Self.scan(store, on: "2025-06-10")
            #expect(cured.cured == 1 && cured.opened == 0)
            let company = try #require(try await store.complianceSubject(identifier: "1234567890123"))
            let tk = try #require(company.findings.first { $0.kind == .partialWorkers })
            #expect(tk.curedOn == Self.day("2025-06-10"))
            #expect(tk.position.stage == .resolved)
            #expect(tk.history.map(\.stage) == [.warning1, .resolved])
            #expect(company.openFindings.count == 3)
        }
    }

    @Test("advance moves due findings along the ladder and records each step", arguments: Backend.available)
    func advance(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            _ = try await Self.scan(store, on: "2025-06-02")
            // Opened Monday 2 June: 3-5 June, 9 June (cuti bersama counts), 10-13 and 16-17 June; Idul Adha (6 June)
            // is national and skipped → due 17 June, so the second warning starts on 18 June
            #expect(try await store.advanceSanctions(on: Self.day("2025-06-17"), ladder: Self.ladder, actor: "officer").isEmpty)
            let steps = try await store.advanceSanctions(on: Self.day("2025-06-18"), ladder: Self.ladder, actor: "officer")
            #expect(steps.count == 6 && steps.allSatisfy { $0.stage == .warning2 && $0.enteredOn == Self.day("2025-06-18") })
            #expect(steps.first?.dueOn == Self.day("2025-07-03"))
            // Months later: the fine (0.1 % of the arrears, once) and the request to deny public services
            let later = try await store.advanceSanctions(on: Self.day("2025-09-01"), ladder: Self.ladder, actor: "officer")
            #expect(Set(later.map(\.stage)) == [.fine, .denialRequested])
            let company = try #require(try await store.complianceSubject(identifier: "12345678"))
            #expect(company.stage == .denialRequested)
            let arrears = try #require(company.openFindings.first { $0.kind == .arrears })
            let owed = try #require(arrears.evidence["open_amount"]?.number)
            #expect(arrears.history.map(\.stage) == [.warning1, .warning2, .fine, .denialRequested])
            #expect(arrears.history.first { $0.stage == .fine }?.fine == SanctionLadder.fine(owed: owed))
            #expect(try await store.advanceSanctions(on: Self.day("2025-09-01"), ladder: Self.ladder, actor: "officer").isEmpty)
        }
    }

    @Test("the query log keeps who asked about whom, newest first", arguments: Backend.available)
    func queryLog(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.logComplianceQueries([
                ComplianceQueryLogEntry(at: "2025-06-02T01:00:00Z", client: "dpmptsp-serang", identifier: "12345678", status: "compliant", operation: "get"),
                ComplianceQueryLogEntry(at: "2025-06-02T01:00:01Z", client: "dpmptsp-serang", identifier: "9999999999999", status: "not_registered", operation: "check"),
            ])
            let log = try await store.complianceQueryLog(limit: 10)
            #expect(log.map(\.identifier) == ["9999999999999", "12345678"])
            #expect(log.first?.client == "dpmptsp-serang")
        }
    }
}
