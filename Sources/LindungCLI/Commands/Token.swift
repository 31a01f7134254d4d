import ArgumentParser
import Foundation
import LindungServer

/// `lindung token add --client NAME --role ROLE [--scope CODE] [--grant OPERATION …]`: an API token for
/// `lindung serve`, printed once; only its SHA-256 is kept, in `<database>.accounts.json` (docs/server.md).
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage API tokens for `lindung serve`.", subcommands: [TokenAdd.self], defaultSubcommand: TokenAdd.self)
}

struct TokenAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create an API token; it is printed once.")
    @Option(help: "The account's name (unique).") var client: String
    @Option(help: "administrator, regional_officer, agency_operator, branch_officer, employer, auditor or system_client.") var role: String
    @Option(help: "Region code (regional_officer), NPP (agency_operator, employer) or branch office code (branch_officer).") var scope: String?
    @Option(parsing: .singleValue, help: "An operation id of /api/openapi.json a system_client may call (repeat for more).") var grant: [String] = []
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let role = Account.Role(rawValue: role) else {
            throw CLIError("invalid --role '\(role)': one of \(Account.Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if role.isScoped && (scope ?? "").isEmpty { throw CLIError("a \(role.rawValue) needs --scope") }
        if !role.isScoped && scope != nil { throw CLIError("a \(role.rawValue) sees everything: leave out --scope") }
        if role != .systemClient && !grant.isEmpty { throw CLIError("--grant is for a system_client only") }
        if role == .systemClient && grant.isEmpty { throw CLIError("a system_client needs at least one --grant") }
        let known = Set(ServerRoutes.all.map(\.operationID))
        for operation in grant where !known.contains(operation) {
            throw CLIError("invalid --grant '\(operation)': one of \(known.sorted().joined(separator: ", "))")
        }
        let path = AccountsFile.path(forDatabase: store.location)
        var file = try AccountsFile.read(path: path)
        guard !file.accounts.contains(where: { $0.name == client }) else { throw CLIError("an account named '\(client)' exists in \(path)") }
        let token = TokenHash.newToken()
        file.accounts.append(.init(account: Account(name: client, role: role, scope: scope, grants: grant), tokenSHA256: TokenHash.sha256(token)))
        try file.write(path: path)
        print(token)
    }
}
