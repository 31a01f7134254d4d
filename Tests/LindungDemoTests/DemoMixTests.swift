import LindungCore
import LindungDemo
import LindungStorage
import Testing

@Suite("Demo province: segment mix, history and wages")
struct DemoMixTests {
    typealias F = DemoFixture

    @Test("segments near PU 62 %, BPU 24 %, Jakon 12 %, PMI 2 %; a year of history; wages around the UMK")
    func mixAndHistory() async throws {
        let (store, _) = try await F.generated()
        var segments: [Segment: Int] = [:]
        var spells = 0
        var startedInYear = 0
        var endedInYear = 0
        var raised = 0
        var nonASN = 0
        let yearStart = CalendarDate(year: 2025, month: 1, day: 1)!
        let yearEnd = CalendarDate(year: 2025, month: 12, day: 31)!
        for person in try await F.allPersons(store) {
            let detail = try #require(try await store.person(nik: person.record.nik))
            #expect(!detail.spells.isEmpty)
            segments[detail.spells[0].segment, default: 0] += 1
            for spell in detail.spells {
                spells += 1
                #expect(spell.startDate <= yearEnd && (spell.endDate ?? yearEnd) >= yearStart, "every spell is active in the year")
                #expect(spell.startDate >= CalendarDate(year: 2015, month: 1, day: 1)!)
                #expect(yearEnd.age(ofPersonBornOn: person.record.birthDate) >= 18)
                if spell.startDate >= yearStart { startedInYear += 1 }
                if let end = spell.endDate {
                    endedInYear += 1
                    #expect(end >= yearStart && spell.exitReason != nil)
                }
                if spell.wages.count == 2 {
                    raised += 1
                    #expect(spell.segment == .pu && spell.wages[1].effectiveFrom == yearStart && spell.wages[1].amount >= spell.wages[0].amount)
                }
                if spell.category != nil { nonASN += 1 }
                let wage = try #require(spell.wages.last).amount
                switch spell.segment {
                case .pu where spell.category == nil:
                    // Company workers: at least the 2025 UMK of their regency (companies hire locally).
                    let minimum = try #require(F.reference.minimumWages.minimumWage(region: person.record.domicileRegion, year: 2025))
                    if spell.wages.last?.effectiveFrom ?? yearStart >= yearStart { #expect(wage >= minimum.monthlyWage) }
                case .pu: #expect((1_200_000...4_500_000).contains(wage))
                case .bpu: #expect((1_000_000...5_000_000).contains(wage))
                case .jakon, .pmi: #expect(wage > 0)
                }
            }
        }
        func share(_ segment: Segment) -> Double { Double(segments[segment] ?? 0) / 3_000 }
        #expect(abs(share(.pu) - 0.62) < 0.02)
        #expect(abs(share(.bpu) - 0.24) < 0.02)
        #expect(abs(share(.jakon) - 0.12) < 0.02)
        #expect(abs(share(.pmi) - 0.02) < 0.01)
        #expect(nonASN > 0)
        #expect((0.04...0.13).contains(Double(startedInYear) / Double(spells)), "about 8 % start in the year: \(startedInYear)/\(spells)")
        #expect((0.03...0.10).contains(Double(endedInYear) / Double(spells)), "about 6 % end in the year: \(endedInYear)/\(spells)")
        #expect(raised > spells / 3)
    }

    @Test("another province gets generic offices and valid NIKs")
    func otherProvince() async throws {
        let (store, summary) = try await F.generated(F.configuration(workers: 500, province: "33"))
        #expect(summary.persons == 500)
        #expect(summary.branchOffices == 35)
        for person in try await F.allPersons(store) {
            let nik = try NIK(person.record.nik, regions: F.reference.regions, currentYear: 2025)
            #expect(nik.province.code == "33")
        }
    }
}
