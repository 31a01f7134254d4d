import Foundation
import HTTPTypes
import Hummingbird
import LindungClaims
import LindungCore
import LindungStorage

/// `/api/v1/claims`: submit, read, the work queue, the steps of the maker-checker workflow and document
/// uploads, all through `ClaimDesk` (the CLI's `lindung claim` calls the same). Every step is written with
/// its `claim_event` row (the claim's audit) under `server:<account>`; rules in `ClaimAccess`.
enum ClaimHandlers {
    static func submit(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let reader = try call.scoped()
        try ClaimAccess.requireSubmitter(reader, "submit claims")
        let input = try await JSONBody.decode(ClaimInput.self, from: request)
        _ = try await reader.person(input.nik)
        guard let event = CalendarDate(iso: input.event_date) else { throw APIError.invalid("invalid event_date '\(input.event_date)': expected YYYY-MM-DD") }
        let claimDate = try input.claim_date.map { text in
            guard let date = CalendarDate(iso: text) else { throw APIError.invalid("invalid claim_date '\(text)': expected YYYY-MM-DD") }
            return date
        } ?? call.environment.today()
        if let months = input.contribution_months, months < 0 { throw APIError.invalid("invalid contribution_months '\(months)': must be 0 or more") }
        if let account = input.jp_account, account < 0 { throw APIError.invalid("invalid jp_account '\(account)': must be 0 or more") }
        let outcome = try await ClaimAccess.run {
            try await call.desk.submit(
                ClaimSubmission(
                    type: input.type, detail: input.detail ?? "", nik: input.nik, eventDate: event, claimDate: claimDate, submittedBy: call.actor(reader),
                    submitterRole: try ClaimAccess.submitterRole(input.submitter_role, account: reader.viewer.account),
                    contributionMonths: input.contribution_months, jpAccount: input.jp_account ?? 0))
        }
        return try JSONBody.response(try await call.disclose(try await ClaimView.detail(outcome.claim, call: call)), status: .created)
    }

    static func get(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let claim = try await call.scoped().claim(try context.path("id"))
        return try JSONBody.response(try await call.disclose(try await ClaimView.detail(claim, call: call)))
    }

    /// `?status=` one status, `?queue=true` the open ones (submitted, verified, approved), `?overdue=true`
    /// only open claims waiting too long; oldest first, a page at a time, the scope in the store's query.
    static func list(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let reader = try call.scoped()
        let pagination = try Pagination(request)
        let (items, more) = try await page(
            reader: reader, call: call, status: try status(request.query("status")), queue: try flag(request, "queue"),
            overdueOnly: try flag(request, "overdue"), limit: pagination.limit, offset: pagination.offset)
        let shown = Page(items: items, nextOffset: Nullable(more ? pagination.offset + items.count : nil))
        return try JSONBody.response(try await call.disclose(shown))
    }

    /// One page of claims in the caller's scope, and whether there are more.
    static func page(
        reader: ScopedReader, call: Call, status: ClaimStatus?, queue: Bool, overdueOnly: Bool, limit: Int, offset: Int
    ) async throws -> (items: [ClaimDTO], more: Bool) {
        let environment = call.environment
        let today = environment.today()
        var statuses = status.map { [$0] } ?? []
        if queue || overdueOnly { statuses = statuses.isEmpty ? ClaimQueue.open : statuses.filter(ClaimQueue.open.contains) }
        if (queue || overdueOnly) && statuses.isEmpty { return ([], false) }
        var query = scopeQuery(reader.viewer)
        query.statuses = statuses.map(\.rawValue)
        if overdueOnly {
            guard let cutoff = ClaimQueue.overdueCutoff(today: today, holidays: environment.holidays) else { return ([], false) }
            query.submittedBefore = cutoff.iso
        }
        let claims = try await call.store.claims(query, limit: limit + 1, offset: offset)
        let items = claims.prefix(limit).map { ClaimDTO($0, today: today, holidays: environment.holidays) }
        return (Array(items), claims.count > limit)
    }

