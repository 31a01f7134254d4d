public import LindungCore

/// What `lindung demo` generates: a province, how many participants, the seed and the last month of history.
public struct DemoConfiguration: Sendable, Equatable {
    /// The small default, so that a first run is quick.
    public static let defaultWorkers = 50_000

    /// The province's Kemendagri code (`36` = Banten).
    public var provinceCode: String
    /// The number of persons generated. Every person is a registered participant with at least one
    /// employment spell active at some point in the 12 months of history; the segment mix is in docs/demo.md.
    public var workers: Int
    /// The same seed always gives the same registry, row for row.
    public var seed: UInt64
    /// The last month of the 12 months of history (the reference month of reports).
    public var referenceMonth: YearMonth
    /// Persons per `appendBulk` call; each call is one transaction.
    public var chunkSize: Int

    public init(
        provinceCode: String = "36", workers: Int = DemoConfiguration.defaultWorkers, seed: UInt64 = 1,
        referenceMonth: YearMonth = YearMonth(year: 2025, month: 12), chunkSize: Int = 50_000
    ) {
        self.provinceCode = provinceCode
        self.workers = workers
        self.seed = seed
        self.referenceMonth = referenceMonth
        self.chunkSize = chunkSize
    }
}

/// What a demo run wrote.
public struct DemoSummary: Sendable, Equatable {
    /// All employers, agencies included.
    public var employers = 0
    /// Government agencies (OPDs) of the province and its regencies/cities.
    public var agencies = 0
    public var persons = 0
    public var spells = 0
    /// Wage-history entries.
    public var wages = 0
    public var branchOffices = 0
    public var agreements = 0
    public var rosters = 0

    public init() {}
}

/// Why a demo province cannot be generated.
public enum DemoError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownProvince(String)
    case invalidWorkers(Int)
    case missingResource(String)
    case noMinimumWage(region: String, year: Int)

    public var description: String {
        switch self {
        case .unknownProvince(let code): "'\(code)' is not a province code in regions.csv (Banten is 36)"
        case .invalidWorkers(let count): "--workers must be between 1 and 50,000,000, got \(count)"
        case .missingResource(let name): "the bundled demo resource \(name) is missing or unreadable"
        case .noMinimumWage(let region, let year): "no minimum wage for region \(region) near \(year) in minimum_wages.csv"
        }
    }
}
