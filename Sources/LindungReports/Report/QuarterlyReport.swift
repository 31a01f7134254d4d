public import LindungCore
public import LindungStorage

/// Everything the quarterly monitoring report to the governor holds (issue 7 item 4), gathered once and
/// rendered as HTML (and PDF from it), XLSX or CSV by `QuarterlyReportHTML` and `QuarterlyReportTables`.
public struct QuarterlyReport: Sendable {
    /// One quarter of the trend: its figures' active participants and UCJ (nil: unknown or no data).
    public struct TrendPoint: Sendable, Equatable {
        public let quarter: Quarter
        public let hasData: Bool
        public let active: Int
        public let ucjPercent: Double?
    }

    /// An employer's open compliance finding (issue 6), as the report lists it.
    public struct Finding: Sendable, Equatable {
        public let npp: String
        public let name: String
        public let kind: String
        public let detail: String

        public init(npp: String, name: String, kind: String, detail: String) {
            self.npp = npp
            self.name = name
            self.kind = kind
            self.detail = detail
        }
    }

    /// The budget simulation for the next year and what it assumed.
    public struct Budget: Sendable {
        public let result: BudgetSimulator.Result
        /// Where the non-ASN count and wage came from, in Indonesian.
        public let assumptions: [String]
    }

    public let regionCode: String
    public let regionName: String
    public let quarter: Quarter
    public let generatedOn: CalendarDate
    public let figures: CoverageFigures
    /// The previous quarter's figures (for the change by segment), nil when never counted.
    public let previous: CoverageFigures?
    /// The last five quarters, oldest first, ending with `quarter`.
    public let trend: [TrendPoint]
    /// Employers of the region with open amounts at the quarter's end, largest first.
    public let arrears: [ArrearsRow]
    /// Open compliance findings; nil while no findings source is connected (shown as not yet available).
    public let findings: [Finding]?
    public let contributions: [ContributionMonthTotals]
    /// Benefits paid in the quarter by program and payer; nil while no claims store is connected.
    public let benefits: [BenefitPaidTotal]?
    public let budget: Budget?
}

/// Where the report reads open compliance findings from (issue 6's scan). The hook is a closure so the
/// report does not depend on the compliance module: nil leaves the section "belum tersedia".
public typealias OpenFindingsSource = @Sendable (_ region: String, _ on: CalendarDate) async throws -> [QuarterlyReport.Finding]

/// Gathers a quarterly report with a handful of set-based reads: the coverage figures of five quarters
/// (each from the maintained monthly aggregate), arrears on the quarter's last day (one grouped query),
/// contributions of the quarter's three months (one grouped query), and the findings hook.
public struct QuarterlyReportGatherer: Sendable {
    let coverage: CoverageReader
    let billing: any BillingStore
    let contributions: any ContributionTotalsStore
    let reference: ReferenceData
    let rules: RuleSet
    let findings: OpenFindingsSource?
    let benefits: (any BenefitTotalsStore)?

    public init(
        coverage: CoverageReader, billing: any BillingStore, contributions: any ContributionTotalsStore, reference: ReferenceData, rules: RuleSet,
        findings: OpenFindingsSource? = nil, benefits: (any BenefitTotalsStore)? = nil
    ) {
        self.coverage = coverage
        self.billing = billing
        self.contributions = contributions
        self.reference = reference
        self.rules = rules
        self.findings = findings
        self.benefits = benefits
    }

    /// How many arrears rows the report lists.
    public static let arrearsLimit = 20

    public func gather(region: String, quarter: Quarter, today: CalendarDate) async throws -> QuarterlyReport {
        let quarters = (0..<5).map { quarter.adding(quarters: $0 - 4) }
        let figures = try await withThrowingTaskGroup(of: (Int, CoverageFigures).self) { group in
            for (index, each) in quarters.enumerated() {
                group.addTask { (index, try await coverage.figures(region: region, period: .quarter(each))) }
            }
            var result: [Int: CoverageFigures] = [:]
            for try await (index, each) in group { result[index] = each }
            return quarters.indices.map { result[$0]! }
        }
        let current = figures[4]
        let end = quarter.lastDay
        async let arrearsRows = billing.largestEmployerArrears(on: end, region: region, limit: Self.arrearsLimit)
        async let totals = contributions.contributionTotals(
            months: [quarter.firstMonth, quarter.firstMonth.adding(months: 1), quarter.lastMonth], region: region, paidBy: end)
        let findingRows = try await findings?(region, end)
        let benefitRows = try await benefits?.benefitsPaid(from: quarter.firstMonth.firstDay, through: end, region: region)
        let arrears = try await arrearsRows
        return QuarterlyReport(
            regionCode: region, regionName: current.region.regionName, quarter: quarter, generatedOn: today, figures: current,
            previous: figures[3].hasData ? figures[3] : nil,
            trend: zip(quarters, figures).map {
                .init(quarter: $0, hasData: $1.hasData, active: $1.region.counts.active, ucjPercent: $1.hasData ? $1.region.ucj?.percent : nil)
            },
            arrears: Array(arrears), findings: findingRows, contributions: try await totals, benefits: benefitRows, budget: budget(region: region, current: current, year: quarter.year + 1))
    }

    /// Next year's budget for the region's non-ASN staff on their agencies' rosters (or, without rosters, those
    /// registered), at next year's minimum wage (else the latest published), JKK and JKM (ruling 11).
    func budget(region: String, current: CoverageFigures, year: Int) -> QuarterlyReport.Budget? {
        let rosters = current.agencies.compactMap(\.roster)
        let nonASN = rosters.isEmpty ? current.agencies.reduce(0) { $0 + $1.registered } : rosters.reduce(0, +)
        var assumptions = [
            rosters.isEmpty
                ? "Non-ASN: \(NumberFormat.grouped(nonASN)) terdaftar (belum ada laporan jumlah dari instansi)"
                : "Non-ASN: \(NumberFormat.grouped(nonASN)) menurut laporan jumlah dari \(rosters.count) instansi"
        ]
        var wage: Rupiah?
        for candidate in [year, year - 1, year - 2] {
            if let entry = reference.minimumWages.minimumWage(region: region, year: candidate)
                ?? reference.minimumWages.minimumWage(region: String(region.prefix(2)), year: candidate)
            {
                wage = entry.monthlyWage
                assumptions.append("Upah: upah minimum \(candidate) \(Money.format(entry.monthlyWage)) per bulan")
                break
            }
        }
        guard let wage else { return nil }
        assumptions.append("Program: JKK dan JKM; pekerja rentan: 0 (isi melalui simulator anggaran)")
        guard let result = try? BudgetSimulator(rules: rules).simulate(.init(year: year, vulnerableWorkers: 0, nonASNWorkers: nonASN, nonASNWage: wage))
        else { return nil }
        return .init(result: result, assumptions: assumptions)
    }
}
