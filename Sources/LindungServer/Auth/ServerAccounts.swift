public import Foundation
import Crypto

/// Where bearer tokens are checked. Only SHA-256 hashes of tokens are kept (tokens are long random
/// strings, so a fast hash is enough; passwords, a later slice, get bcrypt).
public protocol ServerAccounts: Sendable {
    /// The account a bearer token belongs to; nil for an unknown token.
    func account(token: String) async -> Account?
}

public enum TokenHash {
    /// Lowercase hex SHA-256 of the token's UTF-8 bytes.
    public static func sha256(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// A new random token: 32 bytes from the system's generator, as URL-safe text.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "lnd_" + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Accounts held in memory, by token hash (tests, and the file-backed accounts once read).
public struct InMemoryAccounts: ServerAccounts {
    let byHash: [String: Account]

    /// Accounts by their plain tokens (tests).
    public init(tokens: [String: Account]) {
        byHash = Dictionary(uniqueKeysWithValues: tokens.map { (TokenHash.sha256($0.key), $0.value) })
    }

    init(hashes: [String: Account]) { byHash = hashes }

    public func account(token: String) async -> Account? {
        byHash[TokenHash.sha256(token)]
    }
}
