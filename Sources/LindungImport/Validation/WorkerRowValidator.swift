import LindungCore
import LindungStorage

/// Validates one worker row, collecting every problem in the row rather than stopping at the first, so
/// the error file shows an operator all there is to fix.
struct WorkerRowValidator {
    let row: SpreadsheetRow
    let header: HeaderMap
    let reader: WorkerFileReader
    var errors: [RowError] = []

    init(row: SpreadsheetRow, header: HeaderMap, reader: WorkerFileReader) {
        self.row = row
        self.header = header
        self.reader = reader
    }

    mutating func validate() -> WorkerRow? {
        let nik = parseNIK()
        let name = required(.name)
        let segment = parseSegment()
        let category = parseCategory()
        let startDate = date(.startDate, required: true)
        let endDate = date(.endDate, required: false)
        let wage = parseWage(segment: segment)
        var programs: [Program]?
        if let segment { programs = parsePrograms(segment) }
        let domicile = parseDomicile(default: nik?.regency.code)
        let exitReason = optional(.exitReason)
        if let nik {
            check(.birthDate) { text in
                guard let date = CellDate.parse(text) else { return "is not a date (use YYYY-MM-DD or DD/MM/YYYY)" }
                return date == nik.birthDate ? nil : "does not match the birth date \(nik.birthDate.iso) in the NIK"
            }
            check(.sex) { text in
                guard let sex = Self.sex(text) else { return "is not L/P, Laki-laki/Perempuan or male/female" }
                return sex == nik.sex ? nil : "does not match the sex (\(nik.sex.rawValue)) in the NIK"
            }
            if let startDate, startDate < nik.birthDate { fail(.startDate, "is before the birth date \(nik.birthDate.iso)") }
        }
        if let startDate, let endDate, endDate < startDate { fail(.endDate, "is before the start date \(startDate.iso)") }
        if exitReason != nil && endDate == nil { fail(.exitReason, "needs an end date") }
        guard errors.isEmpty, let nik, let name, let segment, let startDate, let wage, let programs, let domicile else { return nil }
        return WorkerRow(
            line: row.number,
            person: PersonRecord(nik: nik.value, name: name, birthDate: nik.birthDate, sex: nik.sex, domicileRegion: domicile),
            segment: segment, programs: programs, category: category, startDate: startDate, endDate: endDate, exitReason: exitReason,
            wage: wage)
    }

    // MARK: - Fields

    private mutating func parseNIK() -> NIK? {
        guard let text = required(.nik) else { return nil }
        do {
            return try NIK(text, regions: reader.reference.regions, currentYear: reader.currentYear)
        } catch {
            if case .invalidInput(_, _, let reason) = error { fail(.nik, reason) } else { fail(.nik, error.description) }
            return nil
        }
    }

    private mutating func parseSegment() -> Segment? {
        guard let text = optional(.segment) else { return reader.defaultSegment() }
        guard let segment = Segment(rawValue: text.lowercased()) else {
            fail(.segment, "is not PU, BPU, Jakon or PMI")
            return nil
        }
        return segment
    }

    private mutating func parseCategory() -> NonASNCategory? {
        let isAgency = reader.employer.record.kind == .agency
        guard let text = optional(.category) else {
            if isAgency { fail(.category, "is required for an agency's non-ASN staff: honorer, THL or PTT", value: "") }
            return nil
        }
        guard isAgency else {
            fail(.category, "applies only to a government agency's (OPD) non-ASN staff")
            return nil
        }
        guard let category = NonASNCategory(rawValue: text.lowercased()) else {
            fail(.category, "is not honorer, THL or PTT")
            return nil
        }
        return category
    }

    private mutating func parseWage(segment: Segment?) -> Rupiah? {
        guard let text = required(.wage) else { return nil }
        guard let wage = CellMoney.parse(text) else {
            fail(.wage, "is not an amount in whole rupiah")
            return nil
        }
        guard wage >= 0 else {
            fail(.wage, "must not be negative")
            return nil
        }
        let flagged = optional(.belowMinimumWage).map { ["ya", "y", "yes", "true", "1", "x"].contains($0.lowercased()) } ?? false
        let region = reader.employer.record.regionCode
        if segment == .pu, !flagged, let minimum = reader.reference.minimumWages.minimumWage(region: region, year: reader.asOf.year),
            wage < minimum.monthlyWage
        {
            let kind = minimum.regionCode.count == 4 ? "UMK" : "UMP"
            fail(.wage, "is below the \(reader.asOf.year) \(kind) of region \(minimum.regionCode), \(Money.format(minimum.monthlyWage)) (mark the row 'Di Bawah UMK' if that is right)")
            return nil
        }
        return wage
    }

    private mutating func parsePrograms(_ segment: Segment) -> [Program]? {
        guard let text = optional(.programs) else { return reader.defaultPrograms(segment) }
        var programs: [Program] = []
        for part in text.uppercased().split(whereSeparator: { ", +;/".contains($0) }) {
            guard let program = Program(rawValue: String(part)), program != .jkkJkm else {
                fail(.programs, "'\(part)' is not one of JKK, JKM, JHT, JP, JKP")
                return nil
            }
            if !programs.contains(program) { programs.append(program) }
        }
        guard programs.contains(.jkk), programs.contains(.jkm) else {
            fail(.programs, "must include JKK and JKM, which every segment joins")
            return nil
        }
        if segment == .bpu && programs.contains(.jp) {
            fail(.programs, "JP is not open to non-wage earners (BPU)")
            return nil
        }
        return Program.allCases.filter(programs.contains)
    }

    private mutating func parseDomicile(default fallback: String?) -> String? {
        guard let text = optional(.domicile) else { return fallback }
        guard reader.reference.regions.region(code: text) != nil else {
            fail(.domicile, "is not a region code in the official list")
            return nil
        }
        return text
    }

    private mutating func date(_ field: HeaderField, required isRequired: Bool) -> CalendarDate? {
        guard let text = isRequired ? required(field) : optional(field) else { return nil }
        guard let date = CellDate.parse(text) else {
            fail(field, "is not a real date (use YYYY-MM-DD or DD/MM/YYYY)")
            return nil
        }
        return date
    }

    static func sex(_ text: String) -> NIK.Sex? {
        switch text.lowercased() {
        case "l", "laki-laki", "laki laki", "pria", "m", "male": .male
        case "p", "perempuan", "wanita", "f", "female": .female
        default: nil
        }
    }

    // MARK: - Cells and errors

    private mutating func required(_ field: HeaderField) -> String? {
        guard let value = header.filledValue(field, in: row) else {
            fail(field, "is required", value: "")
            return nil
        }
        return value
    }

    private func optional(_ field: HeaderField) -> String? { header.filledValue(field, in: row) }

    private mutating func check(_ field: HeaderField, _ rule: (String) -> String?) {
        guard let value = optional(field), let reason = rule(value) else { return }
        fail(field, reason)
    }

    private mutating func fail(_ field: HeaderField, _ reason: String, value: String? = nil) {
        errors.append(header.rowError(field, in: row, reason: reason, value: value))
    }
}
