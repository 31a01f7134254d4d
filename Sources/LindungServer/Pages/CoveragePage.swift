import Foundation
import Hummingbird
import LindungCore
import LindungReports
import LindungStorage

/// `GET /coverage?region=&quarter=|on=&sort=`: the regional officer's coverage dashboard over `CoverageReader`
/// (the figures `GET /api/v1/coverage` answers): summary, regencies/cities (sorted on the server by `?sort=`),
/// segments and programs, branch offices, the agencies' non-ASN gaps, the charts and the map of
/// `CoverageCharts` (inline SVG, the report's own), and links to the quarterly report's downloads.
enum CoveragePage {
    static func show(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        try await CoveragePageCall.run(page) { try await render(request, page) }
    }

    static func render(_ request: Request, _ page: PageCall) async throws -> Response {
        let region = try CoveragePageCall.region(request, page)
        let period = try await period(request, page)
        let sort = try CoverageSort(request.query("sort"))
        let reader = try CoverageAccess.reader(page.call.environment)
        let figures = try await reader.figures(region: region, period: period)
        let quarter = Quarter(containing: period.month)
        let quarters = (0..<5).map { quarter.adding(quarters: $0 - 4) }
        var trend: [Int?] = []
        for each in quarters.dropLast() {
            let earlier = try await reader.figures(region: region, period: .quarter(each))
            trend.append(earlier.hasData ? earlier.region.counts.active : nil)
        }
        trend.append(figures.hasData ? figures.region.counts.active : nil)
        let language = page.language
        let labels = language == .id ? CoverageCharts.Labels.indonesian : CoverageCharts.Labels.english
        var values = CoverageView(figures: figures, language: language, sort: sort, query: query(request, region: region, period: period)).values
        values["region_input"] = region
        values["quarter_input"] = request.query("quarter") ?? (request.query("on") == nil ? quarter.description : "")
        values["on_input"] = request.query("on") ?? ""
        values["bar_chart"] = CoverageCharts.ucjBars(figures.parts, labels: labels)
        values["line_chart"] = CoverageCharts.activeTrend(quarters: quarters, active: trend, labels: labels)
        values["map"] = (try? RegencyBoundaries.bundled.get()).map {
            CoverageCharts.ucjMap(region: figures.region, parts: figures.parts, boundaries: $0, labels: labels)
        } ?? ""
        values["report_quarter"] = quarter.description
        values["report_region"] = region
        return try page.page("coverage", title: "coverage", values)
    }

    /// `?quarter=` or `?on=`; neither: the quarter of the latest counted month, else the last whole quarter.
    static func period(_ request: Request, _ page: PageCall) async throws -> CoveragePeriod {
        let on = request.query("on").flatMap { $0.isEmpty ? nil : $0 }
        let quarter = request.query("quarter").flatMap { $0.isEmpty ? nil : $0 }
        if on != nil || quarter != nil { return try CoverageAccess.period(on: on, quarter: quarter) }
        if let latest = try await page.store.coverageMonths().last { return .quarter(Quarter(containing: latest.month)) }
        return .quarter(Quarter(containing: page.call.environment.today().yearMonth).adding(quarters: -1))
    }

    /// The page's own query without `sort` (the sort links add theirs).
    static func query(_ request: Request, region: String, period: CoveragePeriod) -> String {
        switch period {
        case .quarter(let quarter): "region=\(region)&quarter=\(quarter)"
        case .month: "region=\(region)&on=\(request.query("on") ?? "")"
        }
    }
}

/// `?sort=name|active|employed|ucj|change`, `-` first for descending. Unknown values (no workforce figure,
/// no earlier count) go last either way.
struct CoverageSort: Equatable {
    enum Key: String, CaseIterable { case code, name, active, employed, ucj, change }

    let key: Key
    let descending: Bool

    init(_ text: String?) throws {
        guard let text, !text.isEmpty else {
            self.key = .code
            self.descending = false
            return
        }
        let descending = text.hasPrefix("-")
        guard let key = Key(rawValue: String(text.dropFirst(descending ? 1 : 0))) else {
            throw APIError.invalid("invalid sort '\(text)': one of \(Key.allCases.map(\.rawValue).joined(separator: ", ")), with - for descending")
        }
        self.key = key
        self.descending = descending
    }

    var text: String { (descending ? "-" : "") + key.rawValue }

    /// The link a column header carries: this column ascending, or descending when it is already ascending.
    func link(for key: Key) -> String { self.key == key && !descending ? "-\(key.rawValue)" : key.rawValue }

    func sorted(_ parts: [RegionCoverage]) -> [RegionCoverage] {
        func value(_ part: RegionCoverage) -> Double? {
            switch key {
            case .code, .name: nil
            case .active: Double(part.counts.active)
            case .employed: part.employed.map { Double($0.persons) }
            case .ucj: part.ucj?.percent
            case .change: part.quarterOverQuarter.map { Double($0.activeChange) }
            }
        }
        return parts.sorted { a, b in
            switch key {
            case .code: return descending ? a.regionCode > b.regionCode : a.regionCode < b.regionCode
            case .name:
                let (x, y) = (a.regionName.lowercased(), b.regionName.lowercased())
                return x == y ? a.regionCode < b.regionCode : (descending ? x > y : x < y)
            default:
                switch (value(a), value(b)) {
                case (nil, nil): return a.regionCode < b.regionCode
                case (nil, _): return false
                case (_, nil): return true
                case (let x?, let y?): return x == y ? a.regionCode < b.regionCode : (descending ? x > y : x < y)
                }
            }
        }
    }
}
