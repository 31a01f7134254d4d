import Foundation
import GRDB
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
        let stored = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT name, token_sha256, role, scope FROM api_client")
        }
        #expect(stored.count == 1)
        #expect(stored.first?["token_sha256"] == TokenHash.sha256(token))
        #expect(stored.first?["scope"] == "KC-SRG")
        #expect(!stored.description.contains(token), "the token itself is never stored")
        let again = try runLindung(["token", "add", "--client", "kc-serang", "--role", "administrator", "--db", db])
        #expect(again.status == 1)
        #expect(again.stderr.contains("exists"))
    }

    @Test func userAddKeepsABcryptHash() throws {
        let db = try temporaryDatabase()
        let added = try runLindung(
            ["user", "add", "--username", "serang", "--role", "regional_officer", "--scope", "3604", "--password-stdin", "--db", db],
            stdin: "correct horse battery\n")
        #expect(added.status == 0, "\(added.stderr)")
        let stored = try DatabaseQueue(path: db).read { db in try Row.fetchOne(db, sql: "SELECT password_hash, role, scope FROM app_user") }
        let hash: String = try #require(stored?["password_hash"])
        #expect(hash.hasPrefix("$2b$12$"), "bcrypt at cost 12")
        #expect(!hash.contains("correct horse"))
        #expect(stored?["scope"] == "3604")
        // The same name again, no password, no --password-stdin, a short password
        let again = try runLindung(
            ["user", "add", "--username", "serang", "--role", "auditor", "--password-stdin", "--db", db], stdin: "another password\n")
        #expect(again.status == 1 && again.stderr.contains("exists"), "\(again.stderr)")
        let empty = try runLindung(["user", "add", "--username", "x", "--role", "auditor", "--password-stdin", "--db", db], stdin: "")
        #expect(empty.status == 1 && empty.stderr.contains("no password"), "\(empty.stderr)")
        let flagless = try runLindung(["user", "add", "--username", "x", "--role", "auditor", "--db", db])
        #expect(flagless.status == 1 && flagless.stderr.contains("--password-stdin"), "\(flagless.stderr)")
        let short = try runLindung(["user", "add", "--username", "x", "--role", "auditor", "--password-stdin", "--db", db], stdin: "short\n")
        #expect(short.status == 1 && short.stderr.contains("8 to 72 bytes"), "\(short.stderr)")
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
        let user = try runLindung(
            ["user", "add", "--username", "ops-user", "--role", "auditor", "--password-stdin", "--db", db], stdin: "ops-user-password\n")
        #expect(user.status == 0, "\(user.stderr)")
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
        // A user from `lindung user add` logs in over the socket; the attempt is recorded with the peer's address
        var login = URLRequest(url: URL(string: base + "/login")!)
        login.httpMethod = "POST"
        login.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        login.httpBody = Data("username=ops-user&password=ops-user-password".utf8)
        let (body, response) = try await URLSession.shared.data(for: login)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(String(decoding: body, as: UTF8.self))")
        #expect((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Set-Cookie")?.contains("HttpOnly") == true)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let attempt = try DatabaseQueue(path: db).read { db in
            try Row.fetchOne(db, sql: "SELECT username, succeeded, remote_address FROM login_attempt")
        }
        #expect(attempt?["username"] == "ops-user")
        #expect(attempt?["remote_address"] == "127.0.0.1")
    }

    func get(_ url: String, token: String?) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
