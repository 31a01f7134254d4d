import Foundation
import Hummingbird
import LindungCore
import LindungStorage

/// `GET /employers?q=` and `GET /employers/{npp}`, through the session's scope.
enum EmployerPages {
    /// `q` is an NPP (8 digits) looked up through the scope, or at least 3 letters of a name: the employers
    /// in the scope by name (`EmployerSearchStore`, the scope in the query), `PagePager.size` a page with
    /// previous/next links. Employers and agency operators, who see one employer, find their own.
    static func search(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let query = (request.formQuery("q") ?? "").trimmingCharacters(in: .whitespaces)
        let pager = try PagePager(request)
        var found: [Employer] = []
        var more = false
        if query.count == 8, query.allSatisfy(\.isNumber) {
            if pager.offset == 0, let employer = try? await page.reader.employer(query) { found.append(employer) }
        } else if query.count >= EmployerSearchHandlers.minimumLength {
            let read = try await EmployerSearchHandlers.matches(query, limit: PagePager.size + 1, offset: pager.offset, reader: page.reader)
            more = read.count > PagePager.size
            found = pager.rows(afterOffset: read)
        }
        let rows: [[String: Any]] = found.map {
            ["npp": $0.npp, "name": $0.record.name, "region": $0.record.regionCode, "kind": $0.record.kind.rawValue]
        }
        var values: [String: Any] = ["q": query, "searched": !query.isEmpty, "employers": rows, "has_employers": !rows.isEmpty]
        values["pager"] = pager.values(more: more)
        return try page.page("employers", title: "employers", values)
    }

    /// The employer, its workers on `?on=` (today by default), its bills of the last three months and its
    /// arrears.
    static func detail(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let employer = try await page.reader.employer(try context.path("npp"))
        let on = try request.date("on") ?? page.call.environment.today()
        let pager = try PagePager(request)
        let allWorkers = try await page.store.workers(ofEmployer: employer.npp, on: on)
        let workers = try await page.call.disclose(pager.rows(allWorkers).map(EmployedWorkerDTO.init))
        let workerRows: [[String: Any]] = workers.map {
            [
                "nik": $0.nik, "link": !$0.nik.contains("•"), "name": $0.name, "kpj": $0.kpj, "segment": $0.segment,
                "start": PageFormat.date(CalendarDate(iso: $0.start_date), page.language), "wage": page.money($0.wage),
            ]
        }
        var values: [String: Any] = [
            "employer": [
                "npp": employer.npp, "name": employer.record.name, "kind": employer.record.kind.rawValue, "region": employer.record.regionCode,
                "risk_class": employer.record.riskClass, "branch": employer.record.branchCode ?? "–",
                "is_agency": employer.record.kind == .agency,
            ],
            "on": PageFormat.date(on, page.language), "workers": workerRows, "has_workers": !workerRows.isEmpty,
        ]
        values["pager"] = pager.values(total: allWorkers.count)
        values.merge(try await BillPageRows.values(try await DashboardPage.recentBills(of: employer.npp, page), page)) { $1 }
        let arrears = try await ArrearsPageRows.rows(on: page.call.environment.today(), page, employer: employer.npp).rows
        values["show_arrears"] = true
        values["arrears"] = arrears
        values["has_arrears"] = !arrears.isEmpty
        return try page.page("employer", title: "employers", values)
    }
}
