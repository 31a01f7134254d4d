import Hummingbird
import LindungCore
import LindungStorage

/// `GET /bills?month=` and `GET /bills/{id}`, through the session's scope as `GET /api/v1/bills` is.
enum BillPages {
    /// `month` (YYYY-MM) defaults to last month, the one billed at the start of this one.
    static func list(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let today = page.call.environment.today().yearMonth
        let month =
            request.query("month") == nil
            ? (today.month == 1 ? YearMonth(year: today.year - 1, month: 12) : YearMonth(year: today.year, month: today.month - 1))
            : try request.month("month")
        let pager = try PagePager(request)
        var bills: [Bill] = []
        for bill in try await page.store.bills(month: month, employerNPP: nil) where try await page.reader.sees(bill) { bills.append(bill) }
        var values = try await BillPageRows.values(pager.rows(bills), page)
        values["pager"] = pager.values(total: bills.count)
        values["month_iso"] = month.description
        values["month"] = PageFormat.month(month, page.language)
        values["open_amount"] = page.money(bills.reduce(0) { $0 + $1.open })
        return try page.page("bills", title: "bills", values)
    }

    static func detail(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let bill = try await page.reader.bill(try context.pathID("id"))
        let shown = try await page.call.disclose(BillDTO(bill))
        let pager = try PagePager(request)
        let allWorkers = try await page.store.billWorkers(id: bill.id)
        let workers = try await page.call.disclose(pager.rows(allWorkers).map(BillWorkerDTO.init))
        var values: [String: Any] = [
            "bill": [
                "number": shown.number, "npp": bill.employerNPP, "name": bill.employerName, "month": PageFormat.month(bill.month, page.language),
                "issued_on": PageFormat.date(bill.issuedOn, page.language), "due_date": PageFormat.date(bill.dueDate, page.language),
                "contribution": page.money(bill.contribution), "fine": page.money(bill.fine), "total": page.money(bill.total),
                "paid": page.money(bill.paid), "open": page.money(bill.open), "workers": bill.workers, "id": bill.id,
            ],
            "lines": bill.lines.map { ["program": $0.program.rawValue, "payer": $0.payer.rawValue, "amount": page.money($0.amount)] },
            "worker_rows": workers.map {
                ["nik": $0.nik, "name": $0.name, "kpj": $0.kpj, "base": page.money($0.base), "total": page.money($0.total)] as [String: Any]
            },
        ]
        values["pager"] = pager.values(total: allWorkers.count)
        // The payment form (roles that change things, an open amount) and a receipt just posted.
        if page.reader.viewer.writes && bill.open > 0 {
            values["payment_form"] = [
                "id": bill.id, "open": bill.open, "today": page.call.environment.today().iso, "idempotency_key": "form-" + TokenHash.randomText(bytes: 16),
            ]
        }
        if let receipt = await ReceiptFlash.shared.take(session: page.session.id, bill: bill.id) {
            values["receipt"] = PaymentPages.receiptValues(receipt, page)
        }
        return try page.page("bill", title: "bills", values)
    }
}
