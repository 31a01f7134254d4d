import LindungCore
import LindungStorage

/// Who may read a region's coverage figures, its targets and its budget simulation: administrators,
/// auditors and (granted) system clients every region; a regional officer their own region and what lies in
/// it (an officer of `36` may read `36` and `3604`, one of `3604` not `36` nor `00`: outside is a 404, as a
/// record outside the scope). Agency operators, branch officers and employers have no region: 403.
enum CoverageAccess {
    static func check(region: String, _ reader: ScopedReader) throws {
        let account = reader.viewer.account
        switch account.role {
        case .administrator, .auditor, .systemClient: return
        case .regionalOfficer:
            guard region.hasPrefix(account.scope ?? "") else { throw APIError.notFound("no coverage figures for region \(region)") }
        case .agencyOperator, .branchOfficer, .employer:
            throw APIError(.forbidden, "a \(account.role.rawValue) may not read regional coverage figures")
        }
    }

    /// Whether the role may open the coverage pages at all (the nav link).
    static func mayRead(_ role: Account.Role) -> Bool { [.administrator, .auditor, .systemClient, .regionalOfficer].contains(role) }

    /// The region a page opens with: the officer's own, else Indonesia.
    static func defaultRegion(_ account: Account) -> String { account.role == .regionalOfficer ? account.scope ?? "00" : "00" }

    static let bundledTargets = Result { try CoverageTargetTable() }

    static func reference(_ environment: ServerEnvironment) throws -> ReferenceData {
        if let reference = environment.reference { return reference }
        return try RegistryImport.bundledReference.get()
    }

    static func reader(_ environment: ServerEnvironment) throws -> CoverageReader {
        CoverageReader(store: environment.store, reference: try reference(environment), bundledTargets: try bundledTargets.get())
    }

    /// The period of `?on=YYYY-MM-DD` or `?quarter=2025Q1` (exactly one, as `lindung coverage`).
    static func period(on: String?, quarter: String?) throws -> CoveragePeriod {
        switch (on.flatMap { $0.isEmpty ? nil : $0 }, quarter.flatMap { $0.isEmpty ? nil : $0 }) {
        case (let day?, nil):
            guard let date = CalendarDate(iso: day), (1900...9999).contains(date.year) else {
                throw APIError.invalid("invalid on '\(day)': expected YYYY-MM-DD")
            }
            return .on(date)
        case (nil, let text?):
            guard let parsed = Quarter(text: text) else { throw APIError.invalid("invalid quarter '\(text)': expected YYYYQn, e.g. 2025Q1") }
            return .quarter(parsed)
        case (nil, nil): throw APIError.invalid("give one of the query parameters 'on' (YYYY-MM-DD) or 'quarter' (YYYYQn)")
        default: throw APIError.invalid("give only one of 'on' and 'quarter'")
        }
    }
}
