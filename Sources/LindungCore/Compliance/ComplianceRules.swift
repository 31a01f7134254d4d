/// A rule a finding or a sanction rests on: what it says and the regulation it comes from. Regulation names
/// are data here (shown on letters, the API and certificates), never buried in code paths.
public struct ComplianceRule: Sendable, Hashable, Codable {
    /// A stable code, e.g. `pds_upah` or `sanction.warning_1`.
    public let code: String
    /// The regulation(s), e.g. "PP 86/2013 Art 5; Permenaker 5/2021 Art 3".
    public let regulation: String
    /// One sentence, in English (letters carry their own Bahasa Indonesia text).
    public let statement: String

    public init(code: String, regulation: String, statement: String) {
        self.code = code
        self.regulation = regulation
        self.statement = statement
    }
}

/// The thresholds and rules the compliance scan applies (REGULATIONS.md §1, §4). Where the sources are unsure,
/// the value is the project's convention, documented in docs/compliance.md.
public enum ComplianceRules {
    /// Registration is compulsory from 10 employees (PP 84/2013 as cited with Permenaker 5/2021 Art 3).
    public static let registrationHeadcount: Int64 = 10
    /// Arrears become a finding when a bill is overdue by more than this many started months (REGULATIONS §4).
    public static let arrearsMonths = 3

    public static func rule(for kind: FindingKind) -> ComplianceRule {
        switch kind {
        case .notRegistered:
            ComplianceRule(
                code: kind.rawValue, regulation: "UU 24/2011 Art 15; PP 84/2013; Permenaker 5/2021 Art 3; PP 86/2013",
                statement: "An employer with 10 or more employees must register them with BPJS Ketenagakerjaan.")
        case .partialWorkers:
            ComplianceRule(
                code: kind.rawValue, regulation: "UU 24/2011 Art 15(1); PP 86/2013 (PDS Tenaga Kerja)",
                statement: "An employer must register all of its workers; fewer are registered than it reports employing.")
        case .partialWages:
            ComplianceRule(
                code: kind.rawValue, regulation: "UU 24/2011 Art 15(2); PP 44/2015 Art 9; PP 86/2013 (PDS Upah)",
                statement: "An employer must report its workers' real wages; a reported wage is below the region's minimum wage.")
        case .partialPrograms:
            ComplianceRule(
                code: kind.rawValue, regulation: "Perpres 109/2013; PP 86/2013 (PDS Program)",
                statement: "Every worker must join the programs mandatory for the employer's size class.")
        case .arrears:
            ComplianceRule(
                code: kind.rawValue, regulation: "UU 24/2011 Art 19; PP 86/2013",
                statement: "Contributions must be paid by their due date; these are overdue by more than 3 months.")
        }
    }

    /// The programs a wage earner (PU) must join by the employer's size class (Perpres 109/2013's stages):
    /// micro and small businesses at least JKK, JKM and JHT; medium and large ones also JP. JKP follows
    /// from the others and is not checked. Keys are the registry's size classes.
    public static func mandatoryPrograms(sizeClass: String) -> [Program] {
        switch sizeClass {
        case "medium", "large": [.jkk, .jkm, .jht, .jp]
        default: [.jkk, .jkm, .jht]
        }
    }
}
