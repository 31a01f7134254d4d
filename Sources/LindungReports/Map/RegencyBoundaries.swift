public import Foundation

/// The regency/city boundaries bundled as `Resources/map/regencies_indonesia.geojson` (514 features, WGS 84
/// lon/lat, MIT, from Badan Informasi Geospasial via cahyadsn/wilayah_boundaries; see
/// `Resources/map/regencies.LICENSE.txt` and ../shared/data/SOURCES.md §6), parsed once per process.
///
/// The file is read with a small scanner rather than a generic JSON parser: it is our own resource, with
/// `code` and `name` before `coordinates` in each feature, and the scanner turns its 91,177 vertices into
/// rings in a few milliseconds. A feature's rings are kept together (outer rings and holes alike): the map
/// fills them with the even-odd rule, which draws holes and island parts correctly.
public struct RegencyBoundaries: Sendable {
    public struct Point: Sendable, Equatable {
        public let longitude: Double
        public let latitude: Double
    }

    public struct Feature: Sendable {
        /// The 4-digit Kemendagri code without the dot (`3604`); its first two digits are the province.
        public let code: String
        public let name: String
        public let rings: [[Point]]
    }

    public struct Bounds: Sendable, Equatable {
        public var minLongitude: Double
        public var minLatitude: Double
        public var maxLongitude: Double
        public var maxLatitude: Double
    }

    public let features: [Feature]

    /// The bundled boundaries, parsed on first use.
    public static let bundled: Result<RegencyBoundaries, BoundaryError> = Result { () throws(BoundaryError) -> RegencyBoundaries in
        guard let url = Bundle.module.url(forResource: "regencies_indonesia", withExtension: "geojson", subdirectory: "Resources/map") else {
            throw BoundaryError("the map boundaries (Resources/map/regencies_indonesia.geojson) are missing from LindungReports' resources")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw BoundaryError("cannot read \(url.path): \(error)") }
        return try RegencyBoundaries(geoJSON: data)
    }

    public init(features: [Feature]) {
        self.features = features
    }

    /// The regencies and cities of a province (`36`), or of one regency/city (`3604`), or all (`nil` or `00`).
    public func features(in region: String?) -> [Feature] {
        guard let region, region != "00", !region.isEmpty else { return features }
        return features.filter { $0.code.hasPrefix(region) }
    }

    public static func bounds(of features: [Feature]) -> Bounds? {
        var bounds: Bounds?
        for feature in features {
            for ring in feature.rings {
                for point in ring {
                    if bounds == nil {
                        bounds = Bounds(
                            minLongitude: point.longitude, minLatitude: point.latitude, maxLongitude: point.longitude,
                            maxLatitude: point.latitude)
                    }
                    bounds!.minLongitude = min(bounds!.minLongitude, point.longitude)
                    bounds!.maxLongitude = max(bounds!.maxLongitude, point.longitude)
                    bounds!.minLatitude = min(bounds!.minLatitude, point.latitude)
                    bounds!.maxLatitude = max(bounds!.maxLatitude, point.latitude)
                }
            }
        }
        return bounds
    }
}

public struct BoundaryError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension RegencyBoundaries {
    /// Parses a FeatureCollection whose features carry `code` and `name` before their `coordinates`
    /// (Polygon or MultiPolygon).
    public init(geoJSON data: Data) throws(BoundaryError) {
        var scanner = GeoJSONScanner(bytes: [UInt8](data))
        var features: [Feature] = []
        while let code = scanner.string(after: #""code":""#) {
            guard let name = scanner.string(after: #""name":""#) else { throw BoundaryError("feature \(code) has no name") }
            guard scanner.skip(past: #""coordinates":"#) else { throw BoundaryError("feature \(code) has no coordinates") }
            let rings = try scanner.rings(feature: code)
            guard !rings.isEmpty else { throw BoundaryError("feature \(code) has no ring") }
            features.append(Feature(code: code, name: name, rings: rings))
        }
        guard !features.isEmpty else { throw BoundaryError("no feature with a code in the GeoJSON") }
        self.init(features: features)
    }
}

/// A forward-only scanner over the GeoJSON bytes.
private struct GeoJSONScanner {
    let bytes: [UInt8]
    var position = 0

    mutating func skip(past marker: String) -> Bool {
        let needle = Array(marker.utf8)
        guard let first = needle.first else { return true }
        var index = position
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first && bytes[index..<index + needle.count].elementsEqual(needle) {
                position = index + needle.count
                return true
            }
            index += 1
        }
        return false
    }

    /// The JSON string that starts right after `marker` (which ends with its opening quote).
    mutating func string(after marker: String) -> String? {
        guard skip(past: marker) else { return nil }
        let start = position
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") { escaped = true; position += 2; continue }
            if byte == UInt8(ascii: "\"") { break }
            position += 1
        }
        let raw = bytes[start..<min(position, bytes.count)]
        position += 1
        if !escaped { return String(decoding: raw, as: UTF8.self) }
        let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
        return (try? JSONSerialization.jsonObject(with: quoted, options: [.fragmentsAllowed])) as? String
    }

    /// The nested coordinate arrays starting at the current position: every array of [lon, lat] pairs is a ring.
    mutating func rings(feature code: String) throws(BoundaryError) -> [[RegencyBoundaries.Point]] {
        var rings: [[RegencyBoundaries.Point]] = []
        var ring: [RegencyBoundaries.Point] = []
        var depth = 0
        while position < bytes.count, bytes[position] != UInt8(ascii: "[") { position += 1 }
        repeat {
            guard position < bytes.count else { throw BoundaryError("feature \(code): coordinates end early") }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "["):
                if let point = try point(feature: code) {
                    ring.append(point)
                } else {
                    depth += 1
                    position += 1
                }
            case UInt8(ascii: "]"):
                if !ring.isEmpty {
                    rings.append(ring)
                    ring = []
                }
                depth -= 1
                position += 1
            default:
                position += 1
            }
        } while depth > 0
        return rings
    }

    /// A `[lon, lat]` pair when the array at the current position holds numbers; nil (position unchanged) otherwise.
    private mutating func point(feature code: String) throws(BoundaryError) -> RegencyBoundaries.Point? {
        var index = position + 1
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "-") || (bytes[index] >= 48 && bytes[index] <= 57) else { return nil }
        position = index
        let longitude = try number(feature: code)
        guard skip(past: ",") else { throw BoundaryError("feature \(code): a point without a latitude") }
        let latitude = try number(feature: code)
        guard skip(past: "]") else { throw BoundaryError("feature \(code): an unclosed point") }
        return .init(longitude: longitude, latitude: latitude)
    }

    private mutating func number(feature code: String) throws(BoundaryError) -> Double {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || byte == UInt8(ascii: "+") || (byte >= 48 && byte <= 57)
            else { break }
            position += 1
        }
        guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else {
            throw BoundaryError("feature \(code): '\(String(decoding: bytes[start..<position], as: UTF8.self))' is not a coordinate")
        }
        return value
    }
}
