import LindungCore
import LindungStorage

extension DemoPlan {
    /// Every government's OPDs: the province's (their non-ASN come from all regencies) and each
    /// regency's/city's. Their registered non-ASN are exact capacities; about one agency in eight has
    /// registered nobody yet, and every roster reports more staff than are registered (coverage gaps).
    func buildAgencies(_ random: inout DemoRandom) {
        let provinceTotal = regions.reduce(0) { $0 + $1.provinceNonASN }
        var pool = EmployerPool()
        addAgencies(of: province, total: provinceTotal, branch: provinceBranch, into: &pool, &random)
        provinceAgencyPool = pool
        for index in regions.indices {
            var regional = EmployerPool()
            let local = regions[index].counts[DemoRole.nonASN.rawValue] - regions[index].provinceNonASN
            addAgencies(of: regions[index].region, total: local, branch: regions[index].branchCodes.first, into: &regional, &random)
            regions[index].agencyPool = regional
        }
    }

    private func addAgencies(of government: Region, total: Int, branch: String?, into pool: inout EmployerPool, _ random: inout DemoRandom) {
        let isProvince = government.level == .province
        let offices = DemoNames.offices.filter { isProvince ? $0.level != .regionalOnly : $0.level != .provinceOnly }
        let covered = offices.map { $0.name.hasPrefix("Dinas Pendidikan") || !random.chance(0.12) }
        let weights = offices.map { $0.weight * (0.6 + 0.8 * random.unit()) }
        let registered = Apportion.largestRemainder(total, weights: zip(weights, covered).map { $1 ? $0 : 0 })
        let weightSum = weights.reduce(0, +)
        let owner = isProvince ? "Provinsi \(government.name)" : government.name
        for (index, office) in offices.enumerated() {
            let mix = [office.honorer, office.thl, max(0, 1 - office.honorer - office.thl)]
            let split = Apportion.largestRemainder(registered[index], weights: mix)
            var headcount: [NonASNCategory: Int] = [:]
            if registered[index] > 0 {
                // Registered staff plus 5-45 % not registered yet.
                let gap = 0.05 + 0.4 * random.unit()
                for (category, count) in zip(NonASNCategory.allCases, split) {
                    headcount[category] = count + Int((Double(count) * gap).rounded(.up)) + random.below(2)
                }
            } else {
                // Nobody registered: the agency reports its expected staff.
                let expected = max(2, Int((Double(total) * weights[index] / weightSum * 1.2).rounded()))
                for (category, count) in zip(NonASNCategory.allCases, Apportion.largestRemainder(expected, weights: mix)) {
                    headcount[category] = count
                }
            }
            let staff = headcount.values.reduce(0, +)
            let name = office.name == "RSUD" ? "RSUD \(owner)" : "\(office.name) \(owner)"
            let employer = addEmployer(
                EmployerRecord(
                    npp: nil, kind: .agency, name: name, regionCode: government.code, parentRegionCode: government.code,
                    riskClass: office.riskClass, sizeClass: .forWorkers(staff), branchCode: branch),
                traits: EmployerTraits(sizeClass: .forWorkers(staff), honorerCut: split[0], thlCut: split[0] + split[1]))
            pool.add(employer, capacity: registered[index])
            rosters.append(NonASNRoster(agencyNPP: employers[employer].npp, asOf: windowStart, headcount: headcount))
            agencyCount += 1
        }
    }

