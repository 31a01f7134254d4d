import Testing

@testable import LindungCore

/// Extracts the field and reason of an `invalidInput` error, recording an issue for any other error.
private func invalidInputReason(
    _ error: DomainError?, field expectedField: String, sourceLocation: SourceLocation = #_sourceLocation
) -> String? {
    guard let error else { return nil }
    guard case .invalidInput(let field, _, let reason) = error else {
        Issue.record("expected invalidInput, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    #expect(field == expectedField, sourceLocation: sourceLocation)
    #expect(error.description.contains(expectedField), sourceLocation: sourceLocation)
    #expect(error.description.contains(reason), sourceLocation: sourceLocation)
    return reason
}

/// NPWP formats.
/// REGULATIONS.md §6: NPWP (PMK 112/2022): residents use NIK; others 16 digits = "0" + old 15; the old
/// 15-digit number (XX.XXX.XXX.X-XXX.XXX) stays readable.
@Suite("NPWP")
struct IdentifierNPWPTests {
    let regions: RegionDirectory

    init() throws {
        regions = try ReferenceData().regions
    }

    private func refusal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let error = #expect(throws: DomainError.self, sourceLocation: sourceLocation) {
            try NPWP(text, regions: regions, currentYear: 2026)
        }
        return invalidInputReason(error, field: "NPWP", sourceLocation: sourceLocation)
    }

    @Test("The legacy 15-digit number with separators is valid")
    func legacyWithSeparators() throws {
        // REGULATIONS.md §6: old 15-digit format XX.XXX.XXX.X-XXX.XXX.
        let npwp = try NPWP("01.234.567.8-901.000", regions: regions, currentYear: 2026)
        #expect(npwp.format == .legacy15)
        #expect(npwp.digits == "012345678901000")
    }

    @Test("The legacy 15 digits without separators are valid")
    func legacyBare() throws {
        // REGULATIONS.md §6: the separators are presentation only.
        let npwp = try NPWP("012345678901000", regions: regions, currentYear: 2026)
        #expect(npwp.format == .legacy15)
        #expect(npwp.digits == "012345678901000")
    }

    @Test("0 + the legacy 15 digits is the padded 16-digit format")
    func padded16() throws {
        // REGULATIONS.md §6: non-residents' 16 digits = "0" + old 15.
        let npwp = try NPWP("0012345678901000", regions: regions, currentYear: 2026)
        #expect(npwp.format == .padded16)
        #expect(npwp.digits == "0012345678901000")
    }

    @Test("A padded 16-digit number may keep the old separators")
    func padded16WithSeparators() throws {
        // REGULATIONS.md §6: "0" + old 15, written with the old separators.
        let npwp = try NPWP("0 01.234.567.8-901.000", regions: regions, currentYear: 2026)
        #expect(npwp.format == .padded16)
        #expect(npwp.digits == "0012345678901000")
    }

    @Test("A valid NIK is a 16-digit NPWP")
    func nikAsNPWP() throws {
        // REGULATIONS.md §6: residents use their NIK as NPWP.
        let npwp = try NPWP("3515144508680002", regions: regions, currentYear: 2026)
        #expect(npwp.format == .nik16)
        #expect(npwp.digits == "3515144508680002")
    }

    @Test("16 digits not starting with 0 that are not a valid NIK are refused, naming the NIK")
    func badNIKAsNPWP() throws {
        // REGULATIONS.md §6: a 16-digit NPWP not starting with 0 is a NIK, so it must pass the NIK rules
        // (regency 35.99 does not exist).
        let reason = try #require(refusal("3599144508680002"))
        #expect(reason.contains("NIK"))
        #expect(reason.contains("regency"))
    }

    @Test("A NIK-format NPWP with a bad birth day is refused with the NIK's reason")
    func badNIKBirthDayAsNPWP() throws {
        // REGULATIONS.md §6: the NIK's DD must be 01-31 or 41-71.
        let reason = try #require(refusal("3515147208680002"))
        #expect(reason.contains("NIK"))
        #expect(reason.contains("birth day"))
    }

    @Test("14 digits are refused")
    func rejects14Digits() throws {
        // REGULATIONS.md §6: 15 (old) or 16 digits.
        let reason = try #require(refusal("01.234.567.8-901.00"))
        #expect(reason.contains("15 digits"))
        #expect(reason.contains("16 digits"))
        #expect(reason.contains("14"))
    }

    @Test("17 digits are refused")
    func rejects17Digits() throws {
        // REGULATIONS.md §6: 15 (old) or 16 digits.
        let reason = try #require(refusal("00123456789010001"))
        #expect(reason.contains("17"))
    }

    @Test("Letters are refused")
    func rejectsLetters() throws {
        // REGULATIONS.md §6: an NPWP is digits (separators aside).
        let reason = try #require(refusal("01.234.567.A-901.000"))
        #expect(reason.contains("digits"))
    }

    @Test("Tax office 000 is refused in the legacy format")
    func rejectsTaxOfficeZero() throws {
        // REGULATIONS.md §6 layout XX.XXX.XXX.X-XXX.XXX: digits 10-12 are the tax office (KPP) code.
        let reason = try #require(refusal("01.234.567.8-000.000"))
        #expect(reason.contains("tax office"))
        #expect(reason.contains("000"))
    }

    @Test("Tax office 000 is refused in the padded format too")
    func rejectsTaxOfficeZeroPadded() throws {
        // REGULATIONS.md §6: the padded format is "0" + the old 15, so the old rules apply after the 0.
        let reason = try #require(refusal("0012345678000000"))
        #expect(reason.contains("tax office"))
    }

    @Test("An all-zero taxpayer number is refused")
    func rejectsZeroTaxpayer() throws {
        // REGULATIONS.md §6: the old 15 digits identify a taxpayer; digits 1-9 cannot all be zero.
        let reason = try #require(refusal("00.000.000.0-901.000"))
        #expect(reason.contains("zero"))
    }
}

