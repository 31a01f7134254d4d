public import LindungCore

/// The coverage charts and map as the quarterly report and the `/coverage` page both draw them: UCJ per
/// regency/city as bars, active participants per quarter as a line, UCJ per regency/city on the map. One place,
/// so the page and the report never disagree; only the words differ (`Labels`).
public enum CoverageCharts {
    public struct Labels: Sendable {
        public var ucjBars: String
        public var activeLine: String
        public var activeSeries: String
        public var ucjMap: String
        public var noData: String
        public var map: ChoroplethMap.Strings
        /// Axis labels in English (`1.2 M`) rather than Indonesian (`1,2 jt`).
        public var english: Bool

        public static let indonesian = Labels(
            ucjBars: "Indeks UCJ per kabupaten/kota", activeLine: "Peserta aktif per triwulan", activeSeries: "Peserta aktif",
            ucjMap: "Peta indeks UCJ", noData: ReportLabels.noData, map: .indonesian, english: false)
        public static let english = Labels(
            ucjBars: "UCJ index by regency/city", activeLine: "Active participants by quarter", activeSeries: "Active participants",
            ucjMap: "UCJ index map", noData: "no data", map: .english, english: true)
    }

    /// One bar per part (regency/city, or province of `00`); a part without a workforce figure has no bar and
    /// reads "no data", never 0 %.
    public static func ucjBars(_ parts: [RegionCoverage], labels: Labels = .indonesian) -> String {
        // Small ratios (a young registry) get more decimals, so the axis never reads 0 % five times.
        let largest = parts.compactMap { $0.ucj?.percent }.max() ?? 0
        let places = largest < 1 ? 2 : (largest < 10 ? 1 : 0)
        return BarChart(
            title: labels.ucjBars,
            bars: parts.map {
                .init(
                    label: $0.regionName, value: $0.ucj.map { $0.percent / 100 },
                    valueText: $0.ucj.map { NumberFormat.decimal($0.percent, max(places, 1)) + "%" } ?? labels.noData)
            }, axisMaximum: nil) { NumberFormat.percent($0, places: places) }.svg()
    }

    /// Active participants per quarter; a quarter never counted is a gap in the line.
    public static func activeTrend(quarters: [Quarter], active: [Int?], labels: Labels = .indonesian) -> String {
        let english = labels.english
        return LineChart(
            title: labels.activeLine, categories: quarters.map(\.description),
            series: [.init(name: labels.activeSeries, values: active.map { $0.map(Double.init) }, colour: LineChart.palette[0])]
        ) { NumberFormat.compact($0, english: english) }.svg()
    }

    /// The UCJ of each regency/city of the region's province (grey where unknown).
    public static func ucjMap(region: RegionCoverage, parts: [RegionCoverage], boundaries: RegencyBoundaries, labels: Labels = .indonesian) -> String {
        var values: [String: Double] = [:]
        for part in parts { if let ucj = part.ucj { values[part.regionCode] = ucj.percent / 100 } }
        if region.regionCode.count == 4, let ucj = region.ucj { values[region.regionCode] = ucj.percent / 100 }
        return ChoroplethMap(
            title: labels.ucjMap, boundaries: boundaries, region: region.regionCode == "00" ? nil : String(region.regionCode.prefix(2)), values: values,
            strings: labels.map
        ) { NumberFormat.percent($0) }.svg()
    }
}
