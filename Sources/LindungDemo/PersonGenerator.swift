import LindungCore
import LindungStorage

/// Generates the persons of a `DemoPlan`, region by region, in chunks, with their spells and wages.
///
/// Person k of a region takes the region's slot (k × stride + 7) mod n: the slot decides the role and the
/// employer (each employer's capacity is filled exactly), while the draws of one random stream decide sex,
/// age, district, name, dates and wages. One stream, one order: the same seed gives the same rows.
struct PersonGenerator {
    // Copies of the plan's tables, so the hot loop reads constants rather than a class's mutable storage.
    private let regions: [RegionPlan]
    private let traits: [EmployerTraits]
    private let provinceAgencyPool: EmployerPool
    private let placementPool: EmployerPool
    private let names: NamePool
    private var random: DemoRandom
    private var regionIndex = 0
    private var personInRegion = 0
    private(set) var nextPersonID: Int64 = 1
    private(set) var nextSpellID: Int64 = 1
    private(set) var wageCount = 0
    /// NIK serials issued per (district, birth day, sex), so every NIK is unique.
    private var serials: [UInt16]
    private let ages: [WeightedIndex]
    /// The latest birth day number for each age 0...64 (a person of that age at the end of the window).
    private let latestBirth: [Int]
    private let firstBirth: Int
    private let birthSpan: Int
    private let exits: [(picker: WeightedIndex, reasons: [String])]
    private let windowStart: Int
    private let windowEnd: Int
    private let raiseDay: Int
    private let raiseDate: CalendarDate
    private let firstStart: Int
    /// Per person of the chunk being built: its sort key and the end of its spells in the chunk.
    private var sortKeys: [UInt64] = []
    private var spellEnds: [Int] = []

    init(plan: DemoPlan) {
        regions = plan.regions
        traits = plan.traits
        provinceAgencyPool = plan.provinceAgencyPool
        placementPool = plan.placementPool
        names = plan.names
        random = DemoRandom(seed: plan.configuration.seed, stream: 2)
        ages = DemoRole.allCases.map { WeightedIndex(DemoMix.ageWeights($0)) }
        let end = plan.windowEnd
        latestBirth = (0...64).map { age in
            CalendarDate(year: end.year - age, month: end.month, day: min(end.day, CalendarDate.daysIn(year: end.year - age, month: end.month)))!
                .dayNumber
        }
        firstBirth = latestBirth[64] - 364
        birthSpan = latestBirth[18] - firstBirth + 1
        let districts = plan.regions.reduce(0) { $0 + $1.districts }
        serials = [UInt16](repeating: 0, count: districts * birthSpan * 2)
        exits = DemoRole.allCases.map { role in
            let reasons = DemoMix.exitReasons(role)
            return (WeightedIndex(reasons.map(\.weight)), reasons.map(\.reason))
        }
        windowStart = plan.windowStart.dayNumber
        windowEnd = end.dayNumber
        raiseDate = plan.raiseDate
        raiseDay = plan.raiseDate.dayNumber
        firstStart = DemoMix.firstStart.dayNumber
    }

    var personsGenerated: Int { Int(nextPersonID - 1) }

    /// The next chunk of up to `size` persons with their spells and wages; nil when all are generated.
    mutating func nextChunk(size: Int) -> RegistryBulkChunk? {
        var chunk = RegistryBulkChunk()
        chunk.persons.reserveCapacity(size)
        chunk.spells.reserveCapacity(size + size / 20)
        sortKeys.removeAll(keepingCapacity: true)
        spellEnds.removeAll(keepingCapacity: true)
        let firstPerson = nextPersonID
        let firstSpell = nextSpellID
        while chunk.persons.count < size, regionIndex < regions.count {
            let region = regions[regionIndex]
            if personInRegion >= region.persons {
                regionIndex += 1
                personInRegion = 0
                continue
            }
            let count = min(size - chunk.persons.count, region.persons - personInRegion)
            for k in personInRegion..<(personInRegion + count) { person(region, slot: (k * region.multiplier + 7) % region.persons, &chunk) }
            personInRegion += count
        }
        return chunk.persons.isEmpty ? nil : Self.ordered(chunk, keys: sortKeys, spellEnds: spellEnds, firstPerson: firstPerson, firstSpell: firstSpell)
    }

