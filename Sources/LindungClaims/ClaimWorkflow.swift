import Foundation

/// Where a claim stands (issue 8): submitted → verified → approved → paid, or rejected with a reason
/// (from any step before payment). A rejected claim can be submitted again, which starts a new round.
public enum ClaimStatus: String, Sendable, CaseIterable, Codable {
    case submitted, verified, approved, paid, rejected
}

/// Who submits: the worker, an heir (death claims), the employer, or a branch officer on their behalf.
public enum ClaimSubmitter: String, Sendable, CaseIterable, Codable {
    case worker, heir, employer, officer
}

/// One step in a claim's history; the store writes each to `claim_event` (the audit of every step).
public enum ClaimAction: String, Sendable, CaseIterable, Codable {
    case submit, verify, approve, pay, reject, resubmit
}

/// Why a step is refused: the action, the status the claim is in, and the reason.
public struct ClaimWorkflowError: Error, Equatable, Sendable, CustomStringConvertible {
    public let action: ClaimAction
    public let status: ClaimStatus
    public let reason: String

    public var description: String { "cannot \(action.rawValue) a \(status.rawValue) claim: \(reason)" }
}

/// The maker-checker state machine. Pure: the store loads it, applies one step, and saves the new
/// state and the step in one transaction.
public struct ClaimWorkflow: Sendable, Equatable, Codable {
    public private(set) var status: ClaimStatus
    public private(set) var verifiedBy: String?
    public private(set) var approvedBy: String?
    public private(set) var rejectionReason: String?
    public private(set) var paymentReference: String?
    /// 1 for the first submission, +1 for each re-submission after a rejection.
    public private(set) var round: Int

    public init(status: ClaimStatus = .submitted, verifiedBy: String? = nil, approvedBy: String? = nil,
                rejectionReason: String? = nil, paymentReference: String? = nil, round: Int = 1) {
        self.status = status
        self.verifiedBy = verifiedBy
        self.approvedBy = approvedBy
        self.rejectionReason = rejectionReason
        self.paymentReference = paymentReference
        self.round = round
    }

    /// An officer checks the documents and the assessment. Missing documents or an ineligible assessment
    /// are refused here: such a claim is rejected with its reason instead.
    public mutating func verify(by officer: String, missingDocuments: [ClaimDocumentKind], eligible: Bool) throws(ClaimWorkflowError) {
        try require(.verify, from: [.submitted], by: officer)
        guard missingDocuments.isEmpty else {
            throw ClaimWorkflowError(
                action: .verify, status: status, reason: "documents missing: \(missingDocuments.map(\.rawValue).joined(separator: ", "))")
        }
        guard eligible else { throw ClaimWorkflowError(action: .verify, status: status, reason: "the claim is not eligible; reject it") }
        status = .verified
        verifiedBy = officer
    }

    /// A second officer approves: never the one who verified (maker-checker).
    public mutating func approve(by officer: String) throws(ClaimWorkflowError) {
        try require(.approve, from: [.verified], by: officer)
        guard officer != verifiedBy else {
            throw ClaimWorkflowError(action: .approve, status: status, reason: "\(officer) verified this claim; another officer must approve it")
        }
        status = .approved
        approvedBy = officer
    }

    /// Records the payment of an approved claim under its payment reference.
    public mutating func pay(by officer: String, reference: String) throws(ClaimWorkflowError) {
        try require(.pay, from: [.approved], by: officer)
        guard !reference.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ClaimWorkflowError(action: .pay, status: status, reason: "a payment reference is required")
        }
        status = .paid
        paymentReference = reference
    }

    /// Rejects a claim not yet paid, with a reason the claimant is told.
    public mutating func reject(by officer: String, reason: String) throws(ClaimWorkflowError) {
        try require(.reject, from: [.submitted, .verified, .approved], by: officer)
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ClaimWorkflowError(action: .reject, status: status, reason: "a reason is required")
        }
        status = .rejected
        rejectionReason = reason
    }

    /// Submits a rejected claim again (with the missing documents or facts); the checks start over.
    public mutating func resubmit(by user: String) throws(ClaimWorkflowError) {
        try require(.resubmit, from: [.rejected], by: user)
        status = .submitted
        verifiedBy = nil
        approvedBy = nil
        rejectionReason = nil
        round += 1
    }

    private func require(_ action: ClaimAction, from allowed: [ClaimStatus], by user: String) throws(ClaimWorkflowError) {
        guard !user.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ClaimWorkflowError(action: action, status: status, reason: "the user is required")
        }
        guard allowed.contains(status) else {
            throw ClaimWorkflowError(
                action: action, status: status, reason: "only a \(allowed.map(\.rawValue).joined(separator: " or ")) claim can be")
        }
    }
}
