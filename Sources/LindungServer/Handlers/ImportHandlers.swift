import Foundation
import Hummingbird
import LindungStorage

/// `POST /api/v1/imports?kind=employers|workers&employer=NPP&dry_run=true|false` with the file itself as
/// the body (CSV or XLSX, told apart by content). 200 with the summary when the file has no row error (and
/// unless a dry run, it is written); 422 with the same summary and its `errors` when any row has one
/// (nothing written, all or nothing); 400 `invalid_input` when the file cannot be read at all.
enum ImportHandlers {
    static func post(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let reader = try call.scoped()
        let kind = try RegistryImport.kind(request.query("kind"))
        let dryRun: Bool
        switch request.query("dry_run") {
        case nil, "false": dryRun = false
        case "true": dryRun = true
        case let other?: throw APIError.invalid("invalid dry_run '\(other)': true or false")
        }
        let employer = try await RegistryImport.authorize(kind: kind, employerNPP: request.query("employer"), reader: reader)
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: RegistryImport.maxBytes)
        } catch {
            throw APIError.invalid("the file is larger than \(RegistryImport.maxBytes >> 20) MB")
        }
        guard body.readableBytes > 0 else { throw APIError.invalid("the body is empty: send the CSV or XLSX file itself") }
        let path = try await call.environment.uploads.scratch(body)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try await RegistryImport.check(kind: kind, employer: employer, path: path, call: call)
        // Row reasons in English (the CLI's), or in Bahasa Indonesia with `Accept-Language: id`.
        let language = PageLanguage.accepted(request.headers[.acceptLanguage])
        guard check.errors.isEmpty else { return try JSONBody.response(ImportDTO(check, dryRun: dryRun, summary: nil, language: language), status: .unprocessableContent) }
        guard !dryRun, check.valid > 0 else { return try JSONBody.response(ImportDTO(check, dryRun: dryRun, summary: nil, language: language)) }
        let summary = try await RegistryImport.apply(check, call: call)
        return try JSONBody.response(ImportDTO(check, dryRun: false, summary: summary, language: language), status: summary.refused ? .unprocessableContent : .ok)
    }
}