    /// A regency's companies (sized until they hold its PU workers exactly), its BPU collectives and its
    /// construction projects.
    func buildRegionalEmployers(_ index: Int, _ random: inout DemoRandom) {
        var plan = regions[index]
        let sectorPicker = WeightedIndex(
            DemoNames.sectors.map { $0.weight * (plan.region.code == "3672" && $0.riskClass >= 4 ? 4 : 1) })
        var remaining = plan.counts[DemoRole.company.rawValue]
        while remaining > 0 {
            let workers = min(remaining, Self.companySize(&random))
            remaining -= workers
            let size = SizeClass.forWorkers(workers)
            let sector = DemoNames.sectors[sectorPicker.pick(&random)]
            let id = employers.count + 1
            let level: Double =
                switch size {
                case .micro: 1.0
                case .small: 1.0 + 0.05 * random.unit()
                case .medium: 1.0 + 0.1 * random.unit()
                case .large: 1.0 + 0.15 * random.unit()
                }
            let employer = addEmployer(
                EmployerRecord(
                    npp: nil, kind: .company, name: DemoNames.company(sector, size: size, names: names, &random), nib: Self.nib(id),
                    npwp: size == .micro ? nil : Self.npwp(id), regionCode: plan.region.code, riskClass: sector.riskClass, sizeClass: size,
                    branchCode: branch(plan, &random)),
                traits: EmployerTraits(sizeClass: size, wageLevel: level))
            plan.companyPool.add(employer, capacity: workers)
        }

        let collectives = DemoNames.collectives
        let members = Apportion.largestRemainder(plan.counts[DemoRole.bpu.rawValue], weights: collectives.map(\.share))
        for (collective, count) in zip(collectives, members) where count > 0 {
            let employer = addEmployer(
                EmployerRecord(
                    npp: nil, kind: .company, name: "\(collective.name) \(plan.region.name)", regionCode: plan.region.code,
                    // A collective of vulnerable workers is sponsored by its regency/city: the region pays their
                    // JKK and JKM under its vulnerable-workers agreement (docs/billing.md).
                    parentRegionCode: collective.vulnerable ? plan.region.code : nil,
                    riskClass: collective.riskClass, sizeClass: .forWorkers(count), branchCode: plan.branchCodes.first),
                traits: EmployerTraits(sizeClass: .forWorkers(count), vulnerable: collective.vulnerable))
            plan.collectivePool.add(employer, capacity: count)
        }

        remaining = plan.counts[DemoRole.jakon.rawValue]
        var package = 0
        while remaining > 0 {
            let workers = min(remaining, Self.projectSize(&random))
            remaining -= workers
            package += 1
            let work = DemoNames.works[random.below(DemoNames.works.count)]
            let size = SizeClass.forWorkers(workers)
            let employer = addEmployer(
                EmployerRecord(
                    npp: nil, kind: .constructionProject, name: "\(work) \(plan.shortName) Paket \(package)", regionCode: plan.region.code,
                    riskClass: [3, 4, 4, 4, 5][random.below(5)], sizeClass: size, branchCode: branch(plan, &random)),
                traits: EmployerTraits(sizeClass: size, wageLevel: 1.0 + 0.1 * random.unit()))
            plan.projectPool.add(employer, capacity: workers)
        }
        regions[index] = plan
    }

    /// Placement agencies (P3MI) for the province's migrant workers: about one per 1,500, 3 to 60, in the
    /// cities more than the regencies.
    func buildPlacementAgencies(_ random: inout DemoRandom) {
        let total = regions.reduce(0) { $0 + $1.counts[DemoRole.pmi.rawValue] }
        guard total > 0 else { return }
        let count = min(60, max(3, total / 1_500))
        let places = WeightedIndex(regions.map { Double($0.population) * ($0.region.level == .city ? 2 : 1) })
        let capacities = Apportion.largestRemainder(total, weights: (0..<count).map { _ in 1 + 9 * random.unit() })
        for capacity in capacities {
            let plan = regions[places.pick(&random)]
            let id = employers.count + 1
            let employer = addEmployer(
                EmployerRecord(
                    npp: nil, kind: .placementAgency, name: DemoNames.placementAgency(&random), nib: Self.nib(id), npwp: Self.npwp(id),
                    regionCode: plan.region.code, riskClass: 1, sizeClass: .forWorkers(capacity), branchCode: branch(plan, &random)),
                traits: EmployerTraits(sizeClass: .forWorkers(capacity)))
            placementPool.add(employer, capacity: capacity)
        }
    }

    private func branch(_ plan: RegionPlan, _ random: inout DemoRandom) -> String? {
        plan.branchCodes.isEmpty ? nil : plan.branchCodes[random.below(plan.branchCodes.count)]
    }

    /// Workers of one company: by employer, 55 % micro (1-4), 30 % small, 11 % medium, 4 % large with a
    /// long tail (a few with 1,000 to 15,000). Most workers are therefore with large employers, as in BPJS's PU.
    static func companySize(_ random: inout DemoRandom) -> Int {
        let u = random.unit()
        if u < 0.55 { return random.between(1, 4) }
        if u < 0.85 { return random.between(5, 19) }
        if u < 0.96 { return random.between(20, 99) }
        let band = random.unit()
        if band < 0.40 { return random.between(100, 199) }
        if band < 0.70 { return random.between(200, 499) }
        if band < 0.86 { return random.between(500, 999) }
        if band < 0.96 { return random.between(1_000, 2_999) }
        if band < 0.995 { return random.between(3_000, 9_999) }
        return random.between(10_000, 15_000)
    }

    /// Workers of one construction project: mostly 10-99, a few large works up to 2,500.
    static func projectSize(_ random: inout DemoRandom) -> Int {
        let u = random.unit()
        if u < 0.40 { return random.between(10, 29) }
        if u < 0.75 { return random.between(30, 99) }
        if u < 0.93 { return random.between(100, 299) }
        if u < 0.99 { return random.between(300, 999) }
        return random.between(1_000, 2_500)
    }

    /// A 13-digit NIB, unique per id: 9 followed by id × an odd multiplier not divisible by 5, mod 10^12
    /// (a bijection on ids below 10^12).
    static func nib(_ id: Int) -> String { "9" + digits((id &* 7_919_777) % 1_000_000_000_000, width: 12) }

    /// A 16-digit NPWP (PMK 112/2022: 0 followed by the old 15 digits).
    static func npwp(_ id: Int) -> String { "0" + digits((id &* 104_729 &+ 10_000_000_000_000) % 1_000_000_000_000_000, width: 15) }

    static func digits(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
