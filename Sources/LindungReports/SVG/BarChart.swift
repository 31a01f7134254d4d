/// A horizontal bar chart as SVG: one bar per category (names on the left, long regency names fit),
/// a value axis with "nice" ticks and grid lines, the value at each bar's end, and a title.
/// Deterministic: the same input gives the same bytes.
public struct BarChart: Sendable {
    public struct Bar: Sendable, Equatable {
        public let label: String
        /// nil draws no bar and writes `valueText` (e.g. "tidak ada data").
        public let value: Double?
        public let valueText: String

        public init(label: String, value: Double?, valueText: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    public var title: String
    public var bars: [Bar]
    /// Axis tick labels (e.g. `NumberFormat.percent` for ratios).
    public var tickLabel: @Sendable (Double) -> String
    /// The axis runs to at least this (1.0: a coverage ratio's whole 100 %), else to the largest value.
    public var axisMaximum: Double?
    public var width: Double = 640
    public var barHeight: Double = 18
    public var colour = "#3182bd"

    public init(title: String, bars: [Bar], axisMaximum: Double? = nil, tickLabel: @escaping @Sendable (Double) -> String) {
        self.title = title
        self.bars = bars
        self.axisMaximum = axisMaximum
        self.tickLabel = tickLabel
    }

    public func svg() -> String {
        let labelWidth = min(240, Double(bars.map(\.label.count).max() ?? 4) * 6.6 + 12)
        let valueWidth: Double = 80
        let top: Double = 34
        let rowHeight = barHeight + 6
        let plotWidth = width - labelWidth - valueWidth - 10
        let height = top + Double(bars.count) * rowHeight + 30
        let largest = bars.compactMap(\.value).max() ?? 0
        let ticks = SVGText.ticks(maximum: max(largest, axisMaximum ?? 0), count: 5)
        let axisTop = ticks.last ?? 1
        let scale = axisTop > 0 ? plotWidth / axisTop : 0
        let n = SVGText.number
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart" viewBox="0 0 \(n(width)) \(n(height))" \
            width="\(n(width))" height="\(n(height))" role="img" aria-label="\(SVGText.escape(title))" \
            font-family="sans-serif" font-size="11">
            <title>\(SVGText.escape(title))</title>
            <text x="0" y="16" font-size="14" font-weight="bold">\(SVGText.escape(title))</text>

            """
        let axisY = top + Double(bars.count) * rowHeight
        for tick in ticks {
            let x = labelWidth + tick * scale
            svg += "<line x1=\"\(n(x))\" y1=\"\(n(top - 4))\" x2=\"\(n(x))\" y2=\"\(n(axisY))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(n(x))\" y=\"\(n(axisY + 14))\" text-anchor=\"middle\" fill=\"#555\">\(SVGText.escape(tickLabel(tick)))</text>\n"
        }
        svg += "<line x1=\"\(n(labelWidth))\" y1=\"\(n(top - 4))\" x2=\"\(n(labelWidth))\" y2=\"\(n(axisY))\" stroke=\"#333\"/>\n"
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            let label = SVGText.escape(bar.label)
            svg += "<g class=\"bar\"><title>\(label): \(SVGText.escape(bar.valueText))</title>"
            svg += "<text x=\"\(n(labelWidth - 6))\" y=\"\(n(y + barHeight * 0.72))\" text-anchor=\"end\">\(label)</text>"
            var end = labelWidth
            if let value = bar.value {
                let length = max(0, min(value, axisTop)) * scale
                svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y))\" width=\"\(n(length))\" height=\"\(n(barHeight))\" fill=\"\(colour)\"/>"
                end += length
            }
            svg += "<text x=\"\(n(end + 4))\" y=\"\(n(y + barHeight * 0.72))\">\(SVGText.escape(bar.valueText))</text></g>\n"
        }
        return svg + "</svg>"
    }
}
