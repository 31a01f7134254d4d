import Foundation
import Hummingbird
import LindungCore
import LindungStorage

/// `GET /persons?q=` (a 16-digit NIK, or at least 2 letters of a name) and `GET /persons/{nik}`, through the
/// session's scope, NIKs masked or shown (and logged) per role as in the API. A masked NIK links nowhere:
/// the link itself would show the NIK.
enum PersonPages {
    static func search(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let query = (request.formQuery("q") ?? "").trimmingCharacters(in: .whitespaces)
        let pager = try PagePager(request)
        var found: [PersonDTO] = []
        if query.count == 16, query.allSatisfy(\.isNumber) {
            if pager.offset == 0, let detail = try? await page.reader.person(query) { found.append(PersonDTO(detail.person)) }
        } else if query.count >= 2 {
            // As the API: this page and one more row, to know whether there is a next page.
            found = try await RegistryHandlers.personMatches(query, wanted: pager.offset + PagePager.size + 1, reader: page.reader)
        }
        let more = found.count > pager.offset + PagePager.size
        found = pager.rows(found)
        let rows: [[String: Any]] = try await page.call.disclose(found).map {
            [
                "nik": $0.nik, "link": !$0.nik.contains("•"), "name": $0.name, "kpj": $0.kpj,
                "birth_date": PageFormat.date(CalendarDate(iso: $0.birth_date), page.language), "region": $0.domicile_region,
            ]
        }
        var values: [String: Any] = ["q": query, "searched": !query.isEmpty, "persons": rows, "has_persons": !rows.isEmpty]
        values["pager"] = pager.values(more: more)
        return try page.page("persons", title: "persons", values)
    }

    static func detail(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let detail = try await page.reader.person(try context.path("nik"))
        let today = page.call.environment.today()
        let person = try await page.call.disclose(PersonDTO(detail.person, spells: detail.spells))
        let coverage = try await page.store.coverage(nik: detail.person.record.nik, on: today)
        let spells: [[String: Any]] = detail.spells.map { spell in
            [
                "npp": spell.employerNPP, "segment": spell.segment.rawValue, "programs": spell.programs.map(\.rawValue).joined(separator: ", "),
                "start": PageFormat.date(spell.startDate, page.language), "end": PageFormat.date(spell.endDate, page.language),
                "wages": spell.wages.map { ["from": PageFormat.date($0.effectiveFrom, page.language), "amount": page.money($0.amount)] },
            ]
        }
        let values: [String: Any] = [
            "person": [
                "nik": person.nik, "name": person.name, "kpj": person.kpj, "path_nik": detail.person.record.nik,
                "birth_date": PageFormat.date(detail.person.record.birthDate, page.language), "region": person.domicile_region,
            ],
            "standing": coverage?.status.rawValue ?? "–", "on": PageFormat.date(today, page.language), "spells": spells,
            "has_spells": !spells.isEmpty,
        ]
        return try page.page("person", title: "persons", values)
    }
}
