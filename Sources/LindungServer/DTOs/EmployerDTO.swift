import LindungCore
import LindungStorage

/// An employer (company, agency, collective) as the registry holds it.
struct EmployerDTO: Encodable, Sendable {
    let npp: String
    let kind: String
    let name: String
    let nib: Nullable<String>
    let npwp: Nullable<String>
    let region: String
    let parent_region: Nullable<String>
    let risk_class: Int
    let size_class: String
    let branch_code: Nullable<String>

    init(_ employer: Employer) {
        let record = employer.record
        npp = employer.npp
        kind = record.kind.rawValue
        name = record.name
        nib = Nullable(record.nib)
        npwp = Nullable(record.npwp)
        region = record.regionCode
        parent_region = Nullable(record.parentRegionCode)
        risk_class = record.riskClass
        size_class = record.sizeClass.rawValue
        branch_code = Nullable(record.branchCode)
    }
}

extension EmployerDTO: JSONObjectWritable {
    func writeFields(to json: inout JSONObjectWriter) {
        json.field("branch_code", branch_code.value)
        json.field("kind", kind)
        json.field("name", name)
        json.field("nib", nib.value)
        json.field("npp", npp)
        json.field("npwp", npwp.value)
        json.field("parent_region", parent_region.value)
        json.field("region", region)
        json.field("risk_class", risk_class)
        json.field("size_class", size_class)
    }
}

/// A worker of an employer on a date, with the wage in force then.
struct EmployedWorkerDTO: Encodable, Sendable {
    var nik: String
    let kpj: String
    let name: String
    let spell_id: Int64
    let segment: String
    let non_asn_category: Nullable<String>
    let start_date: String
    let end_date: Nullable<String>
    let wage: Int64

    init(_ worker: EmployedWorker) {
        nik = worker.person.record.nik
        kpj = worker.person.kpj
        name = worker.person.record.name
        spell_id = worker.spellID
        segment = worker.segment.rawValue
        non_asn_category = Nullable(worker.category?.rawValue)
        start_date = worker.startDate.iso
        end_date = Nullable(worker.endDate?.iso)
        wage = worker.wage
    }
}
