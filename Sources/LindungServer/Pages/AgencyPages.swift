import Hummingbird
import LindungCore
import LindungStorage

/// `GET /agencies/{npp}/non-asn?on=`: the agency's reported non-ASN headcount per category against who is
/// registered, and the registered staff (NIKs masked or shown per role), as the API's list.
enum AgencyPages {
    static func nonASN(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let on = try request.date("on") ?? page.call.environment.today()
        let status = try await AgencyHandlers.status(try context.path("npp"), on: on, reader: page.reader)
        let pager = try PagePager(request)
        let rows = Pagination.all(pager.rows(status.workers).map(EmployedWorkerDTO.init))
        let shown = try await page.call.disclose(NonASNDTO(status, on: on.iso, page: rows))
        let strings = page.language.strings
        var values: [String: Any] = [
            "agency": ["npp": shown.npp, "name": shown.name],
            "on": PageFormat.date(on, page.language),
            "reported_on": status.roster.map { PageFormat.date($0.asOf, page.language) } ?? "",
            "has_roster": status.roster != nil,
            "categories": shown.categories.map {
                ["category": strings["category_\($0.category)"] ?? $0.category, "roster": $0.roster, "registered": $0.registered,
                    "unregistered": $0.unregistered] as [String: Any]
            },
            "roster_total": shown.roster_total, "registered_total": shown.registered_total, "unregistered_total": shown.unregistered_total,
            "workers": shown.items.map {
                [
                    "nik": $0.nik, "link": !$0.nik.contains("•"), "name": $0.name, "kpj": $0.kpj,
                    "category": $0.non_asn_category.value.map { strings["category_\($0)"] ?? $0 } ?? "–",
                    "start": PageFormat.date(CalendarDate(iso: $0.start_date), page.language), "wage": page.money($0.wage),
                ] as [String: Any]
            },
            "has_workers": !shown.items.isEmpty,
        ]
        values["pager"] = pager.values(total: status.workers.count)
        return try page.page("non_asn", title: "non_asn", values)
    }
}

extension Pagination {
    /// Every item on one page (a page lists them all).
    static func all<Item: Encodable & Sendable>(_ items: [Item]) -> Page<Item> { Page(items: items, nextOffset: Nullable(nil)) }
}
