import Hummingbird
import LindungCore
import LindungStorage

/// Coverage figures, targets and the budget simulator (issue 7, docs/coverage.md) over `CoverageReader` and
/// `BudgetSimulation`, the same calls `lindung coverage`, `lindung target set` and `lindung simulate budget` make.
enum CoverageHandlers {
    /// `GET /api/v1/coverage?region=36&quarter=2025Q1` (or `on=2025-03-31`): `CoverageDTO`, as `lindung coverage --format json`.
    static func figures(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let region = try request.requiredQuery("region")
        try CoverageAccess.check(region: region, try call.scoped())
        let period = try CoverageAccess.period(on: request.query("on"), quarter: request.query("quarter"))
        let figures = try await CoverageAccess.reader(call.environment).figures(region: region, period: period)
        return try JSONBody.response(CoverageDTO(figures))
    }

    /// `GET /api/v1/coverage/targets?region=`: the region's own targets (set by an administrator) and the bundled
    /// national ones, by region and year; without `region`, every target the caller may read.
    static func targets(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let reader = try call.scoped()
        let region = request.query("region").flatMap { $0.isEmpty ? nil : $0 }
        // The national targets are public planning figures: every role that reads coverage sees them.
        let readable = { (code: String) in code == "00" || (try? CoverageAccess.check(region: code, reader)) != nil }
        try CoverageAccess.check(region: CoverageAccess.defaultRegion(reader.viewer.account), reader)
        if let region, !readable(region) { try CoverageAccess.check(region: region, reader) }
        let own = try await call.store.coverageTargets()
        let all = (own + (try CoverageAccess.bundledTargets.get().targets)).filter { target in
            if let region { return target.regionCode == region }
            return readable(target.regionCode)
        }
        let sorted = all.sorted { ($0.regionCode, $0.year, $0.origin.rawValue) < ($1.regionCode, $1.year, $1.origin.rawValue) }
        return try JSONBody.response(CoverageTargetListDTO(items: sorted.map(CoverageTargetDTO.init)))
    }

    /// `PUT /api/v1/coverage/targets` `{"region_code","year","ucj_percent","source"?}`: an administrator sets a
    /// region's own UCJ target for a year (replacing that region's and year's), as `lindung target set`.
    static func setTarget(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let reader = try call.scoped()
        guard reader.viewer.account.role == .administrator else {
            throw APIError(.forbidden, "only an administrator sets coverage targets")
        }
        let body = try await JSONBody.decode(CoverageTargetInput.self, from: request)
        let reference = try CoverageAccess.reference(call.environment)
        guard body.region_code == "00" || reference.regions.region(code: body.region_code) != nil else {
            throw APIError.invalid("invalid region_code '\(body.region_code)': not 00 or a region code of regions.csv")
        }
        let actor = call.actor(reader)
        let target = try CoverageTarget.validated(
            regionCode: body.region_code, year: body.year, ucjPercent: body.ucj_percent, source: body.source ?? "administrator \(actor)")
        try await call.store.saveCoverageTarget(target, actor: actor)
        return try JSONBody.response(CoverageTargetDTO(target))
    }

    /// `GET /api/v1/simulate/budget?region=3604&vulnerable=15000&non_asn=8000&year=2026`: `BudgetDTO`, as
    /// `lindung simulate budget --json`.
    static func budget(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let input = try budgetInput(request)
        try CoverageAccess.check(region: input.region, try call.scoped())
        let simulation = try BudgetSimulation(input, reference: try CoverageAccess.reference(call.environment), rules: call.environment.rules)
        return try JSONBody.response(BudgetDTO(simulation))
    }

    /// The simulator's query: `region`, `year` required; `vulnerable`, `non_asn` (default 0), `income`,
    /// `non_asn_wage`, `non_asn_programs` optional. An empty value (a form's blank field) is not given.
    static func budgetInput(_ request: Request) throws -> BudgetSimulation.Input {
        func integer(_ name: String, _ range: ClosedRange<Int64>) throws -> Int64? {
            guard let text = request.query(name), !text.isEmpty else { return nil }
            guard let value = Int64(text), range.contains(value) else {
                throw APIError.invalid("invalid \(name) '\(text)': expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        guard let year = try integer("year", 1900...9999) else { throw APIError.invalid("the query parameter 'year' is required") }
        let programs = request.query("non_asn_programs").flatMap { $0.isEmpty ? nil : $0 } ?? "JKK,JKM"
        return BudgetSimulation.Input(
            region: try request.requiredQuery("region"), year: Int(year), vulnerable: Int(try integer("vulnerable", 0...100_000_000) ?? 0),
            income: try integer("income", 0...1_000_000_000), nonASN: Int(try integer("non_asn", 0...100_000_000) ?? 0),
            nonASNWage: try integer("non_asn_wage", 0...1_000_000_000), nonASNPrograms: programs)
    }
}
