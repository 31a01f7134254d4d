/// A billing month's rates, caps and prices, read once from the rule tables and stored with the bills
/// issued by them: an issued bill's lines can be recomputed from its workers' bases and this tariff even
/// after the rule tables change. `charge(_:riskClass:regionPrograms:)` is the per-worker hot path of a
/// billing run; tests hold it equal to `ContributionCalculator` line by line.
public struct BillingTariff: Sendable, Equatable, Codable {
    public let month: String
    /// JKK by risk class 1-5, then JKM, JHT and JP rates, in micropercent (`Rate.micropercent`).
    let puJKK: [Int64]
    let puJKM: Int64
    let puJHTEmployer: Int64
    let puJHTWorker: Int64
    let puJPEmployer: Int64
    let puJPWorker: Int64
    let jpWageCap: Rupiah
    /// The central government's JKP share and its wage cap; nil before JKP (February 2021).
    let jkpGovernment: Int64?
    let jkpWageCap: Rupiah
    /// The parts of JKP recomposed out of JKK and JKM (ruling 2): an allocation by fund, not a levy.
    let jkpFromJKK: Int64
    let jkpFromJKM: Int64
    /// JP stops for workers born on or before this day (ruling 12: at or past the pension age on the 1st).
    public let jpLastBirthDate: String
    let bpuJKK: Int64
    let bpuJKMFlat: Rupiah
    let bpuJHT: Int64
    let bpuBrackets: [BPUBracket]
    let jakonJKK: Int64
    let jakonJKM: Int64
    /// PP 49/2020: JKK and JKM charged at this share of normal (ruling 14); nil in other months.
    let relief: Int64?
    /// The rule tables' regulations the month's amounts rest on, for the bill's legal basis.
    public let regulations: [String]

    struct BPUBracket: Sendable, Equatable, Codable {
        let incomeFrom: Rupiah
        let incomeTo: Rupiah?
        let base: Rupiah
    }

    public init(rules: RuleSet, month: YearMonth) throws(DomainError) {
        let day = month.firstDay
        let parameters = rules.parameters
        func rate(_ key: String) throws(DomainError) -> Int64 { try parameters.rate(key, on: day).value.micropercent }
        self.month = month.description
        var jkk: [Int64] = []
        for riskClass in 1...5 { jkk.append(try rate("pu.jkk.employer.class\(riskClass)")) }
        puJKK = jkk
        puJKM = try rate("pu.jkm.employer")
        puJHTEmployer = try rate("pu.jht.employer")
        puJHTWorker = try rate("pu.jht.worker")
        puJPEmployer = try rate("pu.jp.employer")
        puJPWorker = try rate("pu.jp.worker")
        let cap = try rules.jpWageCap(for: month)
        jpWageCap = cap.value
        let government = try parameters.optionalRate("jkp.government", on: day)
        jkpGovernment = government?.value.micropercent
        jkpWageCap = government == nil ? 0 : try parameters.whole("jkp.wage_cap", on: day).value
        jkpFromJKK = government == nil ? 0 : try rate("jkp.from_jkk")
        jkpFromJKM = government == nil ? 0 : try rate("jkp.from_jkm")
        let pensionAge = try rules.pensionAge(in: month.year)
        jpLastBirthDate = CalendarDate(year: month.year - pensionAge.value, month: month.month, day: 1)!.iso
        bpuJKK = try rate("bpu.jkk")
        bpuJKMFlat = try parameters.whole("bpu.jkm", on: day).value
        bpuJHT = try rate("bpu.jht")
        bpuBrackets = rules.bpuBrackets.brackets.filter { $0.period.contains(day) }
            .map { BPUBracket(incomeFrom: $0.incomeFrom, incomeTo: $0.incomeTo, base: $0.base) }
            .sorted { $0.incomeFrom < $1.incomeFrom }
        jakonJKK = try rate("jakon.wage.jkk")
        jakonJKM = try rate("jakon.wage.jkm")
        let reliefFactor = try rules.reliefFactor(for: month)
        relief = reliefFactor?.value.micropercent
        var regulations = [
            try parameters.rate("pu.jkk.employer.class1", on: day).regulation, cap.regulation,
            pensionAge.regulation,
        ]
        if let government { regulations.append(government.regulation) }
        if let reliefFactor { regulations.append(reliefFactor.regulation) }
        var unique: [String] = []
        for regulation in regulations where !unique.contains(regulation) { unique.append(regulation) }
        self.regulations = unique
    }

