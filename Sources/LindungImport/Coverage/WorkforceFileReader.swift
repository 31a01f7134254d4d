import Foundation
public import LindungCore

/// Reads a workforce file (`lindung import workforce`): CSV or XLSX with the bundled labour_force.csv's
/// columns. Needs `region_code`, `period` (YYYY-MM), `employed` and `source_publisher`; the other counts are
/// optional, empty cells stay unknown. Every bad row is reported with its number, field and reason.
public enum WorkforceFileReader {
    public struct RowError: Sendable, Equatable, CustomStringConvertible {
        public let row: Int
        public let field: String
        public let reason: String
        public var description: String { "row \(row), \(field): \(reason)" }
    }

    public static let requiredColumns = ["region_code", "period", "employed", "source_publisher"]
    static let counts = ["working_age_population", "labour_force", "employed", "unemployed", "formal_employed", "informal_employed"]

    /// The figures read, or the row errors (no figures when any row fails: nothing is half-written).
    public static func read(path: String, regions: RegionDirectory) throws(ImportFileError) -> (figures: [WorkforceFigure], errors: [RowError]) {
        let reader = try SpreadsheetReader(path: path)
        let header = try reader.header().map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for column in requiredColumns where !header.contains(column) {
            throw ImportFileError(reason: "the header has no '\(column)' column (needed: \(requiredColumns.joined(separator: ", ")))")
        }
        var figures: [WorkforceFigure] = []
        var errors: [RowError] = []
        var seen: [String: Int] = [:]
        while let row = try reader.nextRow() {
            func value(_ column: String) -> String {
                guard let index = header.firstIndex(of: column), index < row.fields.count else { return "" }
                return row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            var rowErrors: [RowError] = []
            let region = value("region_code")
            if region != "00" && regions.region(code: region) == nil {
                rowErrors.append(RowError(row: row.number, field: "region_code", reason: "'\(region)' is not 00 or a region code of regions.csv"))
            }
            let period = YearMonth(iso: value("period"))
            if period == nil { rowErrors.append(RowError(row: row.number, field: "period", reason: "'\(value("period"))' is not YYYY-MM")) }
            var numbers: [String: Int64] = [:]
            for column in counts {
                let text = value(column).replacingOccurrences(of: ",", with: "")
                if text.isEmpty { continue }
                guard let number = Int64(text), number >= 0 else {
                    rowErrors.append(RowError(row: row.number, field: column, reason: "'\(value(column))' is not a whole non-negative number"))
                    continue
                }
                numbers[column] = number
            }
            if value("employed").isEmpty {
                rowErrors.append(RowError(row: row.number, field: "employed", reason: "is empty: the employed count is the coverage denominator"))
            }
            let source = value("source_publisher")
            if source.isEmpty { rowErrors.append(RowError(row: row.number, field: "source_publisher", reason: "is empty: name who published the figures")) }
            if let period, let first = seen["\(region)|\(period)"] {
                rowErrors.append(RowError(row: row.number, field: "period", reason: "\(region) \(period) is already on row \(first)"))
            }
            guard rowErrors.isEmpty, let period else {
                errors += rowErrors
                continue
            }
            seen["\(region)|\(period)"] = row.number
            figures.append(
                WorkforceFigure(
                    regionCode: region, period: period, workingAgePopulation: numbers["working_age_population"],
                    labourForce: numbers["labour_force"], employed: numbers["employed"], unemployed: numbers["unemployed"],
                    formalEmployed: numbers["formal_employed"], informalEmployed: numbers["informal_employed"], source: source, origin: .imported))
        }
        return errors.isEmpty ? (figures, []) : ([], errors)
    }
}
