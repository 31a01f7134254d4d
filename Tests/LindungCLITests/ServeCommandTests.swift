import Foundation
import LindungServer
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `lindung token add` and `lindung serve` through the real executable: tokens kept as hashes, the server
/// answering with a token and refusing without, and SIGTERM shutting it down with exit code 0.
@Suite struct ServeCommandTests {
    func temporaryDatabase() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("registry.sqlite").path
    }

    @Test func tokenAddKeepsOnlyTheHash() throws {
        let db = try temporaryDatabase()
        let result = try runLindung(["token", "add", "--client", "kc-serang", "--role", "branch_officer", "--scope", "KC-SRG", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let token = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("lnd_") && token.count > 40)
        let file = try AccountsFile.read(path: db + ".accounts.json")
        #expect(file.accounts.count == 1)
        #expect(file.accounts.first?.token_sha256 == TokenHash.sha256(token))
        #expect(file.accounts.first?.scope == "KC-SRG")
        let text = try String(contentsOfFile: db + ".accounts.json", encoding: .utf8)
        #expect(!text.contains(token), "the token itself is never stored")
        let again = try runLindung(["token", "add", "--client", "kc-serang", "--role", "administrator", "--db", db])
        #expect(again.status == 1)
        #expect(again.stderr.contains("exists"))
    }

    @Test(arguments: [
        (["--role", "employer"], "needs --scope"), (["--role", "chief"], "invalid --role"),
        (["--role", "administrator", "--scope", "36"], "leave out --scope"), (["--role", "system_client"], "at least one --grant"),
        (["--role", "system_client", "--grant", "dropTables"], "invalid --grant"),
    ])
    func tokenAddRefusals(arguments: [String], message: String) throws {
        let result = try runLindung(["token", "add", "--client", "x", "--db", try temporaryDatabase()] + arguments)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func serveAnswersAndStopsOnSIGTERM() async throws {
        let db = try temporaryDatabase()
        let token = try runLindung(["token", "add", "--client", "ops", "--role", "administrator", "--db", db]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let port = Int.random(in: 20_000..<60_000)
        let process = Process()
        process.executableURL = try lindungExecutable()
        process.arguments = ["serve", "--db", db, "--port", String(port)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A hung server must not hang the suite.
        let watchdog = Task {
            try await Task.sleep(for: .seconds(60))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        // A failed expectation or a thrown error must not leave the server running either.
        defer {
            watchdog.cancel()
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        var printed = ""
        while !printed.contains("Lindung is serving") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        #expect(printed.contains("http://127.0.0.1:\(port)"))
        let base = "http://127.0.0.1:\(port)"
        let health = try await get(base + "/health", token: nil)
        #expect(health.status == 200)
        let refused = try await get(base + "/api/v1/employers/12345678", token: nil)
        #expect(refused.status == 401)
        let missing = try await get(base + "/api/v1/employers/12345678", token: token)
        #expect(missing.status == 404)
        #expect(missing.body.contains("\"not_found\""))
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    func get(_ url: String, token: String?) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
