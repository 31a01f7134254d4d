import Foundation

/// A choropleth of a figure (coverage) by regency/city, as SVG: the selected province's features fitted to
/// the frame, each filled by its class (or the "no data" grey) with a `<title>` tooltip, a legend, and the
/// boundaries' credit, which the licence terms ask for wherever the map is shown (SOURCES.md §6).
///
/// Projection: equirectangular with longitude scaled by cos(mean latitude) of the selection. Indonesia
/// lies across the equator (about 11° S to 6° N), so the distortion within one province is negligible
/// and the whole country stays recognisable; no projection library needed.
public struct ChoroplethMap: Sendable {
    public struct Strings: Sendable {
        public var noData: String
        public var credit: String

        public static let indonesian = Strings(
            noData: "tidak ada data", credit: "Sumber batas wilayah: Badan Informasi Geospasial, via cahyadsn/wilayah_boundaries (MIT)")
        public static let english = Strings(
            noData: "no data", credit: "Boundaries: Badan Informasi Geospasial, via cahyadsn/wilayah_boundaries (MIT)")
    }

    public var title: String
    public var features: [RegencyBoundaries.Feature]
    /// The figure per 4-digit code; a code missing here (or nil) is drawn as "no data".
    public var values: [String: Double]
    public var valueText: @Sendable (Double) -> String
    public var breaks: ClassBreaks?
    public var strings: Strings
    public var width: Double = 600
    public var maxHeight: Double = 520

    /// The map of `region` (a province code such as `36`, or nil/`00` for the whole country).
    public init(
        title: String, boundaries: RegencyBoundaries, region: String?, values: [String: Double], breaks: ClassBreaks? = nil,
        strings: Strings = .indonesian, valueText: @escaping @Sendable (Double) -> String
    ) {
        self.title = title
        self.features = boundaries.features(in: region.map { String($0.prefix(2)) })
        self.values = values
        self.valueText = valueText
        self.breaks = breaks ?? ClassBreaks.equalInterval(features.compactMap { values[$0.code] })
        self.strings = strings
    }

    /// The projection fitted to the features: equirectangular, x scaled by cos(mean latitude).
    public struct Projection: Sendable {
        public let bounds: RegencyBoundaries.Bounds
        public let scale: Double
        public let cosine: Double
        public let offsetX: Double
        public let offsetY: Double
        public let width: Double
        public let height: Double

        init(bounds: RegencyBoundaries.Bounds, width: Double, maxHeight: Double, padding: Double) {
            self.bounds = bounds
            let meanLatitude = (bounds.minLatitude + bounds.maxLatitude) / 2
            cosine = cos(meanLatitude * .pi / 180)
            let spanX = max((bounds.maxLongitude - bounds.minLongitude) * cosine, 1e-6)
            let spanY = max(bounds.maxLatitude - bounds.minLatitude, 1e-6)
            let scale = min((width - 2 * padding) / spanX, (maxHeight - 2 * padding) / spanY)
            self.scale = scale
            self.width = width
            height = (spanY * scale + 2 * padding).rounded(.up)
            offsetX = (width - spanX * scale) / 2
            offsetY = padding
        }

        public func project(_ point: RegencyBoundaries.Point) -> (x: Double, y: Double) {
            (offsetX + (point.longitude - bounds.minLongitude) * cosine * scale, offsetY + (bounds.maxLatitude - point.latitude) * scale)
        }
    }

    public var projection: Projection? {
        RegencyBoundaries.bounds(of: features).map { Projection(bounds: $0, width: width, maxHeight: maxHeight, padding: 8) }
    }

