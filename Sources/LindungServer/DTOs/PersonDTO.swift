import LindungCore
import LindungStorage

/// A person as `lindung person --json` prints one (docs/cli.md); `spells` is null in search results.
struct PersonDTO: Encodable, Sendable {
    struct SpellDTO: Encodable, Sendable {
        let employer_npp: String
        let segment: String
        let programs: [String]
        let non_asn_category: Nullable<String>
        let start_date: String
        let end_date: Nullable<String>
        let exit_reason: Nullable<String>
        let wages: [WageDTO]

        init(_ spell: Spell) {
            employer_npp = spell.employerNPP
            segment = spell.segment.rawValue
            programs = spell.programs.map(\.rawValue)
            non_asn_category = Nullable(spell.category?.rawValue)
            start_date = spell.startDate.iso
            end_date = Nullable(spell.endDate?.iso)
            exit_reason = Nullable(spell.exitReason)
            wages = spell.wages.map { WageDTO(effective_from: $0.effectiveFrom.iso, amount: $0.amount) }
        }
    }

    struct WageDTO: Encodable, Sendable {
        let effective_from: String
        let amount: Int64
    }

    var nik: String
    let kpj: String
    let name: String
    let birth_date: String
    let sex: String
    let domicile_region: String
    let spells: Nullable<[SpellDTO]>

    init(_ person: Person, spells: [Spell]? = nil) {
        nik = person.record.nik
        kpj = person.kpj
        name = person.record.name
        birth_date = person.record.birthDate.iso
        sex = person.record.sex.rawValue
        domicile_region = person.record.domicileRegion
        self.spells = Nullable(spells?.map(SpellDTO.init))
    }
}
