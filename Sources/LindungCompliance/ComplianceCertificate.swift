public import Foundation
public import LindungCore
public import LindungStorage

/// What a certificate states: who (NPP, NIB, name, region), their compliance status, when it was issued and
/// until when it may be relied on. Signed as its JSON with sorted keys (docs/compliance.md).
public struct ComplianceCertificate: Codable, Sendable, Equatable {
    /// The format's version.
    public var v: Int
    public var npp: String?
    public var nib: String?
    public var name: String
    public var region: String
    public var status: ComplianceStatus
    /// The furthest sanction stage of the open findings, if any.
    public var stage: String?
    /// YYYY-MM-DD.
    public var issued: String
    public var expires: String
    /// The instance that signed it (its public key's fingerprint).
    public var kid: String

    public init(
        npp: String?, nib: String?, name: String, region: String, status: ComplianceStatus, stage: String?, issued: CalendarDate,
        expires: CalendarDate, kid: String
    ) {
        self.v = 1
        self.npp = npp
        self.nib = nib
        self.name = name
        self.region = region
        self.status = status
        self.stage = stage
        self.issued = issued.iso
        self.expires = expires.iso
        self.kid = kid
    }

    /// How long a certificate may be relied on after it is issued.
    public static let validDays = 30

    /// The certificate for what the store knows about an employer (or licence) on a day.
    public init(subject: ComplianceSubject, on date: CalendarDate, kid: String) {
        self.init(
            npp: subject.npp, nib: subject.nib, name: subject.name, region: subject.regionCode, status: subject.status, stage: subject.stage?.rawValue,
            issued: date, expires: date.adding(days: Self.validDays), kid: kid)
    }

    /// The bytes that are signed: the JSON with sorted keys, no spaces.
    public func payload() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// base64url without padding (RFC 4648 §5), as tokens use it.
public enum Base64URL {
    public static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: some StringProtocol) -> Data? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
