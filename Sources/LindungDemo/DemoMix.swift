import LindungCore

/// How a generated participant is engaged; each role has its own kind of employer.
enum DemoRole: Int, CaseIterable {
    /// PU with a company (wage earners).
    case company
    /// PU: non-ASN staff of a government agency (OPD), JKK and JKM paid by the region.
    case nonASN
    /// BPU (self-employed), registered through a collective ("wadah").
    case bpu
    /// Construction project workers.
    case jakon
    /// Migrant workers (PMI), through a placement agency (P3MI).
    case pmi

    var segment: Segment {
        switch self {
        case .company, .nonASN: .pu
        case .bpu: .bpu
        case .jakon: .jakon
        case .pmi: .pmi
        }
    }
}

/// The proportions of the demo province, with where they come from (docs/demo.md has the full story).
enum DemoMix {
    /// Share of generated participants by role. National active participants (REGULATIONS.md §5, BPJS Feb 2025:
    /// PU 26.26 M, BPU 9.58 M, Jakon 5.53 M of 41.38 M) are PU 63 %, BPU 23 %, Jakon 13 %; PMI is small.
    /// Non-ASN are part of PU: 1.2 % of the employed, our estimate (BKN's 2022 count of about 2.3 M non-ASN
    /// nationally, as the news reported it; not in the shared sources).
    static let share: [DemoRole: Double] = [.company: 0.608, .nonASN: 0.012, .bpu: 0.24, .jakon: 0.12, .pmi: 0.02]

    /// Share of a regency's or city's non-ASN who work for the province's agencies (its schools and UPTs
    /// are spread over every regency).
    static let provinceNonASNShare = 0.25

    /// How much more (or less) of a role a region holds than its population alone says. Wage work is
    /// concentrated in the cities and the industrial belt (Tangerang, Cilegon, Serang); self-employment in the
    /// rural south: Pandeglang's formal share was 29 % in Aug 2024 against Banten's 54 % (labour_force.csv).
    static func tilt(_ role: DemoRole, region: Region) -> Double {
        let formal: Double
        switch region.code {
        case "3601": formal = 0.55  // Pandeglang
        case "3602": formal = 0.6  // Lebak
        case "3603": formal = 1.15  // Kabupaten Tangerang (industrial estates)
        case "3604": formal = 1.0  // Kabupaten Serang
        case "3672": formal = 1.5  // Cilegon (steel and chemicals)
        default: formal = region.level == .city ? 1.2 : 0.9
        }
        switch role {
        case .company, .nonASN: return formal
        case .bpu: return 2.0 - formal * 0.8
        case .jakon: return 0.6 + formal * 0.4
        case .pmi: return 1.8 - formal * 0.8
        }
    }

    /// Share of men by role, our assumption (labour_force.csv has no split by sex): construction is almost
    /// all men, migrant workers mostly women (domestic work abroad).
    static func maleShare(_ role: DemoRole) -> Double {
        switch role {
        case .company: 0.6
        case .nonASN: 0.5
        case .bpu: 0.58
        case .jakon: 0.96
        case .pmi: 0.32
        }
    }

    /// Relative weight of each age 18...65 at the end of the reference month, by role (born 1960-2007 for 2025).
    static func ageWeights(_ role: DemoRole) -> [Double] {
        (18...65).map { age in
            let base: Double =
                switch age {
                case 18...19: 2
                case 20...24: 7
                case 25...29: 10
                case 30...34: 10
                case 35...39: 9
                case 40...44: 8
                case 45...49: 6
                case 50...54: 4.5
                case 55...59: 2.5
                default: 1
                }
            switch role {
            case .company: return age >= 60 ? base * 0.3 : base
            case .nonASN: return age < 20 ? 0 : age >= 60 ? 0.2 : base
            case .bpu: return age < 25 ? base * 0.5 : base
            case .jakon: return age >= 60 ? base * 0.3 : base
            case .pmi: return (20...45).contains(age) ? base : 0
            }
        }
    }

    /// Probability that a spell starts inside the 12 months (the rest started earlier); with the forced
    /// starts of the youngest and the job changes, about 8 % of spells start in the year.
    static func newInYear(_ role: DemoRole) -> Double {
        switch role {
        case .company: 0.05
        case .nonASN: 0.04
        case .bpu: 0.08
        case .jakon: 0.12
        case .pmi: 0.12
        }
    }

    /// Probability that a spell ends inside the 12 months (about 6 % overall).
    static func endsInYear(_ role: DemoRole) -> Double {
        switch role {
        case .company: 0.055
        case .nonASN: 0.04
        case .bpu: 0.06
        case .jakon: 0.10
        case .pmi: 0.07
        }
    }

    /// Exit reasons and their weights by role.
    static func exitReasons(_ role: DemoRole) -> [(reason: String, weight: Double)] {
        switch role {
        case .company: [("resigned", 40), ("contract ended", 35), ("laid off", 15), ("retired", 8), ("died", 2)]
        case .nonASN: [("contract ended", 55), ("resigned", 40), ("retired", 4), ("died", 1)]
        case .bpu: [("stopped contributing", 90), ("resigned", 9), ("died", 1)]
        case .jakon: [("project completed", 80), ("contract ended", 19), ("died", 1)]
        case .pmi: [("returned home", 65), ("contract ended", 34), ("died", 1)]
        }
    }

    /// Of the PU workers who resigned or whose contract ended, the share who join another employer of the
    /// same regency later in the year (a second spell).
    static let jobChange = 0.4

    /// Earliest start of a spell that began before the year, by role (projects and placements are recent).
    static func earliestStartYearsBack(_ role: DemoRole) -> Int? {
        switch role {
        case .jakon, .pmi: 2
        default: nil
        }
    }

    /// Spells that began before the year started on or after this date (brief: spread over 2015-2024).
    static let firstStart = CalendarDate(year: 2015, month: 1, day: 1)!

    /// Programs by role; arrays built once and shared (copy-on-write), in canonical order.
    static let puFull: [Program] = [.jkk, .jkm, .jht, .jp, .jkp]
    /// Micro and small employers may leave out JP (REGULATIONS.md §1).
    static let puNoJP: [Program] = [.jkk, .jkm, .jht, .jkp]
    static let jkkJkm: [Program] = [.jkk, .jkm]
    static let jkkJkmJht: [Program] = [.jkk, .jkm, .jht]
    static let pmiPackage: [Program] = [.jkkJkm]
    static let pmiWithJHT: [Program] = [.jkkJkm, .jht]
}
