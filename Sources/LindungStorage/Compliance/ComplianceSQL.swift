import Foundation
public import LindungCore

/// Pieces both backends share: the evidence JSON, the rule text per kind as a SQL CASE, and the scope filter.
public enum ComplianceSQL {
    /// Evidence as stored (a JSON object of numbers and texts) → values.
    public static func evidence(json: String) throws -> [String: EvidenceValue] {
        do {
            return try JSONDecoder().decode([String: EvidenceValue].self, from: Data(json.utf8))
        } catch {
            throw StoreError.backend("stored finding evidence is not a JSON object of numbers and texts: \(json.prefix(80))")
        }
    }

    /// `CASE <column> WHEN 'kind' THEN 'regulation' … END`: the rule each kind rests on, from ComplianceRules
    /// (constants, so they are written into the statement, quotes doubled).
    public static func ruleCase(column: String) -> String {
        let whens = FindingKind.allCases.map { kind in
            "WHEN '\(kind.rawValue)' THEN '\(ComplianceRules.rule(for: kind).regulation.replacingOccurrences(of: "'", with: "''"))'"
        }
        return "CASE \(column) \(whens.joined(separator: " ")) END"
    }

    /// The condition that puts a region code column in the scan's scope, with the placeholder for the region.
    public static func scope(column: String, region: String?, placeholder: String) -> String {
        guard let region else { return "1 = 1" }
        return region.count == 2 ? "substr(\(column), 1, 2) = \(placeholder)" : "\(column) = \(placeholder)"
    }

    /// `','||programs||','` lacks the program: the registry stores programs as `JKK,JKM,JHT`.
    /// SQLite's `instr` and PostgreSQL's `strpos` take the same arguments.
    public static func lacks(_ program: Program, column: String, position: String = "instr") -> String {
        "\(position)(',' || \(column) || ',', ',\(program.rawValue),') = 0"
    }

    /// An NPP has 8 digits, a NIB 13: which one an identifier is, or nil for anything else.
    public static func identifierKind(_ identifier: String) -> IdentifierKind? {
        guard identifier.allSatisfy(\.isASCII), identifier.allSatisfy(\.isNumber) else { return nil }
        switch identifier.count {
        case 8: return .npp
        case 13: return .nib
        default: return nil
        }
    }

    public enum IdentifierKind: Sendable { case npp, nib }
}