    /// The chunk with its persons in the order of `keys` (ids renumbered from `firstPerson`, spells following
    /// their persons). Ordered by name, the inserts into the registry's name index go in one sweep rather
    /// than jumping at random, which keeps the bulk insert fast at millions of rows.
    private static func ordered(
        _ chunk: RegistryBulkChunk, keys: [UInt64], spellEnds: [Int], firstPerson: Int64, firstSpell: Int64
    ) -> RegistryBulkChunk {
        var order = keys.enumerated().map { UInt64($0.element) << 24 | UInt64($0.offset) }
        order.sort()
        var result = RegistryBulkChunk()
        result.persons.reserveCapacity(chunk.persons.count)
        result.spells.reserveCapacity(chunk.spells.count)
        for entry in order {
            let old = Int(entry & 0xFF_FFFF)
            let person = chunk.persons[old]
            let id = firstPerson + Int64(result.persons.count)
            result.persons.append(.init(id: id, record: person.record, registeredOn: person.registeredOn))
            for spell in chunk.spells[(old == 0 ? 0 : spellEnds[old - 1])..<spellEnds[old]] {
                result.spells.append(
                    .init(
                        id: firstSpell + Int64(result.spells.count), personID: id, employerID: spell.employerID, segment: spell.segment,
                        programs: spell.programs, category: spell.category, startDate: spell.startDate, endDate: spell.endDate,
                        exitReason: spell.exitReason, wages: spell.wages))
            }
        }
        return result
    }

    private mutating func person(_ region: RegionPlan, slot: Int, _ chunk: inout RegistryBulkChunk) {
        var part = 0
        while slot >= region.bounds[part] { part += 1 }
        let offset = slot - (part == 0 ? 0 : region.bounds[part - 1])
        let role: DemoRole
        let employer: Int
        var category: NonASNCategory?
        switch part {
        case 0:
            role = .company
            employer = region.companyPool.members[region.companyPool.locate(offset).position]
        case 1, 2:
            role = .nonASN
            let pool = part == 1 ? region.agencyPool : provinceAgencyPool
            let place = pool.locate(part == 1 ? offset : region.provinceAgencyOffset + offset)
            employer = pool.members[place.position]
            let agency = traits[employer]
            category = place.offset < agency.honorerCut ? .honorer : place.offset < agency.thlCut ? .thl : .ptt
        case 3:
            role = .bpu
            employer = region.collectivePool.members[region.collectivePool.locate(offset).position]
        case 4:
            role = .jakon
            employer = region.projectPool.members[region.projectPool.locate(offset).position]
        default:
            role = .pmi
            employer = placementPool.members[placementPool.locate(region.placementOffset + offset).position]
        }

        let sex: NIK.Sex = random.chance(DemoMix.maleShare(role)) ? .male : .female
        let age = 18 + ages[role.rawValue].pick(&random)
        var birthDay = latestBirth[age] - random.below(365)
        let district = region.districtPicker.pick(&random) + 1
        var serial = 0
        while serial == 0 {
            let key = ((region.districtBase + district - 1) * birthSpan + (birthDay - firstBirth)) * 2 + (sex == .female ? 1 : 0)
            if serials[key] < 9_999 {
                serials[key] += 1
                serial = Int(serials[key])
            } else {
                birthDay -= 1
            }
        }
        let birth = CalendarDate(dayNumber: birthDay)
        let nik = Self.nik(region.codeDigits, district: district, birth: birth, sex: sex, serial: serial)
        let personID = nextPersonID
        nextPersonID += 1

        // The spell: started before the window (spread over 2015 to the window, more of them recent) or in it.
        let adult = birth.adding(months: 18 * 12).dayNumber
        let floor = DemoMix.earliestStartYearsBack(role).map { windowStart - 365 * $0 } ?? firstStart
        let earliest = min(max(floor, adult), windowEnd)
        let start: Int
        if earliest >= windowStart || random.chance(DemoMix.newInYear(role)) {
            let from = max(earliest, windowStart)
            start = from + random.below(windowEnd - from + 1)
        } else {
            let span = windowStart - 1 - earliest
            start = earliest + Int(Double(span) * max(random.unit(), random.unit()))
        }
        var end: Int?
        var reason: String?
        if random.chance(DemoMix.endsInYear(role)), start + 31 <= windowEnd {
            let from = max(start + 30, windowStart)
            end = from + random.below(windowEnd - from)
            let exit = exits[role.rawValue]
            var picked = exit.reasons[exit.picker.pick(&random)]
            if picked == "retired" && age < 55 { picked = "resigned" }
            reason = picked
        }

        let name = names.name(sex, &random)
        sortKeys.append(UInt64(name))
        chunk.persons.append(
            .init(
                id: personID, record: PersonRecord(nik: nik, name: names.all[Int(name)], birthDate: birth, sex: sex, domicileRegion: region.region.code),
                registeredOn: CalendarDate(dayNumber: start)))
        defer { spellEnds.append(chunk.spells.count) }
        let employerTraits = traits[employer]
        appendSpell(
            personID: personID, employer: employer, role: role, category: category, start: start, end: end, reason: reason,
            wages: wages(role, traits: employerTraits, region: region, start: start, end: end), programs: programs(role, traits: employerTraits),
            &chunk)

        // Some who resigned or whose contract ended join another company of the regency later in the year.
        if role == .company, let end, reason == "resigned" || reason == "contract ended", random.chance(DemoMix.jobChange),
            region.companyPool.members.count > 1
        {
            let next = end + random.between(7, 60)
            guard next <= windowEnd else { return }
            let pool = region.companyPool
            var position = pool.locate(random.below(pool.capacity)).position
            if pool.members[position] == employer { position = (position + 1) % pool.members.count }
            let other = pool.members[position]
            let otherTraits = traits[other]
            appendSpell(
                personID: personID, employer: other, role: role, category: nil, start: next, end: nil, reason: nil,
                wages: wages(role, traits: otherTraits, region: region, start: next, end: nil), programs: programs(role, traits: otherTraits),
                &chunk)
        }
    }