    /// Whether JP stops for a worker born on `birthDate` (ISO `YYYY-MM-DD`, compared as text).
    public func jpStops(birthDate: String) -> Bool {
        birthDate <= jpLastBirthDate
    }

    /// The bracket base a BPU participant's declared income is charged on (ruling 8).
    public func bpuBase(income: Rupiah) throws(DomainError) -> Rupiah {
        // Binary search: the brackets are sorted and do not overlap (the table refuses overlaps).
        var low = 0
        var high = bpuBrackets.count
        while low < high {
            let middle = (low + high) / 2
            if bpuBrackets[middle].incomeFrom <= income { low = middle + 1 } else { high = middle }
        }
        guard low > 0, case let bracket = bpuBrackets[low - 1], income <= (bracket.incomeTo ?? .max) else {
            throw .invalidInput(field: "income", value: String(income), reason: "no BPU bracket covers this income in \(month)")
        }
        return bracket.base
    }

    /// One worker's lines for the month. `riskClass` is the employer's JKK group (PU); `regionPrograms`
    /// are the programs the paying region's agreement covers when `basis.regionPays`.
    public func charge(_ basis: WorkerBasis, riskClass: Int, regionPrograms: ProgramSet = []) -> WorkerCharge {
        var charge = WorkerCharge()
        let programs = basis.programs
        switch basis.segment {
        case .pu:
            if programs.includes(.jkk) { charge.employer.jkk = relieved(puJKK[max(0, min(4, riskClass - 1))], basis.base) }
            if programs.includes(.jkm) { charge.employer.jkm = relieved(puJKM, basis.base) }
            if programs.includes(.jht) {
                charge.employer.jht = Self.apply(puJHTEmployer, basis.base)
                charge.worker.jht = Self.apply(puJHTWorker, basis.base)
            }
            if programs.includes(.jp) && !basis.jpStopped {
                let base = min(basis.base, jpWageCap)
                charge.employer.jp = Self.apply(puJPEmployer, base)
                charge.worker.jp = Self.apply(puJPWorker, base)
            }
            if programs.includes(.jkp), let jkpGovernment {
                let base = min(basis.base, jkpWageCap)
                charge.government.jkp = Self.apply(jkpGovernment, base)
                charge.jkpFromJKK = Self.apply(jkpFromJKK, base)
                charge.jkpFromJKM = Self.apply(jkpFromJKM, base)
            }
        case .bpu:
            // A base outside every bracket cannot reach here: the billing pass maps income to the base first.
            if programs.includes(.jkk) { charge.participant.jkk = relieved(bpuJKK, basis.base) }
            if programs.includes(.jkm) { charge.participant.jkm = relief.map { Self.apply($0, bpuJKMFlat) } ?? bpuJKMFlat }
            if programs.includes(.jht) { charge.participant.jht = Self.apply(bpuJHT, basis.base) }
        case .jakon:
            if programs.includes(.jkk) { charge.employer.jkk = relieved(jakonJKK, basis.base) }
            if programs.includes(.jkm) { charge.employer.jkm = relieved(jakonJKM, basis.base) }
        case .pmi:
            charge.participant.jkkJkm = basis.base
        }
        if basis.regionPays { Self.moveToRegion(&charge, programs: regionPrograms) }
        return charge
    }

    /// The region takes over the employer's (non-ASN) or participant's (vulnerable BPU) amounts for the
    /// programs its agreement covers; the worker's own share and the government's JKP share stay.
    private static func moveToRegion(_ charge: inout WorkerCharge, programs: ProgramSet) {
        for program in [Program.jkk, .jkm, .jht, .jp] where programs.includes(program) {
            charge.region[program] = charge.employer[program] + charge.participant[program]
            charge.employer[program] = 0
            charge.participant[program] = 0
        }
    }

    private func relieved(_ rate: Int64, _ base: Rupiah) -> Rupiah {
        guard let relief else { return Self.apply(rate, base) }
        return Money.apply(Rate(micropercent: rate), and: Rate(micropercent: relief), to: base)
    }

    private static func apply(_ rate: Int64, _ base: Rupiah) -> Rupiah {
        Money.apply(Rate(micropercent: rate), to: base)
    }
}
