/// What a compliance scan can find about an employer (issue 6, REGULATIONS.md §4), each kind resting on a
/// rule whose regulation is named as data (`ComplianceRules`).
public enum FindingKind: String, Sendable, CaseIterable, Codable {
    /// A licensed business with 10 or more employees by the licence list and no NPP (no employer with its NIB).
    case notRegistered = "not_registered"
    /// PDS-TK (Perusahaan Daftar Sebagian, tenaga kerja): fewer workers registered than the reported headcount.
    case partialWorkers = "pds_tk"
    /// PDS-Upah: a registered wage below the minimum wage (UMK, else UMP) of the employer's region that year.
    case partialWages = "pds_upah"
    /// PDS-Program: a worker without a program that is mandatory for the employer's size class.
    case partialPrograms = "pds_program"
    /// Contributions overdue by more than 3 started months (ruling 5's months of delay).
    case arrears = "arrears_over_3_months"
}

/// One value of a finding's evidence: a count or an amount, or a text (a date, a code, a list).
public enum EvidenceValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Int64)
    case text(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        }
    }

    public var description: String {
        switch self {
        case .number(let number): String(number)
        case .text(let text): text
        }
    }

    public var number: Int64? {
        if case .number(let number) = self { number } else { nil }
    }
}

/// A finding as the scan states it: whom it is about, what was seen, and the rule it rests on.
public struct Finding: Sendable, Hashable {
    public let kind: FindingKind
    /// The employer's NPP, or the licence's NIB for a business that is not registered.
    public let subject: String
    public let evidence: [String: EvidenceValue]
    public let rule: ComplianceRule

    public init(kind: FindingKind, subject: String, evidence: [String: EvidenceValue], rule: ComplianceRule? = nil) {
        self.kind = kind
        self.subject = subject
        self.evidence = evidence
        self.rule = rule ?? ComplianceRules.rule(for: kind)
    }
}
