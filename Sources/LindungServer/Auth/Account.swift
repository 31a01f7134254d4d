/// Who calls the API: a name, a role and, for the scoped roles, the one thing the role is scoped to; a
/// user (logged in with a password, a session cookie) or an API client (a bearer token).
public struct Account: Sendable, Equatable {
    /// The roles of issue 5. Scope: regional officer, a province or regency/city code (`36`, `3604`);
    /// agency operator, the agency's NPP; branch officer, the branch office code; employer, its NPP.
    /// Administrator, auditor and system client see everything (the auditor and system client read only,
    /// a system client only the routes it is granted).
    public enum Role: String, Sendable, CaseIterable {
        case administrator
        case regionalOfficer = "regional_officer"
        case agencyOperator = "agency_operator"
        case branchOfficer = "branch_officer"
        case employer
        case auditor
        case systemClient = "system_client"

        /// Roles that must name a scope.
        public var isScoped: Bool { [.regionalOfficer, .agencyOperator, .branchOfficer, .employer].contains(self) }

        /// Roles shown full NIKs (every view logged in `access_log`); the others see `3604••••••••0001`.
        /// Officers and administrators register, correct and look people up by NIK; a system client is
        /// another government system matching records by NIK. Employers, agency operators and auditors
        /// read lists and amounts, for which the region code and serial identify a worker well enough.
        public var seesFullNIK: Bool { [.administrator, .regionalOfficer, .branchOfficer, .systemClient].contains(self) }
    }

    public enum Kind: String, Sendable {
        case user, client
    }

    public let name: String
    public let role: Role
    public let scope: String?
    /// For a system client: the operation ids (openapi.json) it may call.
    public let grants: [String]
    public let kind: Kind

    public init(name: String, role: Role, scope: String? = nil, grants: [String] = [], kind: Kind = .client) {
        self.name = name
        self.role = role
        self.scope = scope
        self.grants = grants
        self.kind = kind
    }

    /// How the access log names the account: `user:serang`, `client:sso`.
    public var logName: String { "\(kind.rawValue):\(name)" }
}
