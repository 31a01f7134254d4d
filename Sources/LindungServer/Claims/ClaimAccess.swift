import Foundation
import Hummingbird
import LindungClaims
import LindungCore
import LindungStorage

/// Who may do what with claims, over the API and the pages alike (docs/server.md, "Claims"):
/// - read a claim, its documents and a JHT statement: every role that sees the person (404 otherwise);
/// - submit, add documents, re-submit: administrators, branch officers, employers and agency operators (for
///   their own workers), system clients granted the route; regional officers and auditors 403;
/// - verify, approve, pay, reject: administrators, branch officers (claims of persons they see) and
///   granted system clients (the routes' `write` access); approve never by the verifier (409 `maker_checker`).
enum ClaimAccess {
    static let submitters: Set<Account.Role> = [.administrator, .branchOfficer, .employer, .agencyOperator, .systemClient]

    static func maySubmit(_ role: Account.Role) -> Bool { submitters.contains(role) }

    static func mayDecide(_ role: Account.Role) -> Bool { [.administrator, .branchOfficer, .systemClient].contains(role) }

    static func requireSubmitter(_ reader: ScopedReader, _ operation: String) throws {
        guard maySubmit(reader.viewer.account.role) else {
            throw APIError(.forbidden, "a \(reader.viewer.account.role.rawValue) may not \(operation)")
        }
    }

    /// The submitter role a claim records: employers and agency operators submit as `employer`; officers
    /// (and administrators, system clients) as `officer` unless they enter it for a `worker` or an `heir`.
    static func submitterRole(_ asked: String?, account: Account) throws -> String {
        let own = [.employer, .agencyOperator].contains(account.role) ? ClaimSubmitter.employer : .officer
        guard let asked, !asked.isEmpty else { return own.rawValue }
        guard let role = ClaimSubmitter(rawValue: asked) else {
            throw APIError.invalid("invalid submitter_role '\(asked)': expected worker, heir, employer or officer")
        }
        let allowed: [ClaimSubmitter] = own == .employer ? [.employer] : [.officer, .worker, .heir]
        guard allowed.contains(role) else {
            throw APIError.invalid("invalid submitter_role '\(asked)': a \(account.role.rawValue) submits as \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        return role.rawValue
    }

    /// Workflow refusals as the API shows them: the verifier approving is `maker_checker` (409); any other
    /// step out of order or refused (documents missing, not eligible, already paid) is `conflict` (409).
    static func map(_ error: ClaimWorkflowError) -> APIError {
        if error.action == .approve, error.status == .verified { return APIError(.makerChecker, error.description) }
        return APIError(.conflict, error.description)
    }

    /// Runs a desk call, turning its workflow refusals into API errors.
    static func run(_ body: () async throws -> ClaimOutcome) async throws -> ClaimOutcome {
        do {
            return try await body()
        } catch let error as ClaimWorkflowError {
            throw map(error)
        }
    }
}

extension Call {
    /// The claim service over this server's store, rules and document placement.
    var desk: ClaimDesk { ClaimDesk(store: store, rules: environment.rules, placement: environment.claimDocuments) }
}

extension ScopedReader {
    /// A claim the caller sees (through its person); missing and out of scope alike are 404.
    func claim(_ id: String) async throws -> ClaimRecord {
        guard let claim = try await store.claim(id: id), try await seesPerson(claim.nik) else { throw APIError.notFound("no claim \(id)") }
        return claim
    }

    func seesPerson(_ nik: String) async throws -> Bool {
        if viewer.seesEverything { return true }
        guard let detail = try await store.person(nik: nik) else { return false }
        return try await sees(detail)
    }
}

/// A claim's full view: the stored claim, its assessment on today's facts, documents, checklist, history.
enum ClaimView {
    static func detail(_ claim: ClaimRecord, call: Call) async throws -> ClaimDetailDTO {
        let desk = call.desk
        let benefit = try ClaimDesk.benefit(of: claim)
        let documents = try await call.store.claimDocuments(id: claim.id)
        let provided = Set(documents.map(\.kind))
        // A claim whose facts can no longer be read (the rules' tables end) is shown without a verdict.
        let assessment = try? await desk.assessment(of: claim)
        let required = ClaimDocumentChecklist.required(for: benefit)
        return ClaimDetailDTO(
            claim: ClaimDTO(claim, today: call.environment.today(), holidays: call.environment.holidays),
            eligible: assessment?.eligible ?? false, refusals: assessment?.refusals.map(\.description) ?? [],
            notes: assessment?.notes ?? [],
            documents: documents.map {
                .init(kind: $0.kind, file_name: $0.fileName, content_type: $0.contentType, size: $0.size, sha256: $0.sha256)
            },
            checklist: required.map { .init(kind: $0.rawValue, label: $0.label, provided: provided.contains($0.rawValue)) },
            missing_documents: required.filter { !provided.contains($0.rawValue) }.map(\.rawValue),
            history: try await call.store.claimEvents(id: claim.id).map {
                .init(action: $0.action, actor: $0.actor, status_after: $0.statusAfter, note: Nullable($0.note), at: $0.at)
            })
    }
}

/// A document posted as `multipart/form-data` (`kind` and `file`), at most `ClaimDocumentCheck.maxBytes`;
/// its type is checked by the desk from its first bytes.
enum ClaimDocumentForm {
    static func upload(_ request: Request) async throws -> ClaimDocumentUpload {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("multipart/form-data") else {
            throw APIError.invalid("send the document as multipart/form-data with the fields 'kind' and 'file'")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: ClaimDocumentCheck.maxBytes + (64 << 10))
        } catch {
            throw APIError.invalid("invalid file: larger than the limit of \(ClaimDocumentCheck.maxBytes) bytes (5 MiB)")
        }
        let fields = try FormFields(multipart: body, contentType: contentType)
        return try upload(fields)
    }

    static func upload(_ fields: FormFields) throws -> ClaimDocumentUpload {
        guard let kind = fields.text("kind"), !kind.isEmpty else { throw APIError.invalid("the form field 'kind' is required") }
        guard let file = fields.file("file"), file.readableBytes > 0 else { throw APIError.invalid("the form field 'file' is required and must not be empty") }
        return ClaimDocumentUpload(kind: kind, fileName: fields.fileName("file") ?? kind, data: Data(file.readableBytesView))
    }
}
