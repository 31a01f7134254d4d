/// A validated NPWP (Nomor Pokok Wajib Pajak, the tax number), in either format PMK 112/2022 allows:
/// the old 15 digits (often written `01.234.567.8-901.000`), or 16 digits: a resident's NIK, or `0`
/// followed by an old 15-digit number.
public struct NPWP: Hashable, Sendable {
    public enum Format: String, Sendable {
        /// The 15-digit number used until 2023 (and still printed on old cards).
        case legacy15 = "legacy_15"
        /// 16 digits: `0` + the legacy number.
        case padded16 = "padded_16"
        /// 16 digits: the resident's NIK.
        case nik16 = "nik_16"
    }

    /// The digits, without separators.
    public let digits: String
    public let format: Format

    /// Validates an NPWP; dots, dashes and spaces between digits are allowed and dropped.
    public init(_ text: String, regions: RegionDirectory, currentYear: Int) throws(DomainError) {
        func reject(_ reason: String) -> DomainError { .invalidInput(field: "NPWP", value: text, reason: reason) }
        let stripped = text.filter { !".- ".contains($0) }
        guard stripped.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw reject("must contain digits (and . - separators) only")
        }
        switch stripped.count {
        case 15:
            try Self.checkLegacy(stripped, reject: reject)
            format = .legacy15
        case 16 where stripped.hasPrefix("0"):
            try Self.checkLegacy(String(stripped.dropFirst()), reject: reject)
            format = .padded16
        case 16:
            do { _ = try NIK(stripped, regions: regions, currentYear: currentYear) } catch {
                guard case .invalidInput(_, _, let reason) = error else { throw error }
                throw reject("a 16-digit NPWP not starting with 0 is a NIK, and its \(reason)")
            }
            format = .nik16
        default:
            throw reject("must have 15 digits (old format) or 16 digits, found \(stripped.count)")
        }
        digits = stripped
    }

    /// The legacy layout: taxpayer type (2), serial (6), check digit (1), tax office (3), branch (3).
    private static func checkLegacy(_ digits: String, reject: (String) -> DomainError) throws(DomainError) {
        guard digits.prefix(9).contains(where: { $0 != "0" }) else {
            throw reject("taxpayer type, serial and check digit (digits 1-9) cannot all be zero")
        }
        guard digits.dropFirst(9).prefix(3) != "000" else { throw reject("tax office code (digits 10-12) cannot be 000") }
    }
}
