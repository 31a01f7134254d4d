import Foundation
import Hummingbird
import LindungCore
import LindungStorage

/// `GET /imports` (the upload form), `POST /imports` (the file checked, nothing written: the summary, the
/// row errors and, for a file without errors, the confirm button) and `POST /imports/{id}/confirm` (the
/// kept file checked again and written in one transaction). Rules and scope: `RegistryImport`.
enum ImportPages {
    static func show(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        guard RegistryImport.mayImport(page.account.role) else { return try PageForms.errorPage(APIError(.forbidden, ""), page) }
        return try form(page, kind: nil, employer: nil, message: nil)
    }

    static func form(_ page: PageCall, kind: String?, employer: String?, message: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let ownOnly = [.agencyOperator, .employer].contains(page.account.role)
        let kinds: [ImportKind] = ownOnly ? [.workers] : [.employers, .workers]
        var values: [String: Any] = [
            "kinds": kinds.map { ["value": $0.rawValue, "label": page.language.strings["import_kind_\($0.rawValue)"]!, "selected": $0.rawValue == kind] },
            "employer": employer ?? (ownOnly ? page.account.scope ?? "" : ""),
        ]
        if let message { values["message"] = message }
        return try page.page("imports", title: "imports", values, status: status)
    }

    static func upload(_ request: Request, _ context: ServerRequestContext, _ page: PageCall, _ fields: FormFields) async throws -> Response {
        let kind = try RegistryImport.kind(fields.text("kind"))
        let npp = fields.text("employer").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let employer = try await RegistryImport.authorize(kind: kind, employerNPP: npp, reader: page.reader)
        guard let file = fields.file("file"), file.readableBytes > 0 else {
            return try form(page, kind: kind.rawValue, employer: npp, message: page.language.strings["import_no_file"]!, status: .badRequest)
        }
        let environment = page.call.environment
        let upload = try await environment.uploads.keep(
            file, owner: page.account.logName, kind: kind, employerNPP: employer?.npp, now: environment.now())
        let check: ImportCheck
        do {
            check = try await RegistryImport.check(kind: kind, employer: employer, path: upload.path, call: page.call)
        } catch let error as APIError where error.code == .invalidInput {
            await environment.uploads.discard(id: upload.id)
            return try form(page, kind: kind.rawValue, employer: npp, message: ImportReasonText.text(error.message, in: page.language), status: .badRequest)
        }
        if !check.confirmable { await environment.uploads.discard(id: upload.id) }
        return try preview(check, uploadID: check.confirmable ? upload.id : nil, page)
    }

    static func confirm(_ request: Request, _ context: ServerRequestContext, _ page: PageCall, _ fields: FormFields) async throws -> Response {
        let environment = page.call.environment
        let id = try context.path("id")
        guard let upload = await environment.uploads.upload(id: id, owner: page.account.logName, now: environment.now()) else {
            throw APIError.notFound("no upload \(id)")
        }
        let employer = try await RegistryImport.authorize(kind: upload.kind, employerNPP: upload.employerNPP, reader: page.reader)
        let check = try await RegistryImport.check(kind: upload.kind, employer: employer, path: upload.path, call: page.call)
        // The registry may have changed since the preview: a file that no longer passes is shown again.
        guard check.confirmable else {
            await environment.uploads.discard(id: upload.id)
            return try preview(check, uploadID: nil, page, status: .conflict)
        }
        let summary = try await RegistryImport.apply(check, call: page.call)
        await environment.uploads.discard(id: upload.id)
        let strings = page.language.strings
        var values = summaryValues(check, page)
        values["refused"] = summary.refused
        values["errors"] = errorRows(summary.errors, page.language)
        values["has_errors"] = !summary.errors.isEmpty
        values["counts"] = [
            ("import_created", summary.created), ("import_updated", summary.updated), ("import_unchanged", summary.unchanged),
        ].map { ["label": strings[$0.0]!, "value": $0.1] }
            + (check.kind == .workers
                ? [("import_persons_created", summary.personsCreated), ("import_wages_changed", summary.wagesChanged),
                    ("import_spells_closed", summary.spellsClosed)].map { ["label": strings[$0.0]!, "value": $0.1] } : [])
        return try page.page("import_result", title: "import_result", values, status: summary.refused ? .conflict : .ok)
    }

    static func preview(_ check: ImportCheck, uploadID: String?, _ page: PageCall, status: HTTPResponse.Status = .ok) throws -> Response {
        var values = summaryValues(check, page)
        values["errors"] = errorRows(check.errors, page.language)
        values["has_errors"] = !check.errors.isEmpty
        values["nothing_valid"] = check.errors.isEmpty && check.valid == 0
        if let uploadID { values["confirm_id"] = uploadID }
        return try page.page("import_preview", title: "import_preview", values, status: status)
    }

    static func summaryValues(_ check: ImportCheck, _ page: PageCall) -> [String: Any] {
        var values: [String: Any] = [
            "kind_label": page.language.strings["import_kind_\(check.kind.rawValue)"]!, "rows_read": check.rowsRead, "valid": check.valid,
            "with_errors": check.rowsWithErrors,
        ]
        if let npp = check.employerNPP { values["employer"] = npp }
        return values
    }

    /// The row errors, their reasons in the page's language (`ImportReasonText`).
    static func errorRows(_ errors: [RowError], _ language: PageLanguage) -> [[String: Any]] {
        errors.map { ["row": $0.line, "field": $0.column, "value": $0.value, "reason": ImportReasonText.text($0.reason, in: language)] }
    }
}
