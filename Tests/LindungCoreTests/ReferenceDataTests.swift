import Foundation
import Testing

@testable import LindungCore

/// The bundled reference tables (data/SOURCES.md §1 regions, §3 minimum wages, §5 holidays).
@Suite("Reference data")
struct ReferenceDataTests {
    let reference: ReferenceData

    init() throws {
        reference = try ReferenceData()
    }

    // MARK: - SOURCES.md §1: regions.csv

    @Test("38 provinces and 514 regencies and cities (416 + 98)")
    func regionCounts() {
        // SOURCES.md §1: 552 rows = 38 provinces, 416 regencies, 98 cities (Kepmendagri 300.2.2-2430/2025).
        let all = reference.regions.all
        #expect(all.count == 552)
        #expect(all.filter { $0.level == .province }.count == 38)
        #expect(all.filter { $0.level != .province }.count == 514)
        #expect(all.filter { $0.level == .regency }.count == 416)
        #expect(all.filter { $0.level == .city }.count == 98)
    }

    @Test("3604 is Kabupaten Serang in Banten (36)")
    func serang() throws {
        // SOURCES.md §1: `3604` = Kemendagri `36.04`, names verbatim ("Kabupaten Serang", not "Kota Serang").
        let serang = try #require(reference.regions.region(code: "3604"))
        #expect(serang.name == "Kabupaten Serang")
        #expect(serang.level == .regency)
        #expect(serang.parentCode == "36")
        let banten = try #require(reference.regions.region(code: "36"))
        #expect(banten.name == "Banten")
        #expect(banten.level == .province)
        #expect(banten.parentCode == nil)
        #expect(reference.regions.region(code: "3673")?.name == "Kota Serang")
    }

    @Test("Banten has 8 regencies and cities")
    func bantenChildren() {
        // SOURCES.md §3/§6: 3601-3604 and 3671-3674.
        let codes = reference.regions.children(ofProvince: "36").map(\.code)
        #expect(codes == ["3601", "3602", "3603", "3604", "3671", "3672", "3673", "3674"])
    }