/// NIB. REGULATIONS.md §6: NIB = 13 digits, issued by OSS since 2018.
@Suite("NIB")
struct IdentifierNIBTests {
    private func refusal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let error = #expect(throws: DomainError.self, sourceLocation: sourceLocation) { try NIB(text) }
        return invalidInputReason(error, field: "NIB", sourceLocation: sourceLocation)
    }

    @Test("13 digits are valid")
    func valid() throws {
        // REGULATIONS.md §6: 13 digits.
        let nib = try NIB("9120001234567")
        #expect(nib.value == "9120001234567")
    }

    @Test("12 digits are refused")
    func rejects12() throws {
        // REGULATIONS.md §6: 13 digits.
        let reason = try #require(refusal("912000123456"))
        #expect(reason.contains("13 digits"))
        #expect(reason.contains("12"))
    }

    @Test("14 digits are refused")
    func rejects14() throws {
        // REGULATIONS.md §6: 13 digits.
        let reason = try #require(refusal("91200012345678"))
        #expect(reason.contains("13 digits"))
    }

    @Test("Letters are refused")
    func rejectsLetters() throws {
        // REGULATIONS.md §6: digits only.
        let reason = try #require(refusal("91200012345AB"))
        #expect(reason.contains("digits only"))
    }

    @Test("Separators are refused (a NIB is written without them)")
    func rejectsSeparators() throws {
        // REGULATIONS.md §6: 13 digits; unlike the NPWP no separators are dropped.
        let reason = try #require(refusal("912-000-1234567"))
        #expect(reason.contains("digits only"))
    }

    @Test("All zeros are refused")
    func rejectsAllZeros() throws {
        // REGULATIONS.md §6: an issued NIB identifies a business; 0000000000000 is not one.
        let reason = try #require(refusal("0000000000000"))
        #expect(reason.contains("zeros"))
    }
}
