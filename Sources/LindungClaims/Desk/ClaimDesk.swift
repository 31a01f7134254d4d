public import Foundation
public import LindungCore
public import LindungStorage

/// What a submission carries, as the CLI's options and the API's body both give it.
public struct ClaimSubmission: Sendable {
    public var type: String
    public var detail: String
    public var nik: String
    public var eventDate: CalendarDate
    public var claimDate: CalendarDate
    /// The user submitting (the audit actor).
    public var submittedBy: String
    /// `ClaimSubmitter`'s raw value: worker, heir, employer or officer.
    public var submitterRole: String
    public var documents: [ClaimDocumentUpload]
    public var contributionMonths: Int?
    public var jpAccount: Rupiah

    public init(
        type: String, detail: String, nik: String, eventDate: CalendarDate, claimDate: CalendarDate, submittedBy: String, submitterRole: String,
        documents: [ClaimDocumentUpload] = [], contributionMonths: Int? = nil, jpAccount: Rupiah = 0
    ) {
        self.type = type
        self.detail = detail
        self.nik = nik
        self.eventDate = eventDate
        self.claimDate = claimDate
        self.submittedBy = submittedBy
        self.submitterRole = submitterRole
        self.documents = documents
        self.contributionMonths = contributionMonths
        self.jpAccount = jpAccount
    }
}

/// A claim after a submission or a step: as stored, the assessment it was judged with, the checklist
/// documents still missing, and whether this call changed anything (a payment repeated under the same
/// reference changes nothing).
public struct ClaimOutcome: Sendable {
    public let claim: ClaimRecord
    public let assessment: ClaimAssessment
    public let missingDocuments: [ClaimDocumentKind]
    public let changed: Bool
}

/// The claim service the CLI (`lindung claim`, `lindung jht statement`) and the server (`/api/v1/claims`,
/// the claim pages) both call: it reads the facts, judges with `ClaimAssessor`, moves `ClaimWorkflow` one
/// step and writes the claim with its `claim_event` row in one store transaction.
public struct ClaimDesk: Sendable {
    public let store: any LindungStore
    public let rules: RuleSet
    public let claimRules: ClaimRules
    public let placement: ClaimDocumentPlacement

    public init(store: any LindungStore, rules: RuleSet, claimRules: ClaimRules = .standard, placement: ClaimDocumentPlacement) {
        self.store = store
        self.rules = rules
        self.claimRules = claimRules
        self.placement = placement
    }

    /// A new claim id: `K` and eight hex digits.
    public static func newID() -> String { "K" + UUID().uuidString.prefix(8).uppercased() }

    public func submit(_ submission: ClaimSubmission, id: String = ClaimDesk.newID()) async throws -> ClaimOutcome {
        guard let type = ClaimType(rawValue: submission.type.lowercased()) else {
            throw DomainError.invalidInput(field: "type", value: submission.type, reason: "expected jkm, jkk, jht, jkp or jp")
        }
        guard ClaimSubmitter(rawValue: submission.submitterRole) != nil else {
            throw DomainError.invalidInput(field: "submitter_role", value: submission.submitterRole, reason: "expected worker, heir, employer or officer")
        }
        let benefit = try ClaimBenefit(type: type, detail: submission.detail)
        let facts = try await ClaimFactsReader(store: store).facts(
            nik: submission.nik, eventDate: submission.eventDate, claimDate: submission.claimDate,
            contributionMonths: submission.contributionMonths, jpAccount: submission.jpAccount)
        let verdict = try ClaimAssessor(rules: rules, claimRules: claimRules).assess(
            benefit, eventDate: submission.eventDate, claimDate: submission.claimDate, facts: facts)
        let documents = try ClaimDocumentFiles.records(submission.documents, claimID: id, placement: placement)
        let record = ClaimRecord(
            id: id, type: type.rawValue, detail: benefit.detail, nik: submission.nik, eventDate: submission.eventDate,
            submittedBy: submission.submittedBy, submitterRole: submission.submitterRole, status: ClaimStatus.submitted.rawValue,
            amount: verdict.amount, payer: verdict.payer.rawValue)
        try await store.submitClaim(record, documents: documents, actor: submission.submittedBy)
        let stored = try await store.claim(id: id) ?? record
        return ClaimOutcome(claim: stored, assessment: verdict, missingDocuments: Self.missing(benefit, documents), changed: true)
    }

