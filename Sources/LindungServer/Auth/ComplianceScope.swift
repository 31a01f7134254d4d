import LindungStorage

extension ScopedReader {
    /// A compliance subject as the caller may see it: unscoped roles see every subject; a scoped role sees
    /// a registered employer it sees (`seesEmployer`) and, a regional officer, a licence-only subject of its
    /// region. Anything else is answered as not registered, exactly like an identifier nobody knows, so the
    /// compliance API (`getCompliance`, `checkCompliance`) cannot show an employer's findings outside the
    /// scope nor tell that it exists.
    func visible(_ subject: ComplianceSubject?) async throws -> ComplianceSubject? {
        guard let subject, !viewer.seesEverything else { return subject }
        if let npp = subject.npp { return try await seesEmployer(npp) ? subject : nil }
        return viewer.sees(regionCode: subject.regionCode) ? subject : nil
    }
}