    @Test("Every regency or city has a 4-digit code under an existing province, with the level matching the code")
    func regionCodesConsistent() {
        // REGULATIONS.md §6 / SOURCES.md §1: regency 01-69, city 71-99, checked with no exception.
        for region in reference.regions.all where region.level != .province {
            #expect(region.code.count == 4, "\(region.code)")
            #expect(region.parentCode == String(region.code.prefix(2)), "\(region.code)")
            #expect(reference.regions.region(code: region.parentCode ?? "")?.level == .province, "\(region.code)")
            let number = Int(region.code.suffix(2)) ?? 0
            if region.level == .regency { #expect((1...69).contains(number), "\(region.code)") }
            if region.level == .city { #expect((71...99).contains(number), "\(region.code)") }
        }
    }

    @Test("The 2022 Papua provinces are present")
    func papuaSplit() {
        // SOURCES.md §1: 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya.
        for code in ["93", "94", "95", "96"] {
            #expect(reference.regions.region(code: code)?.level == .province, "\(code)")
        }
    }

    // MARK: - SOURCES.md §3: minimum_wages.csv

    @Test("Kabupaten Serang has its own UMK for 2025")
    func serangUMK2025() throws {
        // SOURCES.md §3: UMK Banten complete 2023-2026; 3604 in 2025 is Rp4,857,353.01 → 4,857,353.
        let entry = try #require(reference.minimumWages.minimumWage(region: "3604", year: 2025))
        #expect(entry.regionCode == "3604")
        #expect(entry.year == 2025)
        #expect(entry.monthlyWage == 4_857_353)
        #expect(!entry.source.isEmpty)
    }

    @Test("A regency without a UMK falls back to its province's UMP")
    func fallbackToUMP() throws {
        // SOURCES.md §3: UMK only for Banten and Banjarnegara; 3515 Sidoarjo (Jawa Timur) uses UMP 35,
        // Rp2,305,984 in 2025.
        let entry = try #require(reference.minimumWages.minimumWage(region: "3515", year: 2025))
        #expect(entry.regionCode == "35")
        #expect(entry.monthlyWage == 2_305_984)
        #expect(entry.monthlyWage == reference.minimumWages.minimumWage(region: "35", year: 2025)?.monthlyWage)
    }

    @Test("A province is not looked up under another province's code")
    func noFallbackForProvince() {
        // SOURCES.md §3: 2024 has no UMP for 96 Papua Barat Daya, and a province has nothing to fall back to.
        #expect(reference.minimumWages.minimumWage(region: "96", year: 2024) == nil)
        #expect(reference.minimumWages.minimumWage(region: "9601", year: 2024) == nil)
    }

    @Test("A year with no data has no minimum wage")
    func noYear() {
        // SOURCES.md §3: the table covers 2023-2026.
        #expect(reference.minimumWages.minimumWage(region: "3604", year: 2019) == nil)
    }

    @Test("Banjarnegara 2023: Rp1,958,169.69 rounds half-up to 1,958,170")
    func banjarnegara2023() throws {
        // SOURCES.md §3: "In 2023 the UMK equalled the provincial UMP (Rp1,958,169.69)"; ruling 1 rounds
        // half-up to whole rupiah.
        let entry = try #require(reference.minimumWages.minimumWage(region: "3304", year: 2023))
        #expect(entry.regionCode == "3304")
        #expect(entry.monthlyWage == 1_958_170)
        #expect(reference.minimumWages.minimumWage(region: "33", year: 2023)?.monthlyWage == 1_958_170)
    }

    @Test("Decimals below .5 round down (Jawa Timur 2023: 2,040,244.30)")
    func roundsDown() {
        // Ruling 1 half-up: .30 → down.
        #expect(reference.minimumWages.minimumWage(region: "35", year: 2023)?.monthlyWage == 2_040_244)
    }

    @Test("Decimals of .90 round up (Banten 2025: 2,905,119.90)")
    func roundsUp() {
        // Ruling 1 half-up: .90 → up.
        #expect(reference.minimumWages.minimumWage(region: "36", year: 2025)?.monthlyWage == 2_905_120)
    }

    // MARK: - SOURCES.md §5: holidays.csv

    @Test("Holidays cover 2019-2026")
    func holidayYears() {
        // SOURCES.md §5: national holidays and cuti bersama, 2019-2026.
        #expect(reference.holidays.years == 2019...2026)
    }

    @Test("18 August 2025 is collective leave, not a national holiday; 17 August is national")
    func august2025() throws {
        // SOURCES.md §5: SKB 933/2025 added 18 Aug 2025 as cuti bersama (HUT ke-80 RI), "not a national holiday".
        let leave = try #require(reference.holidays.holiday(on: CalendarDate(year: 2025, month: 8, day: 18)!))
        #expect(leave.kind == .collectiveLeave)
        let independence = try #require(reference.holidays.holiday(on: CalendarDate(year: 2025, month: 8, day: 17)!))
        #expect(independence.kind == .national)
        // Ruling 5: collective leave is a working day for due dates (18 Aug 2025 is a Monday).
        #expect(reference.holidays.isWorkingDay(CalendarDate(year: 2025, month: 8, day: 18)!))
    }

    @Test("Rows per year match SOURCES.md §5")
    func holidayCountsPerYear() {
        // SOURCES.md §5: 2019 17+4, 2020 17+5, 2021 15+1, 2022 16+4, 2023 16+11, 2024 19+10, 2025 17+11, 2026 17+8.
        let expected: [Int: (national: Int, leave: Int)] = [
            2019: (17, 4), 2020: (17, 5), 2021: (15, 1), 2022: (16, 4),
            2023: (16, 11), 2024: (19, 10), 2025: (17, 11), 2026: (17, 8),
        ]
        for (year, counts) in expected {
            var national = 0
            var leave = 0
            var day = CalendarDate(year: year, month: 1, day: 1)!
            while day.year == year {
                switch reference.holidays.holiday(on: day)?.kind {
                case .national: national += 1
                case .collectiveLeave: leave += 1
                case nil: break
                }
                day = day.adding(days: 1)
            }
            #expect(national == counts.national, "national \(year)")
            #expect(leave == counts.leave, "collective leave \(year)")
        }
    }

    @Test("Amendments are applied: Idul Adha 2022 on Sunday 10 July, 2021 Tahun Baru Islam on 11 August")
    func amendments() {
        // SOURCES.md §5: SKB 678/2022 moved Idul Adha from 9 to 10 Jul 2022; SKB 712/2021 moved 10 → 11 Aug 2021.
        let h = reference.holidays
        #expect(h.holiday(on: CalendarDate(year: 2022, month: 7, day: 10)!)?.kind == .national)
        #expect(h.holiday(on: CalendarDate(year: 2022, month: 7, day: 9)!) == nil)
        #expect(h.holiday(on: CalendarDate(year: 2021, month: 8, day: 11)!)?.kind == .national)
        #expect(h.holiday(on: CalendarDate(year: 2021, month: 8, day: 10)!) == nil)
    }

    @Test("A national holiday on a weekday is not a working day; weekends never are")
    func workingDays() {
        // Ruling 5: Saturday, Sunday and `national` days are not working days.
        let h = reference.holidays
        #expect(!h.isWorkingDay(CalendarDate(year: 2022, month: 4, day: 15)!))  // Friday, Wafat Isa Al Masih
        #expect(!h.isWorkingDay(CalendarDate(year: 2025, month: 6, day: 14)!))  // Saturday
        #expect(!h.isWorkingDay(CalendarDate(year: 2025, month: 6, day: 15)!))  // Sunday
        #expect(h.isWorkingDay(CalendarDate(year: 2025, month: 6, day: 16)!))  // Monday
        #expect(h.onOrAfterNextWorkingDay(CalendarDate(year: 2022, month: 4, day: 15)!) == CalendarDate(year: 2022, month: 4, day: 18))
        #expect(h.onOrAfterNextWorkingDay(CalendarDate(year: 2025, month: 6, day: 16)!) == CalendarDate(year: 2025, month: 6, day: 16))
    }

    @Test("An unknown holiday kind in an operator's holidays.csv is refused with its row")
    func badHolidayKind() throws {
        // SOURCES.md §5: kind is `national` or `collective_leave`.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("date,name,kind\n2025-01-01,Tahun Baru,national\n2025-08-18,HUT RI,regional\n".utf8)
            .write(to: url.appendingPathComponent("holidays.csv"))
        let error = #expect(throws: DomainError.self) { try ReferenceData(source: .directory(url)) }
        guard case .malformedTable(let file, let row, let reason) = error else {
            Issue.record("expected malformedTable, got \(String(describing: error))")
            return
        }
        #expect(file == "holidays.csv")
        #expect(row == 3)
        #expect(reason.contains("kind"))
        #expect(reason.contains("regional"))
    }
}
