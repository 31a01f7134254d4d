import LindungCore
import LindungStorage

/// Everything fixed before the first person is generated: the province's regions with their share of each
/// role, its branch offices, agreements, employers (with exact worker capacities) and rosters. Small: about
/// one employer per 40 participants; the persons themselves are generated chunk by chunk (`PersonGenerator`).
final class DemoPlan {
    let configuration: DemoConfiguration
    let province: Region
    let names: NamePool
    /// The 12 months of history: first and last day, and the day of the January wage raise.
    let windowStart: CalendarDate
    let windowEnd: CalendarDate
    let raiseDate: CalendarDate

    var regions: [RegionPlan] = []
    var offices: [BranchOffice] = []
    var agreements: [Agreement] = []
    var employers: [RegistryBulkChunk.EmployerRow] = []
    var traits: [EmployerTraits] = []
    var agencyCount = 0
    var rosters: [NonASNRoster] = []
    /// The province's own agencies (their non-ASN come from every regency) and the placement agencies.
    var provinceAgencyPool = EmployerPool()
    var placementPool = EmployerPool()
    var provinceBranch = ""

    init(_ configuration: DemoConfiguration, reference: ReferenceData, resources: DemoResources) throws(DemoError) {
        guard (1...50_000_000).contains(configuration.workers) else { throw .invalidWorkers(configuration.workers) }
        guard let province = reference.regions.region(code: configuration.provinceCode), province.level == .province else {
            throw .unknownProvince(configuration.provinceCode)
        }
        let children = reference.regions.children(ofProvince: province.code)
        guard !children.isEmpty else { throw .unknownProvince(configuration.provinceCode) }
        self.configuration = configuration
        self.province = province
        self.names = resources.names
        let month = configuration.referenceMonth
        windowStart = month.adding(months: -11).firstDay
        windowEnd = month.lastDay
        raiseDate = YearMonth(year: month.year, month: 1).firstDay

        var random = DemoRandom(seed: configuration.seed, stream: 1)
        try buildRegions(children, reference: reference, population: resources.population, &random)
        buildOffices()
        buildAgreements()
        buildAgencies(&random)
        for index in regions.indices { buildRegionalEmployers(index, &random) }
        buildPlacementAgencies(&random)
        assignRoleBounds()
    }

    private func buildRegions(
        _ children: [Region], reference: ReferenceData, population: [String: Int], _ random: inout DemoRandom
    ) throws(DemoError) {
        let year = configuration.referenceMonth.year
        var districtBase = 0
        for (index, region) in children.enumerated() {
            let people = population[region.code] ?? 100_000
            let districts = Self.districtCount(region.code) ?? min(40, max(5, people / 70_000))
            regions.append(
                RegionPlan(
                    index: index, region: region, population: people, districts: districts, districtBase: districtBase,
                    districtPicker: WeightedIndex((0..<districts).map { _ in 0.5 + random.unit() }),
                    minimumWagePrevious: try Self.minimumWage(reference, region: region.code, year: year - 1),
                    minimumWageCurrent: try Self.minimumWage(reference, region: region.code, year: year)))
            districtBase += districts
        }
        // Each role's province total is exact (largest remainder); it is split over the regions by
        // population times the region's tilt towards that role.
        let roles = DemoRole.allCases
        let totals = Apportion.largestRemainder(configuration.workers, weights: roles.map { DemoMix.share[$0] ?? 0 })
        for (role, roleTotal) in zip(roles, totals) {
            let parts = Apportion.largestRemainder(
                roleTotal, weights: regions.map { Double($0.population) * DemoMix.tilt(role, region: $0.region) })
            for index in regions.indices { regions[index].counts[role.rawValue] = parts[index] }
        }
        for index in regions.indices {
            let nonASN = regions[index].counts[DemoRole.nonASN.rawValue]
            regions[index].provinceNonASN = Int((Double(nonASN) * DemoMix.provinceNonASNShare).rounded())
        }
    }

    /// Kecamatan per regency/city for Banten (Kemendagri 2025); elsewhere about one per 70,000 residents.
    private static func districtCount(_ code: String) -> Int? {
        ["3601": 35, "3602": 28, "3603": 29, "3604": 29, "3671": 13, "3672": 8, "3673": 6, "3674": 7][code]
    }

    /// The UMK (or UMP) of a year; a year missing from the table is derived from the nearest one at the
    /// nationally mandated 6.5 % a year.
    static func minimumWage(_ reference: ReferenceData, region: String, year: Int) throws(DemoError) -> Rupiah {
        if let entry = reference.minimumWages.minimumWage(region: region, year: year) { return entry.monthlyWage }
        for distance in 1...6 {
            var factor = 1.0
            for _ in 0..<distance { factor *= 1.065 }
            if let entry = reference.minimumWages.minimumWage(region: region, year: year - distance) {
                return Rupiah((Double(entry.monthlyWage) * factor).rounded())
            }
            if let entry = reference.minimumWages.minimumWage(region: region, year: year + distance) {
                return Rupiah((Double(entry.monthlyWage) / factor).rounded())
            }
        }
        throw .noMinimumWage(region: region, year: year)
    }

