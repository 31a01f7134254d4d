import LindungCompliance
import LindungCore
import LindungStorage

/// One employer's (or licence's) compliance as the licensing offices' API answers it.
struct ComplianceDTO: Encodable {
    let identifier: String
    /// `compliant`, `non_compliant` or `not_registered`.
    let status: String
    let registered: Bool
    let npp: String?
    let nib: String?
    let name: String?
    let regionCode: String?
    /// The furthest sanction stage of the open findings, or nil.
    let sanctionStage: String?
    let findings: [ComplianceFindingDTO]
    /// A fresh signed certificate token (docs/compliance.md); nil when the server has no signing key.
    let certificateToken: String?
    let verificationURL: String?
    let message: String?

    enum CodingKeys: String, CodingKey {
        case identifier, status, registered, npp, nib, name, findings, message
        case regionCode = "region_code", sanctionStage = "sanction_stage", certificateToken = "certificate_token", verificationURL = "verification_url"
    }

    init(identifier: String, subject: ComplianceSubject?, on date: CalendarDate, keys: CertificateKeys?) throws {
        self.identifier = identifier
        guard let subject else {
            status = ComplianceStatus.notRegistered.rawValue
            registered = false
            (npp, nib, name, regionCode, sanctionStage, certificateToken, verificationURL) = (nil, nil, nil, nil, nil, nil, nil)
            findings = []
            message = "Tidak terdaftar: tidak ada pemberi kerja atau izin usaha dengan NPP/NIB ini. / Not registered: no employer or licence has this NPP or NIB."
            return
        }
        status = subject.status.rawValue
        registered = subject.npp != nil
        npp = subject.npp
        nib = subject.nib
        name = subject.name
        regionCode = subject.regionCode
        sanctionStage = subject.stage?.rawValue
        findings = subject.openFindings.map(ComplianceFindingDTO.init)
        if let keys {
            let token = try CertificateToken.sign(ComplianceCertificate(subject: subject, on: date, kid: keys.keyID), keys: keys)
            certificateToken = token
            verificationURL = CertificateToken.verificationURL(base: "", token: token)
        } else {
            certificateToken = nil
            verificationURL = nil
        }
        message = registered ? nil : "Tidak terdaftar sebagai peserta BPJS Ketenagakerjaan. / Not registered with BPJS Ketenagakerjaan."
    }
}

struct ComplianceFindingDTO: Encodable {
    let kind: String
    let openedOn: String
    let stage: String
    let stageDueOn: String?
    let evidence: [String: EvidenceValue]
    let rule: String

    enum CodingKeys: String, CodingKey {
        case kind, stage, evidence, rule
        case openedOn = "opened_on", stageDueOn = "stage_due_on"
    }

    init(_ finding: StoredFinding) {
        kind = finding.kind.rawValue
        openedOn = finding.openedOn.iso
        stage = finding.position.stage.rawValue
        stageDueOn = finding.position.dueOn?.iso
        evidence = finding.evidence
        rule = finding.rule
    }
}

struct ComplianceCheckRequest: Decodable {
    let identifiers: [String]
}

struct ComplianceCheckDTO: Encodable {
    let results: [ComplianceDTO]
}
