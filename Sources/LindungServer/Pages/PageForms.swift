import Foundation
import HTTPTypes
import Hummingbird
import LindungStorage
import MultipartKit

/// The pages' form posts (imports, payments): the session's cookie and its CSRF token (the form's hidden
/// `csrf_token` field) are both required; without the token the post is refused with the 403 page.
/// Bodies are `application/x-www-form-urlencoded`, or `multipart/form-data` for a file (parsed by
/// MultipartKit). A refusal (403, 404, 400, 409) is the error page with that status.
enum PageForms {
    typealias Handler = @Sendable (Request, ServerRequestContext, PageCall, FormFields) async throws -> Response

    static let all: [(path: String, name: String, handler: Handler)] = [
        ("/imports", "page:uploadImport", ImportPages.upload),
        ("/imports/{id}/confirm", "page:confirmImport", ImportPages.confirm),
        ("/bills/{id}/payments", "page:postPayment", PaymentPages.post),
        ("/compliance/advance", "page:advanceCompliance", CompliancePages.advance),
        ("/claims/{id}/verify", "page:verifyClaim", ClaimForms.verify),
        ("/claims/{id}/approve", "page:approveClaim", ClaimForms.approve),
        ("/claims/{id}/pay", "page:payClaim", ClaimForms.pay),
        ("/claims/{id}/reject", "page:rejectClaim", ClaimForms.reject),
        ("/claims/{id}/resubmit", "page:resubmitClaim", ClaimForms.resubmit),
        ("/claims/{id}/documents", "page:uploadClaimDocument", ClaimForms.upload),
    ]

    static func register(on router: Router<ServerRequestContext>, environment: ServerEnvironment) {
        for form in all {
            let handler = form.handler
            let name = form.name
            router.on(RouterPath(form.path), method: .post) { request, context in
                let language = PageCall.language(request)
                guard let session = try await Authentication.session(request, environment) else {
                    return Response(status: .seeOther, headers: [.location: "/login"])
                }
                let call = PageCall(
                    switchLink: "?lang=\(language.other.rawValue)",
                    call: Call(
                        environment: environment, reader: ScopedReader(Viewer(account: session.account), environment.store), operationID: name),
                    session: session, language: language)
                do {
                    let fields = try await FormFields(request)
                    try Authentication.checkCSRF(request, session, formToken: fields.text("csrf_token"))
                    return try await handler(request, context, call, fields)
                } catch let error as APIError where error.code != .internal {
                    return try errorPage(error, call)
                }
            }
        }
    }

    /// The error page for a refusal, with its status.
    static func errorPage(_ error: APIError, _ page: PageCall) throws -> Response {
        let strings = page.language.strings
        switch error.code {
        case .notFound: return try page.page("error", title: "not_found_title", ["message": strings["not_found"]!], status: .notFound)
        case .forbidden: return try page.page("error", title: "forbidden_title", ["message": strings["forbidden"]!], status: .forbidden)
        default: return try page.page("error", title: "error_title", ["message": error.message], status: error.status)
        }
    }
}

/// A posted form's text fields and files.
struct FormFields: Sendable {
    let texts: [String: String]
    let files: [String: ByteBuffer]
    /// The `filename` each file part came with.
    let fileNames: [String: String]

    func text(_ name: String) -> String? { texts[name] }
    func file(_ name: String) -> ByteBuffer? { files[name] }
    func fileName(_ name: String) -> String? { fileNames[name] }

    init(texts: [String: String] = [:], files: [String: ByteBuffer] = [:], fileNames: [String: String] = [:]) {
        self.texts = texts
        self.files = files
        self.fileNames = fileNames
    }

    init(_ request: Request) async throws {
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: RegistryImport.maxBytes + (64 << 10))
            } catch {
                throw APIError.invalid("the file is larger than \(RegistryImport.maxBytes >> 20) MB")
            }
            try self.init(multipart: body, contentType: contentType)
        } else {
            let body = try await request.body.collect(upTo: 64 << 10)
            var components = URLComponents()
            components.percentEncodedQuery = String(buffer: body).replacingOccurrences(of: "+", with: "%20")
            var texts: [String: String] = [:]
            for item in components.queryItems ?? [] where texts[item.name] == nil { texts[item.name] = item.value ?? "" }
            self.init(texts: texts)
        }
    }

    /// Parts by their `Content-Disposition` name: those with a `filename` are files, the others text.
    init(multipart body: ByteBuffer, contentType: String) throws {
        guard let boundary = Self.parameter("boundary", in: contentType) else { throw APIError.invalid("the multipart form has no boundary") }
        let parser = MultipartParser(boundary: boundary)
        var name: String?
        var fileName: String?
        var part = ByteBuffer()
        var texts: [String: String] = [:]
        var files: [String: ByteBuffer] = [:]
        var fileNames: [String: String] = [:]
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition" else { return }
            name = Self.parameter("name", in: value)
            fileName = Self.parameter("filename", in: value)
        }
        parser.onBody = { chunk in part.writeBuffer(&chunk) }
        parser.onPartComplete = {
            if let name {
                if let fileName {
                    files[name] = part
                    fileNames[name] = fileName
                } else {
                    texts[name] = String(buffer: part)
                }
            }
            (name, fileName, part) = (nil, nil, ByteBuffer())
        }
        do {
            try parser.execute(body)
        } catch {
            throw APIError.invalid("the multipart form is malformed")
        }
        self.init(texts: texts, files: files, fileNames: fileNames)
    }

    /// `name="value"` or `name=value` among `;`-separated header parameters.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
