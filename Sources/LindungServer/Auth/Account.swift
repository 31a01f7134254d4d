/// Who calls the API: a name, a role and, for the scoped roles, the one thing the role is scoped to.
public struct Account: Sendable, Equatable, Codable {
    /// The roles of issue 5. Scope: regional officer, a province or regency/city code (`36`, `3604`);
    /// agency operator, the agency's NPP; branch officer, the branch office code; employer, its NPP.
    /// Administrator, auditor and system client see everything (the auditor and system client read only,
    /// a system client only the routes it is granted).
    public enum Role: String, Sendable, Codable, CaseIterable {
        case administrator
        case regionalOfficer = "regional_officer"
        case agencyOperator = "agency_operator"
        case branchOfficer = "branch_officer"
        case employer
        case auditor
        case systemClient = "system_client"

        /// Roles that must name a scope.
        public var isScoped: Bool { [.regionalOfficer, .agencyOperator, .branchOfficer, .employer].contains(self) }
    }

    public let name: String
    public let role: Role
    public let scope: String?
    /// For a system client: the operation ids (openapi.json) it may call.
    public let grants: [String]

    public init(name: String, role: Role, scope: String? = nil, grants: [String] = []) {
        self.name = name
        self.role = role
        self.scope = scope
        self.grants = grants
    }
}
