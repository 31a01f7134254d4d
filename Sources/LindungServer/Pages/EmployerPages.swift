import Foundation
import Hummingbird
import LindungCore
import LindungStorage

/// `GET /employers?q=` and `GET /employers/{npp}`, through the session's scope.
enum EmployerPages {
    /// `q` is an NPP (8 digits) looked up through the scope. The store has no search of employers by name
    /// yet (docs/server.md), so a name finds the scoped roles' own employer only when it matches.
    static func search(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let query = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
        var found: [Employer] = []
        if query.count == 8, query.allSatisfy(\.isNumber) {
            if let employer = try? await page.reader.employer(query) { found.append(employer) }
        } else if query.count >= 2, let own = page.account.scope, [.employer, .agencyOperator].contains(page.account.role) {
            if let employer = try? await page.reader.employer(own), employer.record.name.localizedCaseInsensitiveContains(query) {
                found.append(employer)
            }
        }
        let rows: [[String: Any]] = found.map {
            ["npp": $0.npp, "name": $0.record.name, "region": $0.record.regionCode, "kind": $0.record.kind.rawValue]
        }
        let values: [String: Any] = ["q": query, "searched": !query.isEmpty, "employers": rows, "has_employers": !rows.isEmpty]
        return try page.page("employers", title: "employers", values)
    }

    /// The employer, its workers on `?on=` (today by default), its bills of the last three months and its
    /// arrears.
    static func detail(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let employer = try await page.reader.employer(try context.path("npp"))
        let on = try request.date("on") ?? page.call.environment.today()
        let workers = try await page.call.disclose(try await page.store.workers(ofEmployer: employer.npp, on: on).map(EmployedWorkerDTO.init))
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
        values.merge(try await BillPageRows.values(try await DashboardPage.recentBills(of: employer.npp, page), page)) { $1 }
        let arrears = try await ArrearsPageRows.rows(on: page.call.environment.today(), page).filter { ($0["npp"] as? String) == employer.npp }
        values["show_arrears"] = true
        values["arrears"] = arrears
        values["has_arrears"] = !arrears.isEmpty
        return try page.page("employer", title: "employers", values)
    }
}