    public func svg() -> String {
        let n = SVGText.number
        let titleHeight: Double = 24
        guard let projection else {
            return """
                <svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 \(n(width)) 40" width="\(n(width))" height="40" \
                font-family="sans-serif" font-size="11"><text x="0" y="16">\(SVGText.escape(title)): \(SVGText.escape(strings.noData))</text></svg>
                """
        }
        let legendRows = (breaks?.classCount ?? 0) + 1
        let legendTop = titleHeight + projection.height + 6
        let height = legendTop + Double(legendRows) * 16 + 22
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="map choropleth" viewBox="0 0 \(n(width)) \(n(height))" \
            width="\(n(width))" height="\(n(height))" role="img" aria-label="\(SVGText.escape(title))" \
            font-family="sans-serif" font-size="11">
            <title>\(SVGText.escape(title))</title>
            <text x="0" y="16" font-size="14" font-weight="bold">\(SVGText.escape(title))</text>
            <g transform="translate(0 \(n(titleHeight)))" stroke="#555" stroke-width="0.5" stroke-linejoin="round" fill-rule="evenodd">

            """
        for feature in features {
            let value = values[feature.code]
            let fill = breaks?.colour(value) ?? ClassBreaks.unknownColour
            let text = value.map(valueText) ?? strings.noData
            svg += "<path class=\"region\" data-code=\"\(feature.code)\" fill=\"\(fill)\" d=\"\(path(feature, projection))\">"
            svg += "<title>\(SVGText.escape(feature.name)) (\(feature.code)): \(SVGText.escape(text))</title></path>\n"
        }
        svg += "</g>\n<g class=\"legend\">\n"
        var y = legendTop
        for (index, range) in (breaks?.ranges ?? []).enumerated() {
            let label = "\(valueText(range.0)) – \(valueText(range.1))"
            svg += "<rect class=\"legend-class\" x=\"0\" y=\"\(n(y))\" width=\"14\" height=\"12\" fill=\"\(breaks!.colours[index])\" stroke=\"#555\" stroke-width=\"0.5\"/>"
            svg += "<text x=\"20\" y=\"\(n(y + 10))\">\(SVGText.escape(label))</text>\n"
            y += 16
        }
        svg += "<rect class=\"legend-unknown\" x=\"0\" y=\"\(n(y))\" width=\"14\" height=\"12\" fill=\"\(ClassBreaks.unknownColour)\" stroke=\"#555\" stroke-width=\"0.5\"/>"
        svg += "<text x=\"20\" y=\"\(n(y + 10))\">\(SVGText.escape(strings.noData))</text>\n</g>\n"
        svg += "<text class=\"credit\" x=\"0\" y=\"\(n(y + 30))\" font-size=\"9\" fill=\"#555\">\(SVGText.escape(strings.credit))</text>\n"
        return svg + "</svg>"
    }

    /// One path for all the feature's rings, in tenths of a unit; points that round onto the previous one are
    /// dropped, and so are rings that shrink below three points (islets smaller than the stroke), unless
    /// that would leave the feature with nothing to draw.
    func path(_ feature: RegencyBoundaries.Feature, _ projection: Projection) -> String {
        var rings: [[(Int64, Int64)]] = []
        for ring in feature.rings {
            var points: [(Int64, Int64)] = []
            points.reserveCapacity(ring.count)
            for point in ring {
                let (x, y) = projection.project(point)
                let rounded = (SVGText.tenths(x), SVGText.tenths(y))
                if let last = points.last, last == rounded { continue }
                points.append(rounded)
            }
            if points.count > 1, points.first! == points.last! { points.removeLast() }
            if points.count >= 3 { rings.append(points) }
        }
        if rings.isEmpty, let ring = feature.rings.first {
            rings = [ring.map { let (x, y) = projection.project($0); return (SVGText.tenths(x), SVGText.tenths(y)) }]
        }
        var d = ""
        for ring in rings {
            for (index, point) in ring.enumerated() {
                d += index == 0 ? "M" : (index == 1 ? "L" : " ")
                d += SVGText.fromTenths(point.0) + " " + SVGText.fromTenths(point.1)
            }
            d += "Z"
        }
        return d
    }
}
