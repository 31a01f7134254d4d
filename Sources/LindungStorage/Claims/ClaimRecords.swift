public import Foundation
public import LindungCore

/// A claim as stored. Types and statuses are LindungClaims' raw values (`jkm`, `submitted`); the store
/// keeps them as text so it needs no dependency on the claims module.
public struct ClaimRecord: Sendable, Equatable {
    public var id: String
    public var type: String
    /// The type's own facts, e.g. `stmb:14`, `partial:10`, `death` (LindungClaims encodes them).
    public var detail: String
    public var nik: String
    public var eventDate: CalendarDate
    public var submittedBy: String
    public var submitterRole: String
    public var status: String
    public var verifiedBy: String?
    public var approvedBy: String?
    public var amount: Rupiah
    public var payer: String
    public var rejectionReason: String?
    public var paymentReference: String?
    public var round: Int
    public var submittedAt: String

    public init(
        id: String, type: String, detail: String, nik: String, eventDate: CalendarDate, submittedBy: String, submitterRole: String,
        status: String, verifiedBy: String? = nil, approvedBy: String? = nil, amount: Rupiah, payer: String,
        rejectionReason: String? = nil, paymentReference: String? = nil, round: Int = 1, submittedAt: String = ""
    ) {
        self.id = id
        self.type = type
        self.detail = detail
        self.nik = nik
        self.eventDate = eventDate
        self.submittedBy = submittedBy
        self.submitterRole = submitterRole
        self.status = status
        self.verifiedBy = verifiedBy
        self.approvedBy = approvedBy
        self.amount = amount
        self.payer = payer
        self.rejectionReason = rejectionReason
        self.paymentReference = paymentReference
        self.round = round
        self.submittedAt = submittedAt
    }
}

/// One step of a claim's history (`claim_event`).
public struct ClaimEventRecord: Sendable, Equatable {
    public let action: String
    public let actor: String
    public let statusAfter: String
    public let note: String?
    public let at: String

    public init(action: String, actor: String, statusAfter: String, note: String?, at: String = "") {
        self.action = action
        self.actor = actor
        self.statusAfter = statusAfter
        self.note = note
        self.at = at
    }
}

/// A document attached to a claim: checked before it reaches the store (size, magic bytes). SQLite keeps
/// the file on disk beside the database (`path`); PostgreSQL keeps the bytes (`content`, bytea).
public struct ClaimDocumentRecord: Sendable, Equatable {
    public let kind: String
    public let fileName: String
    public let contentType: String
    public let size: Int
    public let sha256: String
    public let path: String?
    public let content: Data?

    public init(kind: String, fileName: String, contentType: String, size: Int, sha256: String, path: String?, content: Data?) {
        self.kind = kind
        self.fileName = fileName
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.path = path
        self.content = content
    }
}

/// A JHT ledger line as stored (LindungClaims' `JHTLedgerEntry` without the NIK).
public struct JHTEntryRecord: Sendable, Equatable {
    public let date: CalendarDate
    public let kind: String
    public let amount: Rupiah
    public let employer: String?
    public let reference: String

    public init(date: CalendarDate, kind: String, amount: Rupiah, employer: String?, reference: String) {
        self.date = date
        self.kind = kind
        self.amount = amount
        self.employer = employer
        self.reference = reference
    }
}
