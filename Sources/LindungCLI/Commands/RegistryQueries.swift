import ArgumentParser
import Foundation
import LindungCore
import LindungStorage

/// `lindung person NIK` and `lindung person --search NAME`: a person's registration and employment.
struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "Find a person by NIK, or search by name.")
    @Argument(help: "The NIK.") var nik: String?
    @Option(help: "Search by part of the name instead.") var search: String?
    @Option(help: "How many search results to show.") var limit = 20
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await withStore(store) { store in
            if let search {
                let persons = try await store.searchPersons(name: search, limit: limit)
                if json { return print(try JSONOutput.encode(persons.map(PersonJSON.init))) }
                print(
                    TextTable.render(
                        header: ["NIK", "KPJ", "Name", "Birth date", "Sex"],
                        rows: persons.map { [$0.record.nik, $0.kpj, $0.record.name, $0.record.birthDate.iso, $0.record.sex.rawValue] }))
                return
            }
            guard let nik else { throw CLIError("give a NIK, or --search NAME") }
            guard let detail = try await store.person(nik: nik) else { throw CLIError("no person with NIK \(nik) is registered") }
            if json { return print(try JSONOutput.encode(PersonJSON(detail.person, spells: detail.spells))) }
            let person = detail.person
            var text = "\(person.record.name) (NIK \(person.record.nik), KPJ \(person.kpj)), born \(person.record.birthDate.iso), \(person.record.sex.rawValue)\n"
            text += TextTable.render(
                header: ["Employer", "Segment", "Category", "Start", "End", "Wage"],
                rows: detail.spells.map {
                    [
                        $0.employerNPP, $0.segment.rawValue.uppercased(), $0.category?.rawValue ?? "", $0.startDate.iso, $0.endDate?.iso ?? "",
                        $0.wages.last.map { Money.format($0.amount) } ?? "",
                    ]
                }, rightAligned: [5])
            print(text)
        }
    }
}

/// `lindung employer NPP [--on DATE]`: an employer and its workers on a date (for an agency, its non-ASN
/// against the roster it reported).
struct EmployerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "employer", abstract: "An employer and its workers on a date.")
    @Argument(help: "The NPP.") var npp: String
    @Option(help: "The date, YYYY-MM-DD (default: today).") var on: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let date = try on.map { try ArgumentValue.date($0, option: "--on") } ?? ArgumentValue.today
        try await withStore(store) { store in
            guard let employer = try await store.employer(npp: npp) else { throw CLIError("no employer with NPP \(npp) is registered") }
            var text = "\(employer.record.name) (NPP \(employer.npp), \(employer.record.kind.rawValue), region \(employer.record.regionCode))\n"
            if employer.record.kind == .agency {
                let status = try await store.nonASNStatus(agency: npp, on: date)
                text += "Non-ASN on \(date.iso): \(status.registeredTotal) registered of \(status.rosterTotal) reported"
                if let roster = status.roster { text += " (roster of \(roster.asOf.iso))" }
                text += "\n"
            }
            let workers = try await store.workers(ofEmployer: npp, on: date)
            text += "\(workers.count) worker(s) on \(date.iso)\n"
            text += TextTable.render(
                header: ["NIK", "Name", "Segment", "Category", "Start", "Wage"],
                rows: workers.prefix(200).map {
                    [$0.person.record.nik, $0.person.record.name, $0.segment.rawValue.uppercased(), $0.category?.rawValue ?? "", $0.startDate.iso, Money.format($0.wage)]
                }, rightAligned: [5])
            print(text)
        }
    }
}

struct PersonJSON: Encodable {
    struct SpellJSON: Encodable {
        let employer_npp: String
        let segment: String
        let programs: [String]
        let non_asn_category: String?
        let start_date: String
        let end_date: String?
        let exit_reason: String?
        let wages: [WageJSON]

        enum CodingKeys: String, CodingKey {
            case employer_npp, segment, programs, non_asn_category, start_date, end_date, exit_reason, wages
        }

        /// Writes absent values as `null`, as every Lindung JSON does (docs/cli.md).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(employer_npp, forKey: .employer_npp)
            try container.encode(segment, forKey: .segment)
            try container.encode(programs, forKey: .programs)
            try container.encode(non_asn_category, forKey: .non_asn_category)
            try container.encode(start_date, forKey: .start_date)
            try container.encode(end_date, forKey: .end_date)
            try container.encode(exit_reason, forKey: .exit_reason)
            try container.encode(wages, forKey: .wages)
        }
    }

    struct WageJSON: Encodable {
        let effective_from: String
        let amount: Int64
    }

    let nik: String
    let kpj: String
    let name: String
    let birth_date: String
    let sex: String
    let domicile_region: String
    let spells: [SpellJSON]?

    init(_ person: Person) { self.init(person, spells: nil) }

    init(_ person: Person, spells: [Spell]?) {
        nik = person.record.nik
        kpj = person.kpj
        name = person.record.name
        birth_date = person.record.birthDate.iso
        sex = person.record.sex.rawValue
        domicile_region = person.record.domicileRegion
        self.spells = spells?.map { spell in
            SpellJSON(
                employer_npp: spell.employerNPP, segment: spell.segment.rawValue, programs: spell.programs.map(\.rawValue),
                non_asn_category: spell.category?.rawValue, start_date: spell.startDate.iso, end_date: spell.endDate?.iso,
                exit_reason: spell.exitReason,
                wages: spell.wages.map { WageJSON(effective_from: $0.effectiveFrom.iso, amount: $0.amount) })
        }
    }
}
