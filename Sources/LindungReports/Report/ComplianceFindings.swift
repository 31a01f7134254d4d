public import LindungStorage
import LindungCore

extension QuarterlyReport.Finding {
    /// Issue 6's stored finding as the report lists it: NPP (or NIB), the kind in Indonesian, since when, the rule.
    public init(stored finding: StoredFinding) {
        let kind: String
        switch finding.kind {
        case .notRegistered: kind = "Belum mendaftar (izin usaha tanpa NPP)"
        case .partialWorkers: kind = "PDS tenaga kerja"
        case .partialWages: kind = "PDS upah"
        case .partialPrograms: kind = "PDS program"
        case .arrears: kind = "Tunggakan lebih dari 3 bulan"
        }
        self.init(
            npp: finding.subject, name: finding.employerNPP == nil ? "NIB \(finding.nib ?? finding.subject)" : finding.regionCode, kind: kind,
            detail: "sejak \(ReportLabels.date(finding.openedOn)); dasar: \(finding.rule)")
    }

    /// The findings hook over a `ComplianceStore`: the region's open findings (at most `limit`).
    public static func source(_ store: any ComplianceStore, limit: Int = 50) -> OpenFindingsSource {
        { region, _ in try await store.openFindings(region: region == "00" ? nil : region, limit: limit).map(QuarterlyReport.Finding.init(stored:)) }
    }
}
