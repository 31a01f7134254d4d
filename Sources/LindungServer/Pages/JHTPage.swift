import Foundation
import HTTPTypes
import Hummingbird
import LindungClaims
import LindungCore
import LindungExport
import LindungStorage

/// `GET /persons/{nik}/jht?from=&to=`: the participant's own view (Lindung has no worker role yet, so it
/// hangs off the person page): the JHT balance today, the person's claims, and the ledger statement for the
/// range with its CSV (`/persons/{nik}/jht/export`, the CLI's `--format csv`). Scoped as the person.
enum JHTPage {
    static func show(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let detail = try await page.reader.person(try context.path("nik"))
        let nik = detail.person.record.nik
        let statement = try await JHTHandlers.statement(nik: nik, from: try request.date("from"), to: try request.date("to"), call: page.call)
        let shown = try await page.call.disclose(statement)
        let strings = page.language.strings
        let claims = try await page.call.disclose(try await personClaims(nik, page.call))
        let range = "from=\(statement.from)&to=\(statement.to)"
        var values = statementValues(statement, page)
        values["person"] = ["name": detail.person.record.name, "nik": shown.nik, "nik_link": !shown.nik.contains("•"), "path_nik": nik]
        values["csv_link"] = "/persons/\(nik)/jht/export?\(range)"
        values["pdf_link"] = "/persons/\(nik)/jht/export?format=pdf&\(range)"
        values["claims"] = claims.map {
            [
                "id": $0.id, "type": $0.type.uppercased(), "status": strings["claim_status_\($0.status)"] ?? $0.status, "amount": page.money($0.amount),
                "event_date": PageFormat.date(CalendarDate(iso: $0.event_date), page.language),
            ] as [String: Any]
        }
        values["has_claims"] = !claims.isEmpty
        return try page.page("jht", title: "jht_title", values)
    }

    /// The statement's figures as the page and the printed PDF show them (rupiah, dates in the page's language).
    static func statementValues(_ statement: JHTStatementDTO, _ page: PageCall) -> [String: Any] {
        let strings = page.language.strings
        return [
            "balance": page.money(statement.balance), "balance_on": PageFormat.date(CalendarDate(iso: statement.balance_on), page.language),
            "from": statement.from, "to": statement.to, "opening": page.money(statement.opening), "closing": page.money(statement.closing),
            "entries": statement.entries.map {
                [
                    "date": PageFormat.date(CalendarDate(iso: $0.date), page.language), "kind": strings["jht_kind_\($0.kind)"] ?? $0.kind,
                    "employer": $0.employer.value ?? "–", "reference": $0.reference, "amount": page.money($0.amount), "balance": page.money($0.balance),
                ] as [String: Any]
            },
            "has_entries": !statement.entries.isEmpty,
        ]
    }

    /// `?format=csv` (default): the statement as the CLI's CSV; `?format=pdf`: the printed statement (A4, through
    /// Debian's headless Chromium, `ChromiumPDF`; 503 when it is not installed). Attachments named after the
    /// NIK the caller may see (masked for employers, agency operators and auditors).
    static func export(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let detail = try await page.reader.person(try context.path("nik"))
        let nik = detail.person.record.nik
        let format = request.query("format") ?? "csv"
        guard ["csv", "pdf"].contains(format) else { throw APIError.invalid("invalid format '\(format)': csv or pdf") }
        let dto = try await JHTHandlers.statement(nik: nik, from: try request.date("from"), to: try request.date("to"), call: page.call)
        let shown = try await page.call.disclose(dto).nik
        let base = "jht-\(shown.replacingOccurrences(of: "•", with: "x"))-\(dto.from)-\(dto.to)"
        if format == "pdf" { return try await pdf(dto, name: detail.person.record.name, nik: shown, file: base + ".pdf", page) }
        guard let first = CalendarDate(iso: dto.from), let last = CalendarDate(iso: dto.to) else { throw APIError.invalid("invalid range") }
        var statement = try await page.call.desk.statement(nik: nik, from: first, to: last)
        if shown != nik { statement = JHTStatement(nik: shown, from: statement.from, to: statement.to, opening: statement.opening, entries: statement.entries) }
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(base).csv\""],
            body: .init(byteBuffer: ByteBuffer(string: statement.csv)))
    }

    static func pdf(_ statement: JHTStatementDTO, name: String, nik: String, file: String, _ page: PageCall) async throws -> Response {
        let chromium = ChromiumPDF()
        guard chromium.isAvailable else {
            return try page.page("error", title: "error_title", ["message": page.language.strings["pdf_unavailable_jht"]!], status: .serviceUnavailable)
        }
        var values = statementValues(statement, page)
        values["t"] = page.language.strings
        values["lang"] = page.language.rawValue
        values["name"] = name
        values["nik"] = nik
        values["today"] = PageFormat.date(page.call.environment.today(), page.language)
        let html = try PageRenderer.render("jht_print", values)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-jht-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: output) }
        try await chromium.print(html: html, to: output)
        return Response(
            status: .ok,
            headers: [.contentType: "application/pdf", .contentDisposition: "attachment; filename=\"\(file)\"", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: output))))
    }

    /// The person's claims, oldest first (at most 500).
    static func personClaims(_ nik: String, _ call: Call) async throws -> [ClaimDTO] {
        try await call.store.claims(ClaimQuery(nik: nik), limit: 500, offset: 0).map {
            ClaimDTO($0, today: call.environment.today(), holidays: call.environment.holidays)
        }
    }
}
