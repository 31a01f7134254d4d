import Crypto
import Foundation
import LindungCompliance
import LindungCore
import LindungStorage
import Testing

/// Certificates (issue 6): Ed25519 over the payload's JSON, a compact token, and the QR code of the
/// verification URL drawn by libqrencode.
@Suite("Compliance certificates")
struct CertificateTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    let keys = CertificateKeys(privateKey: Curve25519.Signing.PrivateKey())

    func certificate() -> ComplianceCertificate {
        ComplianceCertificate(
            npp: "12345678", nib: "1234567890123", name: "PT Maju Jaya", region: "3604", status: .compliant, stage: nil,
            issued: Self.day("2025-06-02"), expires: Self.day("2025-07-02"), kid: keys.keyID)
    }

    @Test("a signed token verifies with the instance's public key until it expires")
    func valid() throws {
        let token = try CertificateToken.sign(certificate(), keys: keys)
        #expect(CertificateToken.verify(token, publicKey: keys.publicKey, on: Self.day("2025-06-10")) == .valid(certificate()))
        #expect(CertificateToken.verify(token, publicKey: keys.publicKey, on: Self.day("2025-07-02")).isValid)
        #expect(CertificateToken.verify(token, publicKey: keys.publicKey, on: Self.day("2025-07-03")) == .expired(certificate()))
    }

    @Test("a tampered payload, a forged signature or another instance's key is rejected")
    func rejected() throws {
        let token = try CertificateToken.sign(certificate(), keys: keys)
        var altered = certificate()
        altered.status = .compliant
        altered.name = "PT Lain"
        let forgedPayload = Base64URL.encode(try altered.payload())
        let signature = token.split(separator: ".")[1]
        #expect(CertificateToken.verify("\(forgedPayload).\(signature)", publicKey: keys.publicKey, on: Self.day("2025-06-10")) == .badSignature)
        let other = CertificateKeys(privateKey: Curve25519.Signing.PrivateKey())
        #expect(CertificateToken.verify(token, publicKey: other.publicKey, on: Self.day("2025-06-10")) == .badSignature)
        if case .malformed = CertificateToken.verify("not-a-token", publicKey: keys.publicKey, on: Self.day("2025-06-10")) {} else {
            Issue.record("a string without a dot must be malformed")
        }
    }

    @Test("keys are made once, the private key with mode 0600, and loaded again")
    func keyFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (first, created) = try CertificateKeys.loadOrCreate(directory: directory)
        #expect(created)
        let mode = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(CertificateKeys.privateFile).path)[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600)
        let (again, createdAgain) = try CertificateKeys.loadOrCreate(directory: directory)
        #expect(!createdAgain && again.keyID == first.keyID)
        let published = try String(contentsOf: directory.appendingPathComponent(CertificateKeys.publicFile), encoding: .utf8)
        #expect(try CertificateKeys.publicKey(text: published).rawRepresentation == first.publicKey.rawRepresentation)
    }

    @Test("the QR code of a verification URL has libqrencode's size and the three finder patterns")
    func qrCode() throws {
        let token = try CertificateToken.sign(certificate(), keys: keys)
        let url = CertificateToken.verificationURL(base: "https://lindung.serangkab.go.id/", token: token)
        #expect(url.hasPrefix("https://lindung.serangkab.go.id/verify?token="))
        let qr = try QRCode(text: url)
        #expect(qr.width == 17 + 4 * qr.version)
        // A finder pattern: a 7×7 dark ring, a light ring, a 3×3 dark centre, at three corners.
        func finder(_ top: Int, _ left: Int) -> Bool {
            (0..<7).allSatisfy { r in
                (0..<7).allSatisfy { c in
                    let ring = r == 0 || r == 6 || c == 0 || c == 6
                    let centre = (2...4).contains(r) && (2...4).contains(c)
                    return qr.isDark(row: top + r, column: left + c) == (ring || centre)
                }
            }
        }
        #expect(finder(0, 0) && finder(0, qr.width - 7) && finder(qr.width - 7, 0))
        #expect(!finder(qr.width - 7, qr.width - 7))
        let svg = qr.svg()
        #expect(svg.contains("viewBox=\"0 0 \(qr.width + 8) \(qr.width + 8)\""))
        // The document carries the token, found again by `extract`
        let html = try CertificateDocument.html(certificate(), token: token, verificationURL: url)
        #expect(CertificateToken.extract(from: html) == token)
        #expect(CertificateToken.extract(from: url) == token)
    }
}