    /// The viewer's scope as the store's claim query: what `ScopedReader.sees(_:)` sees of a person.
    static func scopeQuery(_ viewer: Viewer) -> ClaimQuery {
        let scope = viewer.account.scope
        switch viewer.account.role {
        case .administrator, .auditor, .systemClient: return ClaimQuery()
        case .regionalOfficer: return ClaimQuery(regionPrefix: scope ?? "")
        case .branchOfficer: return ClaimQuery(branchCode: scope ?? "")
        case .employer, .agencyOperator: return ClaimQuery(employerNPP: scope ?? "")
        }
    }

    static func status(_ text: String?) throws -> ClaimStatus? {
        guard let text, text != "all" else { return nil }
        guard let status = ClaimStatus(rawValue: text) else {
            throw APIError.invalid("invalid status '\(text)': expected submitted, verified, approved, paid, rejected or all")
        }
        return status
    }

    static func flag(_ request: Request, _ name: String) throws -> Bool {
        switch request.query(name) {
        case nil, "false": false
        case "true": true
        case let other?: throw APIError.invalid("invalid \(name) '\(other)': true or false")
        }
    }

    static func verify(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        try await step(context, call) { desk, id, actor in try await desk.verify(id: id, by: actor) }
    }

    static func approve(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        try await step(context, call) { desk, id, actor in try await desk.approve(id: id, by: actor) }
    }

    /// The payment reference from the body or the `Idempotency-Key` header (as bill payments); the same
    /// reference again answers 200 with the paid claim, a first payment 200 too (the claim exists already).
    static func pay(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let input = try await optionalBody(request)
        let key = request.headers[PaymentHandlers.idempotencyKey]
        if key?.isEmpty == true { throw APIError.invalid("the Idempotency-Key header is empty") }
        guard let reference = (input.reference ?? key).map({ $0.trimmingCharacters(in: .whitespaces) }).flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw APIError.invalid("give a payment reference in the body or an Idempotency-Key header")
        }
        let today = call.environment.today()
        return try await step(context, call) { desk, id, actor in try await desk.pay(id: id, by: actor, reference: reference, on: today) }
    }

    static func reject(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let input = try await optionalBody(request)
        guard let reason = input.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
            throw APIError.invalid("the field 'reason' is required: the claimant is told why")
        }
        return try await step(context, call) { desk, id, actor in try await desk.reject(id: id, by: actor, reason: reason) }
    }

    static func resubmit(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        try ClaimAccess.requireSubmitter(try call.scoped(), "re-submit claims")
        return try await step(context, call) { desk, id, actor in try await desk.resubmit(id: id, by: actor) }
    }

    /// One document (`kind`, `file`) as multipart/form-data; 201 with the claim and its checklist.
    static func upload(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let reader = try call.scoped()
        try ClaimAccess.requireSubmitter(reader, "add claim documents")
        let claim = try await reader.claim(try context.path("id"))
        let upload = try await ClaimDocumentForm.upload(request)
        let outcome = try await ClaimAccess.run { try await call.desk.attach(id: claim.id, by: call.actor(reader), documents: [upload]) }
        return try JSONBody.response(try await call.disclose(try await ClaimView.detail(outcome.claim, call: call)), status: .created)
    }

    /// Checks the scope, runs the step as the caller, answers the claim as it is now.
    static func step(
        _ context: ServerRequestContext, _ call: Call, _ body: (ClaimDesk, String, String) async throws -> ClaimOutcome
    ) async throws -> Response {
        let reader = try call.scoped()
        let claim = try await reader.claim(try context.path("id"))
        let outcome = try await ClaimAccess.run { try await body(call.desk, claim.id, call.actor(reader)) }
        let current = try await call.store.claim(id: claim.id) ?? outcome.claim
        return try JSONBody.response(try await call.disclose(try await ClaimView.detail(current, call: call)))
    }

    /// A step's body may be empty (verify, approve, resubmit; pay with only the header).
    static func optionalBody(_ request: Request) async throws -> ClaimStepInput {
        let buffer = try await request.body.collect(upTo: 1 << 16)
        guard buffer.readableBytes > 0 else { return ClaimStepInput(reference: nil, reason: nil) }
        do {
            return try JSONDecoder().decode(ClaimStepInput.self, from: Data(buffer.readableBytesView))
        } catch {
            throw APIError.invalid("the body is not the expected JSON object")
        }
    }
}
