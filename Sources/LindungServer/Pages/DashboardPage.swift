import Hummingbird
import LindungCore
import LindungStorage

/// `GET /`: who is logged in, and per role: an employer's (or agency's) bills of the last three months
/// and what is open; a regional or branch officer's arrears in scope; the registry's counts for
/// administrators and auditors.
enum DashboardPage {
    static func show(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        var values: [String: Any] = [:]
        let today = page.call.environment.today()
        switch page.account.role {
        case .employer, .agencyOperator:
            let employer = try await page.reader.employer(page.account.scope ?? "")
            let bills = try await recentBills(of: employer.npp, page)
            values["employer"] = ["npp": employer.npp, "name": employer.record.name, "is_agency": employer.record.kind == .agency] as [String: Any]
            values.merge(try await BillPageRows.values(bills, page)) { $1 }
            values["open_amount"] = page.money(bills.reduce(0) { $0 + $1.open })
        case .regionalOfficer, .branchOfficer:
            let pager = try PagePager(request)
            let arrears = try await ArrearsPageRows.rows(on: today, page, pager: pager)
            values["show_arrears"] = true
            values["arrears"] = arrears.rows
            values["has_arrears"] = !arrears.rows.isEmpty
            if let more = arrears.pager { values["arrears_pager"] = ["pager": more] }
        case .administrator, .auditor, .systemClient:
            let counts = try await page.store.counts()
            values["show_counts"] = true
            values["counts"] = [
                ["label": page.language.strings["employers"]!, "value": counts.employers],
                ["label": page.language.strings["persons"]!, "value": counts.persons],
                ["label": page.language.strings["spells"]!, "value": counts.spells],
                ["label": page.language.strings["branch_offices"]!, "value": counts.branchOffices],
            ]
        }
        values["today"] = PageFormat.date(today, page.language)
        return try page.page("dashboard", title: "dashboard", values)
    }
}

extension DashboardPage {
    /// An employer's bills of this month and the two before.
    static func recentBills(of npp: String, _ page: PageCall) async throws -> [Bill] {
        var bills: [Bill] = []
        var month = page.call.environment.today().yearMonth
        for _ in 0..<3 {
            bills += try await page.store.bills(month: month, employerNPP: npp)
            month = month.month == 1 ? YearMonth(year: month.year - 1, month: 12) : YearMonth(year: month.year, month: month.month - 1)
        }
        return bills
    }
}

/// Bills as table rows (amounts formatted, participant NIKs disclosed per role).
enum BillPageRows {
    /// What `bill_table` reads.
    static func values(_ bills: [Bill], _ page: PageCall) async throws -> [String: Any] {
        ["show_bills": true, "has_bills": !bills.isEmpty, "bills": try await rows(bills, page)]
    }

    static func rows(_ bills: [Bill], _ page: PageCall) async throws -> [[String: Any]] {
        let shown = try await page.call.disclose(bills.map(BillDTO.init))
        return zip(bills, shown).map { bill, dto in
            [
                "id": bill.id, "number": dto.number, "npp": bill.employerNPP, "name": bill.employerName,
                "month": PageFormat.month(bill.month, page.language), "due_date": PageFormat.date(bill.dueDate, page.language),
                "total": page.money(bill.total), "paid": page.money(bill.paid), "open": page.money(bill.open),
            ]
        }
    }
}

/// Arrears in the scope as table rows.
enum ArrearsPageRows {
    /// The rows of one employer (`employer`), or a page of all (`pager`), or all.
    static func rows(
        on date: CalendarDate, _ page: PageCall, employer npp: String? = nil, pager: PagePager? = nil
    ) async throws -> (rows: [[String: Any]], pager: [String: Any]?) {
        var rows: [ArrearsRow] = []
        for row in try await page.store.arrears(on: date) where try await page.reader.sees(row) {
            if let npp, row.debtor != .employer(npp: npp) { continue }
            rows.append(row)
        }
        let total = rows.count
        if let pager { rows = pager.rows(rows) }
        let shown = try await page.call.disclose(rows.map(ArrearsDTO.init))
        let table: [[String: Any]] = zip(rows, shown).map { row, dto in
            [
                "debtor": dto.debtor_key, "name": row.name, "region": row.regionCode, "current": page.money(dto.current),
                "months_1_3": page.money(dto.months_1_3), "over_3_months": page.money(dto.over_3_months), "total": page.money(row.total),
                "oldest_due": PageFormat.date(row.oldestDueDate, page.language), "npp": row.debtor.kind == "employer" ? row.debtor.key : "",
            ]
        }
        return (table, pager?.values(total: total))
    }
}
