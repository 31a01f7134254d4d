import Crypto
public import Foundation
import HummingbirdBcrypt
public import LindungStorage

/// Where credentials are checked: bearer tokens (only their SHA-256 is kept: tokens are 32 random bytes,
/// so a fast hash is enough) and passwords (bcrypt).
public protocol ServerAccounts: Sendable {
    /// The account a bearer token belongs to; nil for an unknown or disabled one.
    func account(token: String) async throws -> Account?
    /// The account of a user whose password matches; nil for an unknown or disabled user or a wrong password.
    func account(username: String, password: String) async throws -> Account?
}

/// Accounts in the store (migration 0006: `app_user`, `api_client`).
public struct StoreAccounts: ServerAccounts {
    let store: any AccountStore
    /// A hash of nothing anyone types, checked against for unknown usernames, at the cost real hashes have.
    let decoy: String
    /// Accepted tokens remembered for a few seconds (TokenCache.swift says why).
    let tokens: TokenCache

    /// `cost` is that of the decoy hash only (stored hashes carry their own): give tests a low one.
    /// `tokenLifetime` is how long an accepted token is remembered (zero: checked in the store every time).
    public init(store: any AccountStore, cost: UInt8 = PasswordHash.defaultCost, tokenLifetime: Duration = .seconds(5)) {
        self.store = store
        decoy = Bcrypt.hash(UUID().uuidString, cost: cost)
        tokens = TokenCache(lifetime: tokenLifetime)
    }

    public func account(token: String) async throws -> Account? {
        if let remembered = tokens.account(token: token) { return remembered }
        guard let client = try await store.apiClient(tokenHash: TokenHash.sha256(token)), !client.disabled,
            let role = Account.Role(rawValue: client.role)
        else { return nil }
        let account = Account(name: client.name, role: role, scope: client.scope, grants: client.grants, kind: .client)
        tokens.remember(token: token, account: account)
        return account
    }

    public func account(username: String, password: String) async throws -> Account? {
        guard let user = try await store.user(username: username) else {
            // As long as a real check, so the answer's timing does not tell which usernames exist.
            _ = await PasswordHash.verify(password, hash: decoy)
            return nil
        }
        guard await PasswordHash.verify(password, hash: user.passwordHash), !user.disabled, let role = Account.Role(rawValue: user.role) else {
            return nil
        }
        return Account(name: user.username, role: role, scope: user.scope, kind: .user)
    }
}

/// bcrypt through HummingbirdBcrypt, on a Dispatch queue: a cost-12 hash takes a quarter of a second of
/// CPU, which must not hold one of the few threads of Swift's cooperative pool.
public enum PasswordHash {
    /// Production cost; tests pass a lower one (each step halves the time).
    public static let defaultCost: UInt8 = 12

    public static func hash(_ password: String, cost: UInt8 = defaultCost) async -> String {
        await offPool { Bcrypt.hash(password, cost: cost) }
    }

    public static func verify(_ password: String, hash: String) async -> Bool {
        await offPool { Bcrypt.verify(password, hash: hash) }
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
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
        "lnd_" + randomText()
    }

    /// 32 random bytes as URL-safe base64 without padding (session ids, CSRF tokens, demo passwords).
    public static func randomText(bytes count: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
