public import ArgumentParser
import Foundation
import LindungCore
import LindungImport
import LindungStorage

/// The entry point `lindung` calls: runs a command and turns every failure into one line on standard
/// error and exit code 1 (a help request prints help and exits 0).
public enum LindungMain {
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Int32 {
        do {
            var command = try Lindung.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as DomainError {
            return fail(error.description)
        } catch let error as CLIError {
            return fail(error.description)
        } catch let error as StoreError {
            return fail(error.description)
        } catch let error as ImportFileError {
            return fail(error.description)
        } catch {
            if Lindung.exitCode(for: error) == .success {
                print(Lindung.fullMessage(for: error))
                return 0
            }
            let message = Lindung.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            return fail(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
        }
    }

    private static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return 1
    }
}

/// A refusal by the command-line layer itself (a missing option for the chosen segment, a bad date).
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The root command.
public struct Lindung: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lindung",
        abstract: "Lindung: employment social security (BPJS Ketenagakerjaan) for regional governments.",
        subcommands: [
            Calc.self, NIKCommand.self, NPWPCommand.self, NIBCommand.self, Migrate.self, Import.self, Demo.self, PersonCommand.self,
            EmployerCommand.self, BillCommand.self, PayCommand.self, PrepayCommand.self, ArrearsCommand.self, StandingCommand.self, Simulate.self, Serve.self,
            TokenCommand.self, UserCommand.self, ClaimCommand.self, JHTCommand.self, ReportCommand.self, ComplianceCommand.self, CoverageCommand.self, TargetCommand.self,
        ])

    public init() {}
}

/// A command whose output is text built by `render()`, so tests can read it without capturing stdout.
protocol RenderingCommand: ParsableCommand {
    func render() throws -> String
}

extension RenderingCommand {
    public func run() throws {
        print(try render())
    }
}