    private mutating func appendSpell(
        personID: Int64, employer: Int, role: DemoRole, category: NonASNCategory?, start: Int, end: Int?, reason: String?,
        wages: [WageChange], programs: [Program], _ chunk: inout RegistryBulkChunk
    ) {
        chunk.spells.append(
            .init(
                id: nextSpellID, personID: personID, employerID: Int64(employer + 1), segment: role.segment, programs: programs,
                category: category, startDate: CalendarDate(dayNumber: start), endDate: end.map(CalendarDate.init(dayNumber:)),
                exitReason: reason, wages: wages))
        nextSpellID += 1
        wageCount += wages.count
    }

    private mutating func programs(_ role: DemoRole, traits: EmployerTraits) -> [Program] {
        switch role {
        case .company:
            // Micro and small employers may leave out JP; about half do.
            traits.sizeClass == .micro || traits.sizeClass == .small ? (random.chance(0.5) ? DemoMix.puNoJP : DemoMix.puFull) : DemoMix.puFull
        case .nonASN, .jakon: DemoMix.jkkJkm
        case .bpu: traits.vulnerable || random.chance(0.7) ? DemoMix.jkkJkm : DemoMix.jkkJkmJht
        case .pmi: random.chance(0.7) ? DemoMix.pmiPackage : DemoMix.pmiWithJHT
        }
    }

