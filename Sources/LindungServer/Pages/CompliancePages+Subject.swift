import Foundation
import HTTPTypes
import Hummingbird
import LindungCompliance
import LindungCore
import LindungExport
import LindungStorage

extension CompliancePages {
    /// `GET /compliance/{identifier}`: the findings (open first) with evidence, rule and ladder steps, links to
    /// each step's letter, and what a certificate issued today would state (with a link to verify it).
    static func history(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let identifier = try context.path("identifier")
        let subject = try await subject(identifier, page)
        try await log(identifier, subject, page)
        let strings = page.language.strings
        let language = page.language
        let today = page.call.environment.today()
        var certificate: [String: Any] = ["status": strings["status_\(subject.status.rawValue)"]!]
        if let keys = page.call.environment.certificateKeys {
            let issued = ComplianceCertificate(subject: subject, on: today, kid: keys.keyID)
            let token = try CertificateToken.sign(issued, keys: keys)
            certificate["verify_link"] = "/verify?token=\(token)"
            certificate["expires"] = PageFormat.date(today.adding(days: ComplianceCertificate.validDays), language)
        }
        let findings: [[String: Any]] = subject.findings.map { finding in
            let letters = WarningLetter.stages.filter { stage in finding.history.contains { $0.stage == stage } || finding.position.stage == stage }
            let base = "/compliance/\(identifier)/letters/\(finding.id)"
            return [
                "id": finding.id, "kind": strings["finding_\(finding.kind.rawValue)"]!, "open": finding.curedOn == nil,
                "stage": strings["stage_\(finding.position.stage.rawValue)"]!, "due": PageFormat.date(finding.position.dueOn, language),
                "opened": PageFormat.date(finding.openedOn, language), "cured": PageFormat.date(finding.curedOn, language),
                "last_seen": PageFormat.date(finding.lastSeenOn, language), "rule": finding.rule,
                "evidence": finding.evidence.sorted { $0.key < $1.key }.map { ["key": $0.key, "value": $0.value.description] },
                "steps": finding.history.map { step in
                    [
                        "stage": strings["stage_\(step.stage.rawValue)"]!, "entered": PageFormat.date(step.enteredOn, language),
                        "due": PageFormat.date(step.dueOn, language), "fine": step.fine.map(page.money) ?? "–", "actor": step.actor,
                        "letter": letters.contains(step.stage) ? "\(base)?stage=\(step.stage.rawValue)" : "",
                        "letter_pdf": letters.contains(step.stage) ? "\(base)?stage=\(step.stage.rawValue)&format=pdf" : "",
                    ] as [String: Any]
                },
            ]
        }
        let values: [String: Any] = [
            "subject": [
                "name": subject.name, "npp": subject.npp ?? "–", "nib": subject.nib ?? "–", "region": subject.regionCode,
                "stage": subject.stage.map { strings["stage_\($0.rawValue)"]! } ?? "–", "employer_link": subject.npp.map { "/employers/\($0)" } ?? "",
            ],
            "certificate": certificate, "findings": findings, "has_findings": !findings.isEmpty,
        ]
        return try page.page("compliance_subject", title: "compliance_history", values)
    }

    /// `GET /compliance/{identifier}/letters/{finding}?stage=&format=html|pdf`: the PP 86/2013 letter as a
    /// printable A4 page (no site menu), or the same page printed to PDF by Chromium.
    static func letter(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let identifier = try context.path("identifier")
        let findingID = try context.pathID("finding")
        let stageText = request.uri.queryParameters["stage"].map(String.init)
        let stage = try stageText.flatMap { $0.isEmpty ? nil : $0 }.map { text in
            guard let stage = SanctionStage(rawValue: text), WarningLetter.stages.contains(stage) else {
                throw APIError.invalid("stage must be one of \(WarningLetter.stages.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
            }
            return stage
        }
        let format = request.uri.queryParameters["format"].map(String.init) ?? "html"
        guard ["html", "pdf"].contains(format) else { throw APIError.invalid("format must be html or pdf, not '\(format)'") }
        let subject = try await subject(identifier, page)
        guard subject.findings.contains(where: { $0.id == findingID }) else { throw APIError.notFound("no finding \(findingID) about \(identifier)") }
        let reference = try Self.reference.get()
        let letter: WarningLetter
        do {
            letter = try WarningLetter(subject: subject, findingID: findingID, stage: stage, regions: reference.regions, holidays: reference.holidays)
        } catch let error as LetterError {
            throw APIError.invalid(error.reason)
        }
        try await log(identifier, subject, page)
        let html = WarningLetterHTML.render(letter)
        guard format == "pdf" else { return PageRenderer.html(html) }
        let chromium = ChromiumPDF()
        guard chromium.isAvailable else {
            return try page.page("error", title: "error_title", ["message": page.language.strings["pdf_unavailable"]!], status: .serviceUnavailable)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-letter-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try await chromium.print(html: html, to: file)
        let data = try Data(contentsOf: file)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/pdf", .contentDisposition: "inline; filename=\"\(letter.fileName(extension: "pdf"))\"", .cacheControl: "no-store",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
