import ArgumentParser
import Foundation
import LindungServer

/// `lindung user add --username U --role ROLE [--scope CODE] --password-stdin`: a person who logs in to
/// `lindung serve` with a password; only its bcrypt hash (cost 12) is stored, in `app_user` (docs/server.md).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the users who log in to `lindung serve`.", subcommands: [UserAdd.self], defaultSubcommand: UserAdd.self
    )
}

struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a user; the password is read from standard input.")
    @Option(help: "The login name (unique, no spaces).") var username: String
    @Option(help: "administrator, regional_officer, agency_operator, branch_officer, employer or auditor.") var role: String
    @Option(help: "Region code (regional_officer), NPP (agency_operator, employer) or branch office code (branch_officer).") var scope: String?
    @Flag(help: "Read the password from the first line of standard input (required: a password never goes on the command line).")
    var passwordStdin = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard passwordStdin else { throw ValidationError("give --password-stdin and the password on standard input") }
    }

    func run() async throws {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw CLIError("no password on standard input") }
        try await withStore(store) { store in
            try await accountCommand {
                try await AccountCreation.addUser(username: username, password: line, role: role, scope: scope, to: store)
            }
        }
        print("Added \(role) '\(username)'.")
    }
}
