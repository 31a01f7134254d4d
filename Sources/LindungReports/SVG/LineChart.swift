/// A line chart as SVG: categories along the x axis (quarters), one line per series with a marker and
/// its value at each point, a y axis from 0 with "nice" ticks, a legend and a title. A nil value breaks
/// the line (no figure that quarter). Deterministic: the same input gives the same bytes.
public struct LineChart: Sendable {
    public struct Series: Sendable, Equatable {
        public let name: String
        public let values: [Double?]
        public let colour: String

        public init(name: String, values: [Double?], colour: String) {
            self.name = name
            self.values = values
            self.colour = colour
        }
    }

    public static let palette = ["#08519c", "#e6550d", "#31a354", "#756bb1", "#636363"]

    public var title: String
    public var categories: [String]
    public var series: [Series]
    public var tickLabel: @Sendable (Double) -> String
    public var width: Double = 640
    public var height: Double = 280

    public init(title: String, categories: [String], series: [Series], tickLabel: @escaping @Sendable (Double) -> String) {
        self.title = title
        self.categories = categories
        self.series = series
        self.tickLabel = tickLabel
    }

    public func svg() -> String {
        let n = SVGText.number
        let left: Double = 64
        let right: Double = 16
        let top: Double = 48
        let bottom: Double = 34
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let largest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let ticks = SVGText.ticks(maximum: largest, count: 5)
        let axisTop = ticks.last ?? 1
        let step = categories.count > 1 ? plotWidth / Double(categories.count - 1) : 0
        func x(_ index: Int) -> Double { categories.count > 1 ? left + Double(index) * step : left + plotWidth / 2 }
        func y(_ value: Double) -> Double { top + plotHeight - (axisTop > 0 ? value / axisTop * plotHeight : 0) }

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart line-chart" viewBox="0 0 \(n(width)) \(n(height))" \
            width="\(n(width))" height="\(n(height))" role="img" aria-label="\(SVGText.escape(title))" \
            font-family="sans-serif" font-size="11">
            <title>\(SVGText.escape(title))</title>
            <text x="0" y="16" font-size="14" font-weight="bold">\(SVGText.escape(title))</text>

            """
        var legendX = left
        for line in series {
            svg += "<rect x=\"\(n(legendX))\" y=\"26\" width=\"10\" height=\"10\" fill=\"\(line.colour)\"/>"
            svg += "<text x=\"\(n(legendX + 14))\" y=\"35\">\(SVGText.escape(line.name))</text>\n"
            legendX += 24 + Double(line.name.count) * 6.2
        }
        for tick in ticks {
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(tick)))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\" fill=\"#555\">\(SVGText.escape(tickLabel(tick)))</text>\n"
        }
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(top + plotHeight))\" stroke=\"#333\"/>\n"
        for (index, category) in categories.enumerated() {
            let anchor = categories.count > 1 && index == 0 ? "start" : (categories.count > 1 && index == categories.count - 1 ? "end" : "middle")
            svg += "<text x=\"\(n(x(index)))\" y=\"\(n(top + plotHeight + 16))\" text-anchor=\"\(anchor)\">\(SVGText.escape(category))</text>\n"
        }
        for line in series {
            var segments: [[(Int, Double)]] = [[]]
            for (index, value) in line.values.enumerated().prefix(categories.count) {
                if let value { segments[segments.count - 1].append((index, value)) } else if !(segments.last?.isEmpty ?? true) { segments.append([]) }
            }
            for segment in segments where segment.count > 1 {
                let points = segment.map { "\(n(x($0.0))),\(n(y($0.1)))" }.joined(separator: " ")
                svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\"/>\n"
            }
            for segment in segments {
                for (index, value) in segment {
                    svg += "<circle cx=\"\(n(x(index)))\" cy=\"\(n(y(value)))\" r=\"3\" fill=\"\(line.colour)\">"
                    svg += "<title>\(SVGText.escape(line.name)), \(SVGText.escape(categories[index])): \(SVGText.escape(tickLabel(value)))</title></circle>\n"
                }
            }
        }
        return svg + "</svg>"
    }
}