    /// The claim judged again on the facts as they are now (each step does this).
    public func assessment(of record: ClaimRecord) async throws -> ClaimAssessment {
        let benefit = try Self.benefit(of: record)
        let submitted = CalendarDate(iso: String(record.submittedAt.prefix(10))) ?? record.eventDate
        let claimDate = max(submitted, record.eventDate)
        let facts = try await ClaimFactsReader(store: store).facts(
            nik: record.nik, eventDate: record.eventDate, claimDate: claimDate, contributionMonths: nil, jpAccount: record.amount)
        return try ClaimAssessor(rules: rules, claimRules: claimRules).assess(benefit, eventDate: record.eventDate, claimDate: claimDate, facts: facts)
    }

    /// The required documents the claim does not have yet.
    public func missingDocuments(of record: ClaimRecord) async throws -> [ClaimDocumentKind] {
        Self.missing(try Self.benefit(of: record), try await store.claimDocuments(id: record.id))
    }

    /// Officer A: the checklist complete and the claim eligible, else refused (with the rules it fails).
    public func verify(id: String, by officer: String) async throws -> ClaimOutcome {
        try await step(id: id, user: officer, action: .verify) { workflow, _, documents, verdict in
            let missing = Self.missing(verdict.benefit, documents)
            do {
                try workflow.verify(by: officer, missingDocuments: missing, eligible: verdict.eligible)
            } catch let error as ClaimWorkflowError where !verdict.eligible && missing.isEmpty {
                throw ClaimWorkflowError(
                    action: .verify, status: error.status,
                    reason: "the claim is not eligible (" + verdict.refusals.map(\.description).joined(separator: "; ") + "); reject it")
            }
        }
    }

    /// Officer B, never the verifier (maker-checker).
    public func approve(id: String, by officer: String) async throws -> ClaimOutcome {
        try await step(id: id, user: officer, action: .approve) { workflow, _, _, _ in try workflow.approve(by: officer) }
    }

    /// Records the payment; a JHT payment debits the ledger. Paying again under the same reference changes
    /// nothing and answers the paid claim (`changed` false).
    public func pay(id: String, by officer: String, reference: String, on date: CalendarDate) async throws -> ClaimOutcome {
        if let record = try await store.claim(id: id), record.status == ClaimStatus.paid.rawValue, record.paymentReference == reference {
            return ClaimOutcome(claim: record, assessment: try await assessment(of: record), missingDocuments: [], changed: false)
        }
        let outcome = try await step(id: id, user: officer, action: .pay, note: reference) { workflow, _, _, _ in
            try workflow.pay(by: officer, reference: reference)
        }
        if outcome.claim.type == ClaimType.jht.rawValue, outcome.claim.amount > 0 {
            // A partial withdrawal says so in its reference (`claim:<id>:partial:10:<ref>`): the ledger is how
            // the next partial claim is refused (PP 60/2015: once), see ClaimFactsReader.
            let tag = outcome.claim.detail.hasPrefix("partial") ? outcome.claim.detail + ":" : ""
            try await store.recordJHTEntries(
                nik: outcome.claim.nik,
                [JHTEntryRecord(date: date, kind: "withdrawal", amount: -outcome.claim.amount, employer: nil, reference: "claim:\(id):\(tag)\(reference)")])
        }
        return outcome
    }

    public func reject(id: String, by officer: String, reason: String) async throws -> ClaimOutcome {
        try await step(id: id, user: officer, action: .reject, note: reason) { workflow, _, _, _ in try workflow.reject(by: officer, reason: reason) }
    }

    /// A rejected claim again, with more documents; the amount is judged again.
    public func resubmit(id: String, by user: String, documents: [ClaimDocumentUpload] = []) async throws -> ClaimOutcome {
        try await step(id: id, user: user, action: .resubmit, documents: documents) { workflow, _, _, _ in try workflow.resubmit(by: user) }
    }

