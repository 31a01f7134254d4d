import LindungCore

/// A UCJ target: a region's own (`origin` `administrator`) or a bundled national one (docs/coverage.md).
struct CoverageTargetDTO: Encodable, Sendable {
    let region_code: String
    let year: Int
    let ucj_percent: Double
    let source: String
    let origin: String

    init(_ target: CoverageTarget) {
        region_code = target.regionCode
        year = target.year
        ucj_percent = target.ucjPercent
        source = target.source
        origin = target.origin.rawValue
    }
}

struct CoverageTargetListDTO: Encodable, Sendable {
    let items: [CoverageTargetDTO]
}

/// The body of `PUT /api/v1/coverage/targets`.
struct CoverageTargetInput: Decodable, Sendable {
    let region_code: String
    let year: Int
    let ucj_percent: Double
    let source: String?
}
