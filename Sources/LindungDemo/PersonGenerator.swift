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
    var random: DemoRandom
    private var regionIndex = 0
    private var personInRegion = 0
    private(set) var nextPersonID: Int64 = 1
    private(set) var nextSpellID: Int64 = 1
    private(set) var wageCount = 0
    /// NIK serials issued per (district, birth day, sex), so every NIK is unique.
    private var serials: [UInt16]
    private let ages: [WeightedIndex]
    /// The latest birth day number for each age 0...65 (a person of that age at the end of the window).
    private let latestBirth: [Int]
    private let firstBirth: Int
    private let birthSpan: Int
    private let exits: [(picker: WeightedIndex, reasons: [String])]
    private let windowStart: Int
    private let windowEnd: Int
    let raiseDay: Int
    let raiseDate: CalendarDate
    private let firstStart: Int

    init(plan: DemoPlan) {
        regions = plan.regions
        traits = plan.traits
        provinceAgencyPool = plan.provinceAgencyPool
        placementPool = plan.placementPool
        names = plan.names
        random = DemoRandom(seed: plan.configuration.seed, stream: 2)
        ages = DemoRole.allCases.map { WeightedIndex(DemoMix.ageWeights($0)) }
        let end = plan.windowEnd
        latestBirth = (0...65).map { age in
            CalendarDate(year: end.year - age, month: end.month, day: min(end.day, CalendarDate.daysIn(year: end.year - age, month: end.month)))!
                .dayNumber
        }
        firstBirth = latestBirth[65] - 364
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
        return chunk.persons.isEmpty ? nil : chunk
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
            // Half spread evenly, half skewed to recent years (turnover): density rises towards the window.
            let u = random.unit()
            let v = random.unit()
            start = earliest + Int(Double(span) * (random.below(2) == 0 ? u : max(u, v)))
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
        chunk.persons.append(
            .init(
                id: personID,
                record: PersonRecord(nik: nik, name: names.all[Int(name)], birthDate: birth, sex: sex, domicileRegion: region.region.code),
                registeredOn: CalendarDate(dayNumber: start)))
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
