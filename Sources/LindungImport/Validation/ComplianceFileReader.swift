import Foundation
public import LindungCore
public import LindungStorage

/// Reads and validates the sources of truth the compliance scan compares the registry with (docs/compliance.md):
/// a business-licence list as a licensing system (OSS) exports it, and agencies' non-ASN headcounts.
public enum ComplianceFileReader {
    public struct Result<Row: Sendable>: Sendable {
        public var rows: [Row] = []
        public var errors: [RowError] = []
        public var rowsRead = 0
    }

    /// NIB, name, region, sector (KBLI, optional), reported headcount.
    public static func licences(path: String, reference: ReferenceData) throws(ImportFileError) -> Result<BusinessLicence> {
        let reader = try SpreadsheetReader(path: path)
        let header = try HeaderMap(
            header: try reader.header(), fields: [.nib, .employerName, .region, .sector, .headcount], required: [.nib, .employerName, .region, .headcount])
        var result = Result<BusinessLicence>()
        var firstRow: [String: Int] = [:]
        while let row = try reader.nextRow() {
            result.rowsRead += 1
            var errors: [RowError] = []
            func value(_ field: HeaderField) -> String? { header.filledValue(field, in: row) }
            func fail(_ field: HeaderField, _ reason: String) { errors.append(header.rowError(field, in: row, reason: reason)) }
            var nib: String?
            if let text = value(.nib) {
                do { nib = try NIB(text).value } catch { fail(.nib, EmployerFileReader.reason(error)) }
            } else {
                fail(.nib, "is required")
            }
            let name = value(.employerName)
            if name == nil { fail(.employerName, "is required") }
            let region = value(.region)
            if region.flatMap(reference.regions.region(code:)) == nil { fail(.region, region == nil ? "is required" : "is not a region code in the official list") }
            let headcount = count(value(.headcount))
            if headcount == nil { fail(.headcount, "must be a whole number of employees, 0 or more") }
            if let nib, let first = firstRow[nib] { fail(.nib, "duplicate of row \(first)") }
            guard errors.isEmpty, let nib, let name, let region, let headcount else {
                result.errors += errors
                continue
            }
            firstRow[nib] = row.number
            result.rows.append(BusinessLicence(nib: nib, name: name, regionCode: region, sector: value(.sector) ?? "", headcount: headcount))
        }
        return result
    }

    /// The agency's NPP, the non-ASN category, the headcount and the date it was reported for; rows of one
    /// agency and date become one roster.
    public static func headcounts(path: String) throws(ImportFileError) -> Result<NonASNRoster> {
        let reader = try SpreadsheetReader(path: path)
        let header = try HeaderMap(header: try reader.header(), fields: [.npp, .category, .headcount, .asOf], required: [.npp, .category, .headcount, .asOf])
        var result = Result<NonASNRoster>()
        var rosters: [String: NonASNRoster] = [:]
        var order: [String] = []
        while let row = try reader.nextRow() {
            result.rowsRead += 1
            var errors: [RowError] = []
            func value(_ field: HeaderField) -> String? { header.filledValue(field, in: row) }
            func fail(_ field: HeaderField, _ reason: String) { errors.append(header.rowError(field, in: row, reason: reason)) }
            let npp = value(.npp)
            if npp == nil || npp!.count != 8 || !npp!.allSatisfy({ $0.isASCII && $0.isNumber }) { fail(.npp, "must have 8 digits") }
            let category = value(.category).flatMap { NonASNCategory(rawValue: $0.lowercased()) }
            if category == nil { fail(.category, "is not honorer, THL or PTT") }
            let headcount = count(value(.headcount))
            if headcount == nil { fail(.headcount, "must be a whole number, 0 or more") }
            let date = value(.asOf).flatMap(CellDate.parse)
            if date == nil { fail(.asOf, "is not a date (YYYY-MM-DD or DD/MM/YYYY)") }
            guard errors.isEmpty, let npp, let category, let headcount, let date else {
                result.errors += errors
                continue
            }
            let key = npp + date.iso
            if rosters[key] == nil { order.append(key) }
            var roster = rosters[key] ?? NonASNRoster(agencyNPP: npp, asOf: date, headcount: [:])
            if roster.headcount[category] != nil {
                result.errors.append(RowError(line: row.number, column: header.columnName(of: .category) ?? "Kategori", value: category.rawValue,
                                              reason: "this agency, date and category are already in the file"))
                continue
            }
            roster.headcount[category] = Int(headcount)
            rosters[key] = roster
        }
        result.rows = order.compactMap { rosters[$0] }
        return result
    }

    static func count(_ text: String?) -> Int64? {
        guard let text else { return nil }
        let digits = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "")
        guard let number = Int64(digits), number >= 0 else { return nil }
        return number
    }
}
