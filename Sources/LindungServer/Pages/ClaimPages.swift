import Foundation
import Hummingbird
import LindungClaims
import LindungCore
import LindungStorage

/// `GET /claims` (the work queue: open claims in scope, oldest first, overdue flagged; `?status=` for the
/// others) and `GET /claims/{id}` (the claim, its assessment, documents checklist and history, and the forms
/// the caller's role may use). Reads as the API does (`ClaimHandlers.page`, `ClaimView.detail`).
enum ClaimPages {
    /// The overdue count is exact up to this many.
    static let overdueCountLimit = 1_000

    static func queue(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let statusText = request.uri.queryParameters["status"].map(String.init) ?? "open"
        let status = statusText == "open" ? nil : try ClaimHandlers.status(statusText)
        // 50 rows a page with previous/next links (`PagePager`), as every page list; read a page at a time.
        let pager = try PagePager(request)
        let (claims, more) = try await ClaimHandlers.page(
            reader: page.reader, call: page.call, status: status, queue: statusText == "open", overdueOnly: false, limit: PagePager.size,
            offset: pager.offset)
        let overdue = try await ClaimHandlers.page(
            reader: page.reader, call: page.call, status: status, queue: statusText == "open", overdueOnly: true, limit: overdueCountLimit, offset: 0)
        let shown = try await page.call.disclose(claims)
        let strings = page.language.strings
        let rows: [[String: Any]] = shown.map { claim in
            [
                "id": claim.id, "submitted": PageFormat.date(CalendarDate(iso: String(claim.submitted_at.prefix(10))), page.language),
                "type": claim.type.uppercased(), "detail": claim.detail, "nik": claim.nik, "status": strings["claim_status_\(claim.status)"] ?? claim.status,
                "amount": page.money(claim.amount), "waiting": claim.waiting_working_days, "overdue": claim.overdue,
            ]
        }
        let filters = ["open", "submitted", "verified", "approved", "paid", "rejected", "all"].map { value -> [String: Any] in
            ["value": value, "label": strings["claim_filter_\(value)"]!, "selected": value == statusText]
        }
        var values: [String: Any] = [
            "claims": rows, "has_claims": !rows.isEmpty, "filters": filters, "overdue_count": overdue.more ? "\(overdueCountLimit)+" : "\(overdue.items.count)",
            "today": PageFormat.date(page.call.environment.today(), page.language),
        ]
        values["pager"] = pager.values(more: more)
        return try page.page("claims", title: "claims", values)
    }

    static func detail(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let claim = try await page.reader.claim(try context.path("id"))
        let view = try await page.call.disclose(try await ClaimView.detail(claim, call: page.call))
        return try page.page("claim", title: "claim", values(view, claim: claim, page))
    }

    static func values(_ view: ClaimDetailDTO, claim: ClaimRecord, _ page: PageCall) -> [String: Any] {
        let strings = page.language.strings
        let dto = view.claim
        let role = page.account.role
        let actor = page.call.actor(page.reader)
        let status = ClaimStatus(rawValue: claim.status)
        let decides = ClaimAccess.mayDecide(role)
        let submits = ClaimAccess.maySubmit(role)
        let nikShown = !dto.nik.contains("•")
        return [
            "claim": [
                "id": dto.id, "type": dto.type.uppercased(), "detail": dto.detail, "nik": dto.nik, "nik_link": nikShown,
                "event_date": PageFormat.date(claim.eventDate, page.language), "submitted_at": dto.submitted_at, "submitted_by": dto.submitted_by,
                "submitter_role": strings["claim_submitter_\(dto.submitter_role)"] ?? dto.submitter_role,
                "status": strings["claim_status_\(dto.status)"] ?? dto.status, "round": dto.round, "amount": page.money(dto.amount),
                "payer": dto.payer == "employer" ? strings["claim_payer_employer"]! : "BPJS Ketenagakerjaan",
                "verified_by": claim.verifiedBy ?? "–", "approved_by": claim.approvedBy ?? "–", "rejection_reason": claim.rejectionReason ?? "",
                "rejected": claim.rejectionReason != nil, "payment_reference": claim.paymentReference ?? "–", "overdue": dto.overdue,
                "waiting": dto.waiting_working_days,
            ] as [String: Any],
            "eligible": view.eligible, "refusals": view.refusals, "has_refusals": !view.refusals.isEmpty, "notes": view.notes,
            "checklist": view.checklist.map { ["label": $0.label, "provided": $0.provided, "kind": $0.kind] as [String: Any] },
            "documents": view.documents.map {
                ["kind": $0.kind, "file_name": $0.file_name, "content_type": $0.content_type, "size": $0.size, "sha": String($0.sha256.prefix(12))]
                    as [String: Any]
            },
            "has_documents": !view.documents.isEmpty,
            "history": view.history.map {
                [
                    "action": strings["claim_action_\($0.action)"] ?? $0.action, "actor": $0.actor, "at": $0.at,
                    "status": strings["claim_status_\($0.status_after)"] ?? $0.status_after, "note": $0.note.value ?? "",
                ] as [String: Any]
            },
            "can_verify": decides && status == .submitted,
            "can_approve": decides && status == .verified && claim.verifiedBy != actor,
            "verifier_is_me": decides && status == .verified && claim.verifiedBy == actor,
            "can_pay": decides && status == .approved,
            "can_reject": decides && [.submitted, .verified, .approved].contains(status),
            "can_upload": submits && [.submitted, .rejected].contains(status),
            "can_resubmit": submits && status == .rejected,
            "document_kinds": view.checklist.map { ["kind": $0.kind, "label": $0.label] },
            "pay_key": UUID().uuidString,
        ]
    }
}

