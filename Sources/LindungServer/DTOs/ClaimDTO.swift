import LindungClaims
import LindungCore
import LindungStorage

/// A claim as the API shows it (issue 8): the stored claim, whether it waits too long (`overdue`, open
/// claims only) and, on a claim's own routes, its assessment, documents, checklist and history.
struct ClaimDTO: Encodable, Sendable {
    let id: String
    let type: String
    let detail: String
    var nik: String
    let event_date: String
    let submitted_at: String
    let submitted_by: String
    let submitter_role: String
    let status: String
    let round: Int
    let amount: Int64
    let payer: String
    let verified_by: Nullable<String>
    let approved_by: Nullable<String>
    let rejection_reason: Nullable<String>
    let payment_reference: Nullable<String>
    let waiting_working_days: Int
    let overdue: Bool

    init(_ claim: ClaimRecord, today: CalendarDate, holidays: HolidayCalendar?) {
        id = claim.id
        type = claim.type
        detail = claim.detail
        nik = claim.nik
        event_date = claim.eventDate.iso
        submitted_at = claim.submittedAt
        submitted_by = claim.submittedBy
        submitter_role = claim.submitterRole
        status = claim.status
        round = claim.round
        amount = claim.amount
        payer = claim.payer
        verified_by = Nullable(claim.verifiedBy)
        approved_by = Nullable(claim.approvedBy)
        rejection_reason = Nullable(claim.rejectionReason)
        payment_reference = Nullable(claim.paymentReference)
        let open = ClaimQueue.open.map(\.rawValue).contains(claim.status)
        waiting_working_days = open ? ClaimQueue.waitingDays(claim, today: today, holidays: holidays) : 0
        overdue = ClaimQueue.isOverdue(claim, today: today, holidays: holidays)
    }
}

/// One claim with everything its page shows: `claim`, the assessment on today's facts (`eligible`,
/// `refusals`, `notes`), `documents` (without their bytes), the `checklist` of its type and `history`.
struct ClaimDetailDTO: Encodable, Sendable {
    struct Document: Encodable, Sendable {
        let kind: String
        let file_name: String
        let content_type: String
        let size: Int
        let sha256: String
    }

    struct ChecklistItem: Encodable, Sendable {
        let kind: String
        let label: String
        let provided: Bool
    }

    struct Event: Encodable, Sendable {
        let action: String
        let actor: String
        let status_after: String
        let note: Nullable<String>
        let at: String
    }

    var claim: ClaimDTO
    let eligible: Bool
    let refusals: [String]
    let notes: [String]
    let documents: [Document]
    let checklist: [ChecklistItem]
    let missing_documents: [String]
    let history: [Event]
}

extension ClaimDTO: ShowsNIKs {
    mutating func disclose(_ show: (String) -> String) { nik = show(nik) }
}

extension ClaimDetailDTO: ShowsNIKs {
    mutating func disclose(_ show: (String) -> String) { claim.disclose(show) }
}

/// `POST /api/v1/claims`.
struct ClaimInput: Decodable, Sendable {
    let type: String
    let nik: String
    let event_date: String
    let detail: String?
    let claim_date: String?
    let submitter_role: String?
    let contribution_months: Int?
    let jp_account: Int64?
}

/// The bodies of the steps: `pay` takes a reference (or the `Idempotency-Key` header), `reject` a reason.
struct ClaimStepInput: Decodable, Sendable {
    let reference: String?
    let reason: String?
}

/// `GET /api/v1/persons/{nik}/jht`: the balance today and the statement for `from`…`to`, each entry with
/// the running balance after it; `closing` is `opening` plus the entries, as the ledger sums them.
struct JHTStatementDTO: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        let date: String
        let kind: String
        let employer: Nullable<String>
        let reference: String
        let amount: Int64
        let balance: Int64
    }

    var nik: String
    let from: String
    let to: String
    let balance: Int64
    let balance_on: String
    let opening: Int64
    let closing: Int64
    let entries: [Entry]

    init(_ statement: JHTStatement, balance: Int64, on today: CalendarDate) {
        nik = statement.nik
        from = statement.from.iso
        to = statement.to.iso
        self.balance = balance
        balance_on = today.iso
        opening = statement.opening
        closing = statement.closing
        var running = statement.opening
        entries = statement.entries.map { entry in
            running += entry.amount
            return Entry(
                date: entry.date.iso, kind: entry.kind.rawValue, employer: Nullable(entry.employer), reference: entry.reference, amount: entry.amount,
                balance: running)
        }
    }
}

extension JHTStatementDTO: ShowsNIKs {
    mutating func disclose(_ show: (String) -> String) { nik = show(nik) }
}
