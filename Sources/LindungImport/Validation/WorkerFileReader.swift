public import LindungCore
public import LindungStorage

/// Reads a worker file (CSV or XLSX) row by row and validates every row for one employer: the NIK through
/// the core, birth date and sex against it, dates, wage (not negative, not below the region's minimum
/// wage for PU unless the row is flagged), segment, programs, non-ASN category, and duplicates within the
/// file. The result is the rows that pass and a `RowError` for each that does not.
public struct WorkerFileReader {
    public struct Result: Sendable {
        public var rows: [WorkerRow] = []
        public var errors: [RowError] = []
        public var rowsRead = 0
    }

    let employer: Employer
    let reference: ReferenceData
    let asOf: CalendarDate
    let currentYear: Int

    public init(employer: Employer, reference: ReferenceData, asOf: CalendarDate, currentYear: Int) {
        self.employer = employer
        self.reference = reference
        self.asOf = asOf
        self.currentYear = currentYear
    }

    static let fields: [HeaderField] = [
        .nik, .name, .birthDate, .sex, .wage, .category, .startDate, .endDate, .exitReason, .segment, .programs, .domicile,
        .belowMinimumWage,
    ]

    /// Reads the whole file; `progress` is called every `progressInterval` rows with the count so far.
    public func read(path: String, progressInterval: Int = 50_000, progress: ((Int) -> Void)? = nil) throws(ImportFileError) -> Result {
        let reader = try SpreadsheetReader(path: path)
        let header = try HeaderMap(header: try reader.header(), fields: Self.fields, required: [.nik, .name, .wage, .startDate])
        var result = Result()
        var firstRowOfNIK: [String: Int] = [:]
        while let row = try reader.nextRow() {
            result.rowsRead += 1
            if let progress, result.rowsRead % progressInterval == 0 { progress(result.rowsRead) }
            var validator = WorkerRowValidator(row: row, header: header, reader: self)
            guard let worker = validator.validate() else {
                result.errors += validator.errors
                continue
            }
            if let first = firstRowOfNIK[worker.person.nik] {
                result.errors.append(
                    RowError(line: row.number, column: header.columnName(of: .nik) ?? "NIK", value: worker.person.nik, reason: "duplicate of row \(first)"))
                continue
            }
            firstRowOfNIK[worker.person.nik] = row.number
            result.rows.append(worker)
        }
        return result
    }

    /// Programs a segment joins when the file does not say (PP 44/2015, PP 45/2015, PP 46/2015, PP 37/2021;
    /// ruling 11: non-ASN staff of an agency join JKK and JKM).
    func defaultPrograms(_ segment: Segment) -> [Program] {
        switch (segment, employer.record.kind) {
        case (.pu, .agency): Self.accidentAndDeath
        case (.pu, _): Self.allPrograms
        case (.bpu, _), (.jakon, _), (.pmi, _): Self.accidentAndDeath
        }
    }

    // Shared arrays, so a million rows share two buffers instead of allocating one each.
    private static let accidentAndDeath: [Program] = [.jkk, .jkm]
    private static let allPrograms: [Program] = [.jkk, .jkm, .jht, .jp, .jkp]

    func defaultSegment() -> Segment {
        switch employer.record.kind {
        case .company, .agency: .pu
        case .constructionProject: .jakon
        case .placementAgency: .pmi
        }
    }
}
