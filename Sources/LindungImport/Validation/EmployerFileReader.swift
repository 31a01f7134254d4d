public import LindungCore
public import LindungStorage

/// Reads and validates an employer file (CSV or XLSX): kind, name, NIB and NPWP through the core, region
/// codes against the official list, risk and size class, and NPP duplicates within the file.
public struct EmployerFileReader {
    public struct Result: Sendable {
        public var rows: [EmployerImportPlan.Row] = []
        public var errors: [RowError] = []
        public var rowsRead = 0
    }

    let reference: ReferenceData
    let currentYear: Int

    public init(reference: ReferenceData, currentYear: Int) {
        self.reference = reference
        self.currentYear = currentYear
    }

    static let fields: [HeaderField] = [.npp, .kind, .employerName, .nib, .npwp, .region, .parentRegion, .riskClass, .sizeClass, .branch]

    public func read(path: String) throws(ImportFileError) -> Result {
        let reader = try SpreadsheetReader(path: path)
        let header = try HeaderMap(header: try reader.header(), fields: Self.fields, required: [.kind, .employerName, .region, .sizeClass])
        var result = Result()
        var firstRow: [String: Int] = [:]
        while let row = try reader.nextRow() {
            result.rowsRead += 1
            var errors: [RowError] = []
            func value(_ field: HeaderField) -> String? { header.filledValue(field, in: row) }
            func fail(_ field: HeaderField, _ reason: String) { errors.append(header.rowError(field, in: row, reason: reason)) }
            let npp = value(.npp)
            if let npp, npp.count != 8 || !npp.allSatisfy({ $0.isASCII && $0.isNumber }) { fail(.npp, "must have 8 digits") }
            let kind = value(.kind).flatMap(Self.kind)
            if kind == nil { fail(.kind, "is not company/perusahaan, agency/OPD, construction project/proyek or placement agency/P3MI") }
            let name = value(.employerName)
            if name == nil { fail(.employerName, "is required") }
            var nib: String?
            if let text = value(.nib) {
                do { nib = try NIB(text).value } catch { fail(.nib, Self.reason(error)) }
            }
            var npwp: String?
            if let text = value(.npwp) {
                do { npwp = try NPWP(text, regions: reference.regions, currentYear: currentYear).digits } catch { fail(.npwp, Self.reason(error)) }
            }
            let region = value(.region)
            if region.flatMap(reference.regions.region(code:)) == nil { fail(.region, region == nil ? "is required" : "is not a region code in the official list") }
            let parentRegion = value(.parentRegion)
            if let parentRegion, reference.regions.region(code: parentRegion) == nil {
                fail(.parentRegion, "is not a region code in the official list")
            } else if kind == .agency && parentRegion == nil {
                fail(.parentRegion, "is required for an agency: the province or regency/city government it belongs to")
            }
            var riskClass = 1
            if let text = value(.riskClass) {
                if let number = Int(text), (1...5).contains(number) { riskClass = number } else { fail(.riskClass, "must be 1 to 5") }
            } else if kind != .agency {
                fail(.riskClass, "is required (JKK risk class 1 to 5)")
            }
            let size = value(.sizeClass).flatMap(Self.size)
            if size == nil { fail(.sizeClass, "is not micro/mikro, small/kecil, medium/menengah or large/besar") }
            if let npp, let first = firstRow[npp] { fail(.npp, "duplicate of row \(first)") }
            guard errors.isEmpty, let kind, let name, let region, let size else {
                result.errors += errors
                continue
            }
            if let npp { firstRow[npp] = row.number }
            result.rows.append(
                .init(
                    line: row.number,
                    record: EmployerRecord(
                        npp: npp, kind: kind, name: name, nib: nib, npwp: npwp, regionCode: region, parentRegionCode: parentRegion,
                        riskClass: riskClass, sizeClass: size, branchCode: value(.branch))))
        }
        return result
    }

    static func kind(_ text: String) -> EmployerKind? {
        switch HeaderField.normalize(text) {
        case "company", "perusahaan", "pt", "cv": .company
        case "agency", "opd", "instansi", "instansipemerintah", "perangkatdaerah": .agency
        case "constructionproject", "proyek", "proyekkonstruksi", "jakon": .constructionProject
        case "placementagency", "p3mi", "pptkis", "perusahaanpenempatan": .placementAgency
        default: nil
        }
    }

    static func size(_ text: String) -> SizeClass? {
        switch text.lowercased() {
        case "micro", "mikro": .micro
        case "small", "kecil": .small
        case "medium", "menengah": .medium
        case "large", "besar": .large
        default: nil
        }
    }

    static func reason(_ error: DomainError) -> String {
        if case .invalidInput(_, _, let reason) = error { return reason }
        return error.description
    }
}
