public import Crypto
import Foundation
public import LindungCore

/// The compact token: `base64url(payload JSON) "." base64url(Ed25519 signature of those JSON bytes)`.
public enum CertificateToken {
    public static func sign(_ certificate: ComplianceCertificate, keys: CertificateKeys) throws -> String {
        let payload = try certificate.payload()
        let signature = try keys.privateKey.signature(for: payload)
        return Base64URL.encode(payload) + "." + Base64URL.encode(signature)
    }

    /// What checking a token found.
    public enum Verification: Sendable, Equatable {
        /// Signed by the key and not expired on the day.
        case valid(ComplianceCertificate)
        /// Signed by the key but past its expiry date.
        case expired(ComplianceCertificate)
        /// The signature does not match these bytes and this key: altered, or signed by another instance.
        case badSignature
        /// Not a token at all.
        case malformed(String)

        public var isValid: Bool {
            if case .valid = self { true } else { false }
        }
    }

    /// Checks the signature first (nothing in an unsigned payload is trusted), then the expiry on `date`.
    public static func verify(_ token: String, publicKey: Curve25519.Signing.PublicKey, on date: CalendarDate) -> Verification {
        let parts = token.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(parts[0]), let signature = Base64URL.decode(parts[1]) else {
            return .malformed("expected two base64url parts separated by a dot")
        }
        guard publicKey.isValidSignature(signature, for: payload) else { return .badSignature }
        guard let certificate = try? JSONDecoder().decode(ComplianceCertificate.self, from: payload), certificate.v == 1,
            let expires = CalendarDate(iso: certificate.expires)
        else { return .malformed("the signed payload is not a version-1 certificate") }
        return date > expires ? .expired(certificate) : .valid(certificate)
    }

    /// The verification URL a QR code carries: the public page with the token.
    public static func verificationURL(base: String, token: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/verify?token=" + token
    }

    /// Finds a token in a text: the token itself, a verification URL, or a certificate file that contains one.
    public static func extract(from text: String) -> String? {
        if let attribute = text.firstMatch(of: #/data-token="([A-Za-z0-9_.-]+)"/#) { return String(attribute.1) }
        let pattern = #/([A-Za-z0-9_-]{20,})\.([A-Za-z0-9_-]{40,})/#
        guard let match = text.firstMatch(of: pattern) else { return nil }
        return "\(match.1).\(match.2)"
    }
}
