public import Crypto
public import Foundation

/// The instance's Ed25519 signing key, kept OUTSIDE the database: a directory holding `compliance-ed25519.key`
/// (the private key, base64 of its 32 raw bytes, mode 0600) and `compliance-ed25519.pub` (the public key,
/// published for offline verification). Generated on first use.
public struct CertificateKeys: Sendable {
    public static let privateFile = "compliance-ed25519.key"
    public static let publicFile = "compliance-ed25519.pub"

    public let privateKey: Curve25519.Signing.PrivateKey
    public var publicKey: Curve25519.Signing.PublicKey { privateKey.publicKey }
    /// The key id: the first 8 bytes of SHA-256 of the public key, base64url.
    public var keyID: String { Self.keyID(publicKey) }

    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    public static func keyID(_ key: Curve25519.Signing.PublicKey) -> String {
        Base64URL.encode(Data(SHA256.hash(data: key.rawRepresentation).prefix(8)))
    }

    /// Loads the key pair from `directory`, or generates and writes one there when there is none.
    /// Returns whether it was generated now.
    public static func loadOrCreate(directory: URL) throws -> (keys: CertificateKeys, created: Bool) {
        let manager = FileManager.default
        let privateURL = directory.appendingPathComponent(privateFile)
        if manager.fileExists(atPath: privateURL.path) {
            let attributes = try manager.attributesOfItem(atPath: privateURL.path)
            if let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
                throw CertificateError.keys("\(privateURL.path) is readable by others (mode \(String(mode, radix: 8))); chmod 600 it")
            }
            let text = try String(contentsOf: privateURL, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let raw = Data(base64Encoded: text), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
                throw CertificateError.keys("\(privateURL.path) does not hold a base64 Ed25519 private key")
            }
            return (CertificateKeys(privateKey: key), false)
        }
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let key = Curve25519.Signing.PrivateKey()
            // Created with mode 0600 from the start: never a moment where the key is readable by others.
            guard manager.createFile(atPath: privateURL.path, contents: Data((key.rawRepresentation.base64EncodedString() + "\n").utf8),
                                     attributes: [.posixPermissions: 0o600])
            else { throw CertificateError.keys("cannot write \(privateURL.path)") }
            let keys = CertificateKeys(privateKey: key)
            try Data((publicKeyText(keys.publicKey) + "\n").utf8).write(to: directory.appendingPathComponent(publicFile))
            return (keys, true)
        } catch let error as CertificateError {
            throw error
        } catch {
            throw CertificateError.keys("cannot create keys in \(directory.path): \(error.localizedDescription)")
        }
    }

    /// The published form of a public key: base64 of its 32 raw bytes.
    public static func publicKeyText(_ key: Curve25519.Signing.PublicKey) -> String { key.rawRepresentation.base64EncodedString() }

    /// Reads a published public key (base64 or base64url of the 32 raw bytes).
    public static func publicKey(text: String) throws -> Curve25519.Signing.PublicKey {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: trimmed) ?? Base64URL.decode(trimmed), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw CertificateError.keys("not a base64 Ed25519 public key")
        }
        return key
    }
}