/// The claim page's forms (each with the session's `csrf_token`): verify, approve, pay (`reference`),
/// reject (`reason`), resubmit, and a document (`kind`, `file`, multipart). Each runs the API's desk
/// call as the logged-in user, then a 303 back to the claim page; a refusal is the error page with its
/// status (403 by role, 404 out of scope, 409 out of order or maker-checker, 400 a bad file).
enum ClaimForms {
    static func verify(_ request: Request, _ context: ServerRequestContext, _ page: PageCall, _ fields: FormFields) async throws -> Response {
        try await decide(context, page) { desk, id, actor in try await desk.verify(id: id, by: actor) }
    }

    static func approve(_ request: Request, _ context: ServerRequestContext, _ page: PageCall, _ fields: FormFields) async throws -> Response {
        try await decide(context, page) { desk, id, actor in try await desk.approve(id: id, by: actor) }
    }

    static func pay(_ request: Request, _ context: ServerRequestContext, _ page: PageCall, _ fields: FormFields) async throws -> Response {
        let typed = (fields.text("reference") ?? "").trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { throw APIError.invalid(page.language.strings["payment_no_reference"]!) }
        let today = page.call.environment.today()
        return try await decide(context, page) { desk, id, actor in try await desk.pay(id: id, by: actor, reference: typed, on: today) }
    }

    static func reject(_ request: Request, _ context: ServerRequestContext, _ page: PageCall, _ fields: FormFields) async throws -> Response {
        let reason = (fields.text("reason") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw APIError.invalid(page.language.strings["claim_reason_required"]!) }
        return try await decide(context, page) { desk, id, actor in try await desk.reject(id: id, by: actor, reason: reason) }
    }

    static func resubmit(_ request: Request, _ context: ServerRequestContext, _ page: PageCall, _ fields: FormFields) async throws -> Response {
        try ClaimAccess.requireSubmitter(page.reader, "re-submit claims")
        return try await run(context, page) { desk, id, actor in try await desk.resubmit(id: id, by: actor) }
    }

    static func upload(_ request: Request, _ context: ServerRequestContext, _ page: PageCall, _ fields: FormFields) async throws -> Response {
        try ClaimAccess.requireSubmitter(page.reader, "add claim documents")
        let upload = try ClaimDocumentForm.upload(fields)
        return try await run(context, page) { desk, id, actor in try await desk.attach(id: id, by: actor, documents: [upload]) }
    }

    static func decide(
        _ context: ServerRequestContext, _ page: PageCall, _ body: (ClaimDesk, String, String) async throws -> ClaimOutcome
    ) async throws -> Response {
        guard ClaimAccess.mayDecide(page.account.role) else { throw APIError(.forbidden, "a \(page.account.role.rawValue) may not decide claims") }
        return try await run(context, page, body)
    }

    static func run(
        _ context: ServerRequestContext, _ page: PageCall, _ body: (ClaimDesk, String, String) async throws -> ClaimOutcome
    ) async throws -> Response {
        let claim = try await page.reader.claim(try context.path("id"))
        _ = try await ClaimAccess.run { try await body(page.call.desk, claim.id, page.call.actor(page.reader)) }
        return Response(status: .seeOther, headers: [.location: "/claims/\(claim.id)"])
    }
}