    /// Documents added to a claim still open to them (submitted, or rejected and about to be re-submitted).
    /// Recorded as a `submit` event whose note names them: migration 0009's event actions have no `document`.
    public func attach(id: String, by user: String, documents: [ClaimDocumentUpload]) async throws -> ClaimOutcome {
        guard let record = try await store.claim(id: id) else { throw StoreError.notFound("claim \(id)") }
        let open: [ClaimStatus] = [.submitted, .rejected]
        guard let status = ClaimStatus(rawValue: record.status), open.contains(status) else {
            throw ClaimWorkflowError(action: .submit, status: ClaimStatus(rawValue: record.status) ?? .submitted,
                                     reason: "documents can be added only to a submitted or rejected claim")
        }
        let records = try ClaimDocumentFiles.records(documents, claimID: id, placement: placement)
        let note = "documents added: " + records.map { "\($0.kind) (\($0.fileName))" }.joined(separator: ", ")
        try await store.applyClaimStep(
            record, expectedStatus: record.status, event: ClaimEventRecord(action: ClaimAction.submit.rawValue, actor: user, statusAfter: record.status, note: note),
            documents: records)
        return ClaimOutcome(claim: record, assessment: try await assessment(of: record), missingDocuments: try await missingDocuments(of: record), changed: true)
    }

    /// A person's JHT ledger, every line as stored.
    public func ledger(nik: String) async throws -> JHTLedger {
        let entries = try await store.jhtEntries(nik: nik).map {
            JHTLedgerEntry(
                nik: nik, date: $0.date, kind: JHTEntryKind(rawValue: $0.kind) ?? .contribution, amount: $0.amount, employer: $0.employer,
                reference: $0.reference)
        }
        return JHTLedger(nik: nik, entries: entries)
    }

    /// A person's JHT statement for a date range.
    public func statement(nik: String, from: CalendarDate, to: CalendarDate) async throws -> JHTStatement {
        try await ledger(nik: nik).statement(from: from, to: to)
    }

    private func step(
        id: String, user: String, action: ClaimAction, note: String? = nil, documents: [ClaimDocumentUpload] = [],
        _ body: (inout ClaimWorkflow, ClaimRecord, [ClaimDocumentRecord], ClaimAssessment) throws -> Void
    ) async throws -> ClaimOutcome {
        guard let record = try await store.claim(id: id) else { throw StoreError.notFound("claim \(id)") }
        guard let status = ClaimStatus(rawValue: record.status) else { throw StoreError.invalid("claim \(id) has an unknown status '\(record.status)'") }
        let newDocuments = try ClaimDocumentFiles.records(documents, claimID: id, placement: placement)
        let allDocuments = try await store.claimDocuments(id: id) + newDocuments
        let verdict = try await assessment(of: record)
        var workflow = ClaimWorkflow(
            status: status, verifiedBy: record.verifiedBy, approvedBy: record.approvedBy, rejectionReason: record.rejectionReason,
            paymentReference: record.paymentReference, round: record.round)
        try body(&workflow, record, allDocuments, verdict)
        var updated = record
        updated.status = workflow.status.rawValue
        updated.verifiedBy = workflow.verifiedBy
        updated.approvedBy = workflow.approvedBy
        updated.rejectionReason = workflow.rejectionReason
        updated.paymentReference = workflow.paymentReference
        updated.round = workflow.round
        if action == .resubmit || action == .verify {
            updated.amount = verdict.amount
            updated.payer = verdict.payer.rawValue
        }
        try await store.applyClaimStep(
            updated, expectedStatus: record.status,
            event: ClaimEventRecord(action: action.rawValue, actor: user, statusAfter: updated.status, note: note), documents: newDocuments)
        return ClaimOutcome(claim: updated, assessment: verdict, missingDocuments: Self.missing(verdict.benefit, allDocuments), changed: true)
    }

    public static func benefit(of record: ClaimRecord) throws -> ClaimBenefit {
        guard let type = ClaimType(rawValue: record.type) else { throw StoreError.invalid("claim \(record.id) has an unknown type '\(record.type)'") }
        return try ClaimBenefit(type: type, detail: record.detail)
    }

    static func missing(_ benefit: ClaimBenefit, _ documents: [ClaimDocumentRecord]) -> [ClaimDocumentKind] {
        ClaimDocumentChecklist.missing(for: benefit, provided: documents.compactMap { ClaimDocumentKind(rawValue: $0.kind) })
    }
}
