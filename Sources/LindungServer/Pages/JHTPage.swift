import Foundation
import HTTPTypes
import Hummingbird
import LindungClaims
import LindungCore
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
        let values: [String: Any] = [
            "person": ["name": detail.person.record.name, "nik": shown.nik, "nik_link": !shown.nik.contains("•"), "path_nik": nik],
            "balance": page.money(statement.balance), "balance_on": PageFormat.date(CalendarDate(iso: statement.balance_on), page.language),
            "from": statement.from, "to": statement.to, "opening": page.money(statement.opening), "closing": page.money(statement.closing),
            "entries": statement.entries.map {
                [
                    "date": PageFormat.date(CalendarDate(iso: $0.date), page.language), "kind": strings["jht_kind_\($0.kind)"] ?? $0.kind,
                    "employer": $0.employer.value ?? "–", "reference": $0.reference, "amount": page.money($0.amount), "balance": page.money($0.balance),
                ] as [String: Any]
            },
            "has_entries": !statement.entries.isEmpty, "csv_link": "/persons/\(nik)/jht/export?\(range)",
            "claims": claims.map {
                [
                    "id": $0.id, "type": $0.type.uppercased(), "status": strings["claim_status_\($0.status)"] ?? $0.status, "amount": page.money($0.amount),
                    "event_date": PageFormat.date(CalendarDate(iso: $0.event_date), page.language),
                ] as [String: Any]
            },
            "has_claims": !claims.isEmpty,
        ]
        return try page.page("jht", title: "jht_title", values)
    }

    /// The statement as CSV, an attachment named after the masked or full NIK the caller may see.
    static func csv(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let detail = try await page.reader.person(try context.path("nik"))
        let nik = detail.person.record.nik
        let today = page.call.environment.today()
        let to = try request.date("to") ?? today
        let from = try request.date("from") ?? CalendarDate(year: to.year, month: 1, day: 1)!
        guard from <= to else { throw APIError.invalid("invalid from '\(from.iso)': after to '\(to.iso)'") }
        var statement = try await page.call.desk.statement(nik: nik, from: from, to: to)
        let shown = try await page.call.disclose(JHTStatementDTO(statement, balance: 0, on: today)).nik
        if shown != nik { statement = JHTStatement(nik: shown, from: statement.from, to: statement.to, opening: statement.opening, entries: statement.entries) }
        let name = "jht-\(shown.replacingOccurrences(of: "•", with: "x"))-\(from.iso)-\(to.iso).csv"
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(string: statement.csv)))
    }

    /// The person's claims, oldest first (read from the claim list: the store has no query by person yet).
    static func personClaims(_ nik: String, _ call: Call) async throws -> [ClaimDTO] {
        try await call.store.claims(status: nil, limit: ClaimHandlers.listWindow).filter { $0.nik == nik }.map {
            ClaimDTO($0, today: call.environment.today(), holidays: call.environment.holidays)
        }
    }
}
