import ArgumentParser
import Foundation
import LindungServer

/// `lindung token add --client NAME --role ROLE [--scope CODE] [--grant OPERATION …]`: an API token for
/// `lindung serve`, printed once; only its SHA-256 is kept, in the store's `api_client` (docs/server.md).
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage API tokens for `lindung serve`.", subcommands: [TokenAdd.self], defaultSubcommand: TokenAdd.self)
}

struct TokenAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create an API token; it is printed once.")
    @Option(help: "The client's name (unique).") var client: String
    @Option(help: "administrator, regional_officer, agency_operator, branch_officer, employer, auditor or system_client.") var role: String
    @Option(help: "Region code (regional_officer), NPP (agency_operator, employer) or branch office code (branch_officer).") var scope: String?
    @Option(parsing: .singleValue, help: "An operation id of /api/openapi.json a system_client may call (repeat for more).") var grant: [String] = []
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let token = try await withStore(store) { store in
            try await accountCommand { try await AccountCreation.addAPIClient(name: client, role: role, scope: scope, grants: grant, to: store) }
        }
        print(token)
    }
}

/// Refusals of `AccountCreation` as one line on standard error, like every other command's.
func accountCommand<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let error as AccountError { throw CLIError(error.description) }
}
