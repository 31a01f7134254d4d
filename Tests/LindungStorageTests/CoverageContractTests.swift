import Foundation
import LindungCore
import LindungStorage
import Testing

/// Coverage figures (issue 7) on every backend: the maintained aggregate against each participant's standing
/// counted one by one (a different code path), arrears beyond 3 months (REGULATIONS.md §4), workforce
/// imports and administrators' targets.
@Suite("Coverage contract: active participants, workforce, targets")
struct CoverageContractTests {
    typealias B = BillingContractTests
    static func month(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }
    static let people = [B.budi, B.siti, B.darmo, B.ahmad, B.ujang]

    /// April 2025 billed on 1 May; the company pays its bill on 10 May; the agency and the region pay nothing.
    static func billedAndPartlyPaid(_ store: any LindungStore) async throws {
        try await B.seed(store)
        _ = try await store.issueBills(try B.request("2025-04", issuedOn: "2025-05-01"))
        let company = try #require(
            try await store.bills(month: month("2025-04"), employerNPP: "12345678").first { $0.debtor == .employer(npp: "12345678") })
        _ = try await store.postPayment(
            PaymentRequest(billID: company.id, amount: company.total, paidOn: B.day("2025-05-10"), reference: "TRX-COV-1", actor: "test"),
            rules: B.rules)
    }

    /// Active participants counted one by one from their standing (BillingStore.coverage) on the day.
    static func activeByStanding(_ store: any LindungStore, on date: CalendarDate) async throws -> (enrolled: Int, active: Int) {
        var enrolled = 0
        var active = 0
        for person in people {
            guard let standing = try await store.coverage(nik: person.nik, on: date), standing.status != .notActive else { continue }
            enrolled += 1
            if ActiveParticipantRule.isActive(standing.status) { active += 1 }
        }
        return (enrolled, active)
    }

    @Test("April: everyone active; August: the agency's and the collective's unpaid April bills are over 3 months late", arguments: Backend.available)
    func activeAgainstStanding(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.billedAndPartlyPaid(store)
            let april = try await store.refreshCoverage(month: Self.month("2025-04"))
            #expect(april.enrolledParticipants == 5 && april.activeParticipants == 5)
            let aprilStanding = try await Self.activeByStanding(store, on: B.day("2025-04-30"))
            #expect(aprilStanding == (5, 5))
            // 31 August: the agency's bill was due 15 May (4 started months late), the collective's region bill
            // 15 April (5): Ahmad and Ujang are no longer active; the company paid, its three are.
            let august = try await store.refreshCoverage(month: Self.month("2025-08"))
            let augustStanding = try await Self.activeByStanding(store, on: B.day("2025-08-31"))
            #expect(augustStanding == (5, 3))
            #expect(august.enrolledParticipants == augustStanding.enrolled && august.activeParticipants == augustStanding.active)
            // 31 July: due 15 May is 3 months late (16 Jul-15 Aug is the third): still active (inArrears).
            _ = try await store.refreshCoverage(month: Self.month("2025-07"))
            let july = try #require(try await store.coverageCounts(month: Self.month("2025-07"), region: "36"))
            #expect(ParticipantCounts.sum(july.rows).active == 4)  // Ujang's collective bill (due 15 Apr) is 4 months late

            let counts = try #require(try await store.coverageCounts(month: Self.month("2025-08"), region: "3604"))
            let sum = ParticipantCounts.sum(counts.rows)
            #expect(sum.enrolled == 5 && sum.active == 3)
            #expect(sum.activeBySegment[.pu] == 3 && sum.enrolledBySegment[.pu] == 4 && sum.enrolledBySegment[.bpu] == 1)
            // Budi, Siti and Darmo joined JKK, JKM, JHT and JP (the fixture's default); none of the three is non-ASN.
            #expect(sum.activeByProgram[.jkk] == 3 && sum.activeNonASN == 0)
            #expect(counts.branchNames["KC-SRG"] == "Kantor Cabang Serang")
            // Another province has no rows; a month never refreshed has no figures at all.
            #expect(try await store.coverageCounts(month: Self.month("2025-08"), region: "33")?.rows.isEmpty == true)
            #expect(try await store.coverageCounts(month: Self.month("2025-09"), region: "36") == nil)
            // The agency's non-ASN against its roster (none reported: no percent).
            let agencies = try await store.agencyCoverage(month: Self.month("2025-08"), region: "36")
            let agency = try #require(agencies.first { $0.npp == "87654321" })
            #expect(agency.registered == 1 && agency.active == 0)
            // Refreshing again replaces the month's rows.
            let again = try await store.refreshCoverage(month: Self.month("2025-08"))
            #expect(again == august)
            #expect(try await store.coverageMonths().map(\.month.description) == ["2025-04", "2025-07", "2025-08"])
        }
    }

    @Test("workforce figures and targets are stored, replaced by region and period/year", arguments: Backend.available)
    func workforceAndTargets(backend: Backend) async throws {
        try await withStore(backend) { store in
            let figure = WorkforceFigure(
                regionCode: "3604", period: Self.month("2025-08"), employed: 800_000, formalEmployed: 300_000, source: "BPS Kab. Serang",
                origin: .imported)
            try await store.saveWorkforce([figure], actor: "admin")
            try await store.saveWorkforce(
                [WorkforceFigure(regionCode: "3604", period: Self.month("2025-08"), employed: 810_000, source: "BPS Kab. Serang (revised)", origin: .imported)],
                actor: "admin")
            let stored = try await store.importedWorkforce()
            #expect(stored.count == 1 && stored[0].employed == 810_000 && stored[0].formalEmployed == nil && stored[0].origin == .imported)
            let target = try CoverageTarget.validated(regionCode: "36", year: 2026, ucjPercent: 40.5, source: "administrator admin")
            try await store.saveCoverageTarget(target, actor: "admin")
            try await store.saveCoverageTarget(
                try CoverageTarget.validated(regionCode: "36", year: 2026, ucjPercent: 41, source: "administrator admin"), actor: "admin")
            #expect(try await store.coverageTargets().map(\.ucjPercent) == [41])
        }
    }

    @Test("the reader: Banten's figures with the imported workforce, unknown ratio where none is published", arguments: Backend.available)
    func reader(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.billedAndPartlyPaid(store)
            _ = try await store.refreshCoverage(month: Self.month("2025-06"))
            let reader = CoverageReader(store: store, reference: try ReferenceData(), bundledTargets: try CoverageTargetTable())
            let figures = try await reader.figures(region: "36", period: .quarter(Quarter(text: "2025Q2")!))
            #expect(figures.hasData && figures.referenceDate == B.day("2025-06-30"))
            #expect(figures.region.counts.active == 5)
            // Banten's employed persons, Aug 2024 round: 5,800,000 (labour_force.csv): 5 / 5.8 M.
            #expect(figures.region.employed?.persons == 5_800_000 && figures.region.employed?.period == Self.month("2024-08"))
            #expect(abs((figures.region.ucj?.percent ?? 0) - 5.0 / 5_800_000 * 100) < 1e-12)
            // Kabupaten Serang (3604) has no employed figure in labour_force.csv: unknown, not 0 %.
            let serang = try #require(figures.parts.first { $0.regionCode == "3604" })
            #expect(serang.counts.active == 5 && serang.employed == nil && serang.ucj == nil)
            // No earlier quarter was refreshed: no change, and no projection pace.
            #expect(figures.region.quarterOverQuarter == nil && figures.region.yearOverYear == nil)
            try await store.saveWorkforce(
                [WorkforceFigure(regionCode: "3604", period: Self.month("2025-02"), employed: 1_000, source: "test", origin: .imported)], actor: "t")
            let withImport = try await reader.figures(region: "3604", period: .on(B.day("2025-06-15")))
            #expect(withImport.region.ucj?.percent == 0.5)
            // A quarter with no data at all.
            let empty = try await reader.figures(region: "36", period: .quarter(Quarter(text: "2024Q1")!))
            #expect(!empty.hasData && empty.region.ucj == nil && empty.region.counts.active == 0)
        }
    }
}
