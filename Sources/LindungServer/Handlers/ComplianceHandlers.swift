import Foundation
import Hummingbird
import LindungCompliance
import LindungCore
import LindungStorage

/// The licensing offices' API (issue 6): an employer's compliance by NPP or NIB, a batch check, and the public
/// page that verifies a certificate. Every question is logged: who asked about whom, when.
enum ComplianceHandlers {
    /// The most identifiers one check may carry.
    static let checkLimit = 1_000

    static func get(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let identifier = try context.path("identifier")
        let reader = try call.scoped()
        guard ComplianceSQL.identifierKind(identifier) != nil else {
            throw APIError.invalid("invalid identifier '\(identifier)': give an NPP (8 digits) or a NIB (13 digits)")
        }
        let subject = try await reader.visible(try await call.store.complianceSubject(identifier: identifier))
        let answer = try ComplianceDTO(identifier: identifier, subject: subject, on: call.environment.today(), keys: call.environment.certificateKeys)
        try await log([answer], reader: reader, call: call)
        return try JSONBody.response(answer)
    }

    static func check(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let reader = try call.scoped()
        let body = try await JSONBody.decode(ComplianceCheckRequest.self, from: request)
        guard body.identifiers.count <= checkLimit else {
            throw APIError.invalid("too many identifiers: \(body.identifiers.count); at most \(checkLimit) in one check")
        }
        guard !body.identifiers.isEmpty else { throw APIError.invalid("identifiers is empty: give 1 to \(checkLimit) NPPs or NIBs") }
        if let bad = body.identifiers.first(where: { ComplianceSQL.identifierKind($0) == nil }) {
            throw APIError.invalid("invalid identifier '\(bad)': give NPPs (8 digits) or NIBs (13 digits)")
        }
        let subjects = try await call.store.complianceSubjects(identifiers: body.identifiers)
        let today = call.environment.today()
        var answers: [ComplianceDTO] = []
        for id in body.identifiers {
            answers.append(try ComplianceDTO(identifier: id, subject: try await reader.visible(subjects[id]), on: today, keys: call.environment.certificateKeys))
        }
        try await log(answers, reader: reader, call: call)
        return try JSONBody.response(ComplianceCheckDTO(results: answers))
    }

    static func log(_ answers: [ComplianceDTO], reader: ScopedReader, call: Call) async throws {
        let at = ISO8601DateFormatter().string(from: call.environment.now())
        try await call.store.logComplianceQueries(
            answers.map {
                ComplianceQueryLogEntry(at: at, client: reader.viewer.account.name, identifier: $0.identifier, status: $0.status, operation: call.operationID)
            })
    }

    /// `GET /verify?token=`: no login. Checks the signature with the instance's public key and the expiry, and
    /// says what the certificate states, Bahasa Indonesia first.
    static func verifyPage(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let token = request.query("token") ?? ""
        let verdict: String
        var rows = ""
        var status: HTTPResponse.Status = .ok
        if let keys = call.environment.certificateKeys {
            switch CertificateToken.verify(token, publicKey: keys.publicKey, on: call.environment.today()) {
            case .valid(let certificate):
                verdict = "SAH / Valid"
                rows = describe(certificate)
            case .expired(let certificate):
                verdict = "KEDALUWARSA / Expired (\(certificate.expires))"
                rows = describe(certificate)
            case .badSignature:
                verdict = "TIDAK SAH: tanda tangan tidak cocok / Not valid: the signature does not match"
            case .malformed:
                verdict = "Bukan token sertifikat / Not a certificate token"
                status = .badRequest
            }
        } else {
            verdict = "Server ini tidak memiliki kunci sertifikat / This server has no certificate key"
            status = .serviceUnavailable
        }
        let publicKey = call.environment.certificateKeys.map { CertificateKeys.publicKeyText($0.publicKey) } ?? "-"
        let html = """
            <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Verifikasi Sertifikat Kepatuhan</title></head><body>
            <h1>Verifikasi Sertifikat Kepatuhan / Certificate verification</h1>
            <p><strong>\(escape(verdict))</strong></p><table>\(rows)</table>
            <p>Kunci publik / Public key (Ed25519): <code>\(escape(publicKey))</code></p></body></html>
            """
        var response = Response(status: status, body: .init(byteBuffer: ByteBuffer(string: html)))
        response.headers[.contentType] = "text/html; charset=utf-8"
        return response
    }

    static func describe(_ certificate: ComplianceCertificate) -> String {
        [
            ("Nama / Name", certificate.name), ("NPP", certificate.npp ?? "-"), ("NIB", certificate.nib ?? "-"), ("Wilayah / Region", certificate.region),
            ("Status", certificate.status.rawValue), ("Tahap sanksi / Sanction stage", certificate.stage ?? "-"),
            ("Terbit / Issued", certificate.issued), ("Berlaku sampai / Valid until", certificate.expires),
        ].map { "<tr><th>\(escape($0.0))</th><td>\(escape($0.1))</td></tr>" }.joined()
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
