import LindungCore

/// `calc pension-age`: the main figure is `pension_age`.
struct PensionAgeJSON: Encodable {
    let year: Int
    let pension_age: Int
    let regulation: String

    init(year: Int, pensionAge: Int, regulation: String) {
        self.year = year
        self.pension_age = pensionAge
        self.regulation = regulation
    }
}

/// `calc due-date`: the main figure is `due_date`.
struct DueDateJSON: Encodable {
    let segment: String
    let month: String
    let due_date: String
    let nominal_date: String
    let reasons: [String]
    let regulation: String

    init(_ due: DueDateCalculator.DueDate) {
        segment = due.segment.rawValue
        month = due.month.description
        due_date = due.dueDate.iso
        nominal_date = due.nominal.iso
        reasons = due.reasons
        regulation = due.regulation
    }
}

/// `calc fine`: the main figure is `fine`.
struct FineJSON: Encodable {
    let amount: Int64
    let due_date: String
    let paid_on: String
    let months_late: Int
    let monthly_rate: Double
    let fine: Int64
    let regulation: String

    init(_ fine: LateFineCalculator.Fine) {
        amount = fine.amount
        due_date = fine.dueDate.iso
        paid_on = fine.paidOn.iso
        months_late = fine.monthsLate
        monthly_rate = fine.monthlyRate.percentValue
        self.fine = fine.fine
        regulation = fine.regulation
    }
}

/// `nik`: `valid`, region codes (with names), `sex` and `birth_date`.
struct NIKJSON: Encodable {
    let valid = true
    let nik: String
    let province: String
    let province_name: String
    let regency: String
    let regency_name: String
    let district: String
    let sex: String
    let birth_date: String
    let serial: Int

    init(_ nik: NIK) {
        self.nik = nik.value
        province = nik.province.code
        province_name = nik.province.name
        regency = nik.regency.code
        regency_name = nik.regency.name
        district = nik.districtCode
        sex = nik.sex.rawValue
        birth_date = nik.birthDate.iso
        serial = nik.serial
    }
}

/// `npwp` and `nib`: `valid` and the normalised number.
struct IdentifierJSON: Encodable {
    let valid = true
    let kind: String
    let value: String
    let format: String?
}

/// An identifier that failed validation, for `--json`.
struct InvalidIdentifierJSON: Encodable {
    let valid = false
    let error: String
}