    /// Lays out each region's person index space as [company | non-ASN of the regency | non-ASN of the
    /// province | BPU | Jakon | PMI], and where its non-ASN and PMI slots fall in the province-wide pools.
    private func assignRoleBounds() {
        var provinceOffset = 0
        var placementOffset = 0
        for index in regions.indices {
            var plan = regions[index]
            let counts = plan.counts
            let local = counts[DemoRole.nonASN.rawValue] - plan.provinceNonASN
            var end = 0
            plan.bounds = [counts[0], local, plan.provinceNonASN, counts[2], counts[3], counts[4]].map { count in
                end += count
                return end
            }
            plan.provinceAgencyOffset = provinceOffset
            plan.placementOffset = placementOffset
            provinceOffset += plan.provinceNonASN
            placementOffset += counts[DemoRole.pmi.rawValue]
            plan.persons = end
            plan.multiplier = Self.coprimeStride(end)
            regions[index] = plan
        }
    }

    /// A stride near the golden ratio of `n` and coprime with it: k → (k × stride + 7) mod n visits every
    /// slot once, so each employer gets exactly its capacity while neighbours in the order get different ones.
    private static func coprimeStride(_ n: Int) -> Int {
        guard n > 2 else { return 1 }
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        var stride = max(1, Int(Double(n) * 0.618_033_988_7))
        while gcd(stride, n) != 1 { stride += 1 }
        return stride
    }

    /// Adds an employer with the next id (ids and NPPs start at 1 and 10000001: the registry is empty).
    @discardableResult
    func addEmployer(_ record: EmployerRecord, traits employerTraits: EmployerTraits) -> Int {
        let id = Int64(employers.count + 1)
        let npp = String(10_000_000 + id)
        var record = record
        record.npp = npp
        employers.append(.init(id: id, npp: npp, record: record))
        traits.append(employerTraits)
        return employers.count - 1
    }
}

/// One regency or city of the demo province.
struct RegionPlan {
    let index: Int
    let region: Region
    let population: Int
    let districts: Int
    /// Index of this region's first district among all districts of the province (for NIK serials).
    let districtBase: Int
    let districtPicker: WeightedIndex
    let minimumWagePrevious: Rupiah
    let minimumWageCurrent: Rupiah
    /// The region code as ASCII digits, for building NIKs.
    let codeDigits: [UInt8]
    /// "Serang" for both Kabupaten Serang and Kota Serang.
    let shortName: String

    /// Persons by `DemoRole.rawValue`.
    var counts = [Int](repeating: 0, count: DemoRole.allCases.count)
    /// Of the non-ASN, those working for the province's agencies.
    var provinceNonASN = 0
    var persons = 0
    /// Cumulative ends of [company, regency non-ASN, province non-ASN, BPU, Jakon, PMI].
    var bounds: [Int] = []
    var multiplier = 1
    var provinceAgencyOffset = 0
    var placementOffset = 0
    var branchCodes: [String] = []
    var companyPool = EmployerPool()
    var agencyPool = EmployerPool()
    var collectivePool = EmployerPool()
    var projectPool = EmployerPool()

    init(
        index: Int, region: Region, population: Int, districts: Int, districtBase: Int, districtPicker: WeightedIndex,
        minimumWagePrevious: Rupiah, minimumWageCurrent: Rupiah
    ) {
        self.index = index
        self.region = region
        self.population = population
        self.districts = districts
        self.districtBase = districtBase
        self.districtPicker = districtPicker
        self.minimumWagePrevious = minimumWagePrevious
        self.minimumWageCurrent = minimumWageCurrent
        codeDigits = Array(region.code.utf8)
        shortName = DemoNames.shortName(region.name)
    }
}

/// What the person generator needs to know about an employer beyond its record.
struct EmployerTraits {
    var sizeClass: SizeClass
    /// Multiplies the wage draws of its workers (large employers pay more).
    var wageLevel = 1.0
    /// Agencies: slot offsets below `honorerCut` are honorer, below `thlCut` THL, the rest PTT.
    var honorerCut = 0
    var thlCut = 0
    /// The collective of vulnerable workers whose contributions the region pays (PKS "vulnerable").
    var vulnerable = false
}

/// Employers sharing one kind of worker in one place, each with an exact capacity: slot s belongs to the
/// member whose cumulative range holds it.
struct EmployerPool {
    private(set) var members: [Int] = []
    private(set) var ends: [Int] = []

    var capacity: Int { ends.last ?? 0 }

    mutating func add(_ employer: Int, capacity: Int) {
        guard capacity > 0 else { return }
        ends.append(self.capacity + capacity)
        members.append(employer)
    }

    /// The member holding `slot`, and the slot's offset inside that member's range.
    func locate(_ slot: Int) -> (position: Int, offset: Int) {
        var low = 0
        var high = ends.count - 1
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] > slot { high = middle } else { low = middle + 1 }
        }
        return (low, slot - (low == 0 ? 0 : ends[low - 1]))
    }
}

extension SizeClass {
    /// By the number of workers: micro 1-4, small 5-19, medium 20-99, large 100 or more (BPS's size bands).
    static func forWorkers(_ count: Int) -> SizeClass {
        switch count {
        case ..<5: .micro
        case 5..<20: .small
        case 20..<100: .medium
        default: .large
        }
    }
}
