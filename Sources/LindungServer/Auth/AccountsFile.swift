public import Foundation

/// `<database>.accounts.json`: the accounts `lindung serve` accepts, until accounts move into the store
/// (a later migration). `{"accounts":[{"name","role","scope","grants","token_sha256"}]}`; read once at start.
public struct AccountsFile: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public let name: String
        public let role: Account.Role
        public let scope: String?
        public let grants: [String]?
        public let token_sha256: String

        public init(account: Account, tokenSHA256: String) {
            name = account.name
            role = account.role
            scope = account.scope
            grants = account.grants.isEmpty ? nil : account.grants
            token_sha256 = tokenSHA256
        }
    }

    public var accounts: [Entry]

    public init(accounts: [Entry] = []) { self.accounts = accounts }

    /// The file beside a SQLite database, or in the working directory for a PostgreSQL URL.
    public static func path(forDatabase location: String) -> String {
        location.contains("://") ? "lindung.accounts.json" : location + ".accounts.json"
    }

    /// Reads the file; an absent file is no accounts.
    public static func read(path: String) throws -> AccountsFile {
        guard FileManager.default.fileExists(atPath: path) else { return AccountsFile() }
        let file = try JSONDecoder().decode(AccountsFile.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
        for entry in file.accounts where entry.role.isScoped && (entry.scope ?? "").isEmpty {
            throw AccountsFileError("\(path): account '\(entry.name)' is a \(entry.role.rawValue) and needs a scope")
        }
        return file
    }

    /// Writes the file readable by its owner only.
    public func write(path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    /// The accounts to serve with.
    public var serverAccounts: any ServerAccounts {
        InMemoryAccounts(
            hashes: Dictionary(
                accounts.map { ($0.token_sha256.lowercased(), Account(name: $0.name, role: $0.role, scope: $0.scope, grants: $0.grants ?? [])) },
                uniquingKeysWith: { first, _ in first }))
    }
}

public struct AccountsFileError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
