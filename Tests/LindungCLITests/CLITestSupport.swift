import ArgumentParser
import Foundation
import Testing

@testable import LindungCLI

/// Runs a subcommand in-process and returns what it would print.
func render(_ arguments: [String]) throws -> String {
    let command = try Lindung.parseAsRoot(arguments)
    let rendering = try #require(command as? any RenderingCommand, "\(arguments) is not a printing command")
    return try rendering.render()
}

/// Runs a subcommand in-process and decodes its JSON output.
func renderJSON(_ arguments: [String]) throws -> [String: Any] {
    let text = try render(arguments + ["--json"])
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
}

/// The built `lindung` executable next to the test bundle (SwiftPM puts both in .build/<config>/).
func lindungExecutable() throws -> URL {
    let testBinary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    var directory = testBinary.deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("lindung")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "lindung next to \(testBinary.path)"])
}

struct ProcessResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the real executable, as a user would from a shell.
func runLindung(_ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = try lindungExecutable()
    process.arguments = arguments
    if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    if stdin != nil { process.standardInput = input }
    try process.run()
    if let stdin {
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}
