import LindungCore
import LindungStorage

/// `GET /api/v1/agencies/{npp}/non-asn`: the roster an agency reported (latest on or before `on`), who of
/// its non-ASN staff is registered, per category, and a page of the registered workers.
struct NonASNDTO: Encodable, Sendable {
    struct CategoryDTO: Encodable, Sendable {
        let category: String
        let roster: Int
        let registered: Int
        /// Reported but not registered (0 when more are registered than reported).
        let unregistered: Int
    }

    let npp: String
    let name: String
    let on: String
    let roster_reported_on: Nullable<String>
    let roster_total: Int
    let registered_total: Int
    let unregistered_total: Int
    let categories: [CategoryDTO]
    var items: [EmployedWorkerDTO]
    let next_offset: Nullable<Int>

    init(_ status: NonASNStatus, on: String, page: Page<EmployedWorkerDTO>) {
        npp = status.agency.npp
        name = status.agency.record.name
        self.on = on
        roster_reported_on = Nullable(status.roster?.asOf.iso)
        roster_total = status.rosterTotal
        registered_total = status.registeredTotal
        categories = NonASNCategory.allCases.map { category in
            let roster = status.roster?.headcount[category] ?? 0
            let registered = status.registered[category] ?? 0
            return CategoryDTO(category: category.rawValue, roster: roster, registered: registered, unregistered: max(0, roster - registered))
        }
        unregistered_total = categories.reduce(0) { $0 + $1.unregistered }
        items = page.items
        next_offset = page.nextOffset
    }
}

extension NonASNDTO: ShowsNIKs {
    mutating func disclose(_ show: (String) -> String) {
        for index in items.indices { items[index].disclose(show) }
    }
}
