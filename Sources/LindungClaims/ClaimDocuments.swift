import LindungCore

/// The documents a claim can carry. Raw values are stable keys (`--document death_certificate=FILE`);
/// `label` is what a form shows, Bahasa Indonesia first.
public enum ClaimDocumentKind: String, Sendable, CaseIterable, Codable {
    case identityCard = "identity_card"
    case familyCard = "family_card"
    case membershipCard = "membership_card"
    case bankBook = "bank_book"
    case deathCertificate = "death_certificate"
    case heirStatement = "heir_statement"
    case accidentReport = "accident_report"
    case medicalReport = "medical_report"
    case treatmentInvoice = "treatment_invoice"
    case doctorStatement = "doctor_statement"
    case disabilityStatement = "disability_statement"
    case leavingWorkLetter = "leaving_work_letter"
    case terminationProof = "termination_proof"
    case jobSeekerRegistration = "job_seeker_registration"
    case housingDocument = "housing_document"

    public var label: String {
        switch self {
        case .identityCard: "KTP (identity card)"
        case .familyCard: "Kartu Keluarga (family card)"
        case .membershipCard: "Kartu peserta / KPJ (membership card)"
        case .bankBook: "Buku tabungan (bank account book)"
        case .deathCertificate: "Akta kematian (death certificate)"
        case .heirStatement: "Surat keterangan ahli waris (heir statement)"
        case .accidentReport: "Laporan kecelakaan kerja (accident report)"
        case .medicalReport: "Resume medis (medical report)"
        case .treatmentInvoice: "Kuitansi pengobatan (treatment invoices)"
        case .doctorStatement: "Surat keterangan dokter: tidak mampu bekerja (doctor's statement)"
        case .disabilityStatement: "Surat keterangan cacat (disability statement)"
        case .leavingWorkLetter: "Surat keterangan berhenti bekerja (leaving-work letter)"
        case .terminationProof: "Bukti PHK (proof of termination)"
        case .jobSeekerRegistration: "Bukti pendaftaran SIAPkerja (job-seeker registration)"
        case .housingDocument: "Dokumen perumahan (housing document)"
        }
    }
}

/// The checklist per claim: which documents its type (and JKK stage, JHT reason) requires.
public enum ClaimDocumentChecklist {
    public static func required(for benefit: ClaimBenefit) -> [ClaimDocumentKind] {
        let base: [ClaimDocumentKind] = [.identityCard, .membershipCard]
        let death: [ClaimDocumentKind] = [.deathCertificate, .heirStatement, .familyCard, .bankBook]
        switch benefit {
        case .jkm: return base + death
        case .jkk(let stage):
            switch stage {
            case .report: return base + [.accidentReport]
            case .treatment: return base + [.accidentReport, .medicalReport, .treatmentInvoice]
            case .stmb: return base + [.accidentReport, .doctorStatement, .bankBook]
            case .disability: return base + [.accidentReport, .medicalReport, .disabilityStatement, .bankBook]
            case .death: return base + [.accidentReport] + death
            }
        case .jht(let reason):
            switch reason {
            case .leftWork: return base + [.leavingWorkLetter, .bankBook]
            case .pensionAge: return base + [.bankBook]
            case .partial(let percent): return base + (percent == .percent(30) ? [.housingDocument, .bankBook] : [.bankBook])
            }
        case .jkp: return base + [.terminationProof, .jobSeekerRegistration, .bankBook]
        case .jp: return base + [.familyCard, .bankBook]
        }
    }

    /// The required documents not among `provided`, in checklist order.
    public static func missing(for benefit: ClaimBenefit, provided: some Sequence<ClaimDocumentKind>) -> [ClaimDocumentKind] {
        let have = Set(provided)
        return required(for: benefit).filter { !have.contains($0) }
    }
}