    /// The wage history: PU spells running on 1 January of the reference year get that day's raise (the new
    /// UMK); a spell that started before it has the previous year's level from its start.
    private mutating func wages(_ role: DemoRole, traits: EmployerTraits, region: RegionPlan, start: Int, end: Int?) -> [WageChange] {
        let previous: Rupiah
        let current: Rupiah
        switch role {
        case .company:
            let u = random.unit()
            if u >= 0.97 && traits.sizeClass != .micro {
                // High earners, above the JP wage cap (about Rp10.5 M).
                let top = 10_600_000 + 34_000_000 * random.unit() * random.unit()
                current = Self.round(top, to: 50_000)
                previous = Self.round(top / 1.07, to: 50_000)
            } else {
                var factor: Double =
                    u < 0.55 ? 1.0 + 0.15 * random.unit()
                    : u < 0.80 ? 1.15 + 0.35 * random.unit()
                    : u < 0.92 ? 1.5 + 0.5 * random.unit() : 2.0 + 0.5 * random.unit()
                if traits.sizeClass == .micro { factor = 1 + (factor - 1) * 0.4 }
                factor *= traits.wageLevel
                previous = Self.roundUp(Double(region.minimumWagePrevious) * factor, to: 1_000)
                current = Self.roundUp(Double(region.minimumWageCurrent) * factor * (1 + 0.04 * random.unit()), to: 1_000)
            }
        case .nonASN:
            // Honoraria from the regional budget, Rp1.2-4 M: often below the UMK.
            previous = Rupiah(random.between(24, 80)) * 50_000
            current = Self.round(Double(previous) * (1.03 + 0.07 * random.unit()), to: 50_000)
        case .bpu:
            // Declared income in Rp100,000 steps: half below Rp2 M; the vulnerable at the Rp1 M floor.
            let u = random.unit()
            let steps = traits.vulnerable ? 10 : u < 0.5 ? random.between(10, 20) : u < 0.8 ? random.between(21, 35) : random.between(36, 50)
            return [WageChange(effectiveFrom: CalendarDate(dayNumber: start), amount: Rupiah(steps) * 100_000)]
        case .jakon:
            let minimum = start < raiseDay ? region.minimumWagePrevious : region.minimumWageCurrent
            let amount = Self.roundUp(Double(minimum) * (1.0 + 0.6 * random.unit()) * traits.wageLevel, to: 1_000)
            return [WageChange(effectiveFrom: CalendarDate(dayNumber: start), amount: amount)]
        case .pmi:
            // Income abroad, Rp4.5-12 M.
            return [WageChange(effectiveFrom: CalendarDate(dayNumber: start), amount: Rupiah(random.between(45, 120)) * 100_000)]
        }
        if start < raiseDay {
            let first = WageChange(effectiveFrom: CalendarDate(dayNumber: start), amount: previous)
            if let end, end < raiseDay { return [first] }
            return [first, WageChange(effectiveFrom: raiseDate, amount: max(current, previous))]
        }
        return [WageChange(effectiveFrom: CalendarDate(dayNumber: start), amount: current)]
    }

    private static func roundUp(_ value: Double, to step: Rupiah) -> Rupiah { Rupiah((value / Double(step)).rounded(.up)) * step }

    private static func round(_ value: Double, to step: Rupiah) -> Rupiah { Rupiah((value / Double(step)).rounded()) * step }

    /// province+regency (4) district (2) DD (+40 for women) MM YY serial (4), written digit by digit.
    static func nik(_ region: [UInt8], district: Int, birth: CalendarDate, sex: NIK.Sex, serial: Int) -> String {
        let day = birth.day + (sex == .female ? 40 : 0)
        let year = birth.year % 100
        return String(unsafeUninitializedCapacity: 16) { buffer in
            let zero = UInt8(ascii: "0")
            buffer[0] = region[0]
            buffer[1] = region[1]
            buffer[2] = region[2]
            buffer[3] = region[3]
            buffer[4] = zero + UInt8(district / 10)
            buffer[5] = zero + UInt8(district % 10)
            buffer[6] = zero + UInt8(day / 10)
            buffer[7] = zero + UInt8(day % 10)
            buffer[8] = zero + UInt8(birth.month / 10)
            buffer[9] = zero + UInt8(birth.month % 10)
            buffer[10] = zero + UInt8(year / 10)
            buffer[11] = zero + UInt8(year % 10)
            buffer[12] = zero + UInt8(serial / 1_000)
            buffer[13] = zero + UInt8(serial / 100 % 10)
            buffer[14] = zero + UInt8(serial / 10 % 10)
            buffer[15] = zero + UInt8(serial % 10)
            return 16
        }
    }
}
