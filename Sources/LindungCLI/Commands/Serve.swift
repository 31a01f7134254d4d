import ArgumentParser
import Foundation
import Hummingbird
import LindungClaims
import LindungCore
import LindungDemo
import LindungServer
import LindungStorage
import Logging
import Metrics
import Prometheus

/// `lindung serve [--db …] [--host 127.0.0.1] [--port 8080] [--demo]`: the web server and JSON API
/// (docs/server.md), until SIGTERM or SIGINT, which shut it down gracefully (ServiceLifecycle).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the JSON API server (docs/server.md) until SIGTERM or Ctrl-C.")
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Generate the demo province (Banten, 50,000 participants, seed 1) first when the registry is empty.") var demo = false
    @Option(name: .long, help: "A directory of rule tables replacing the bundled ones file by file (or LINDUNG_RULES_DIR).") var rules: String?
    @Flag(help: "Behind a reverse proxy: count failed logins by the first X-Forwarded-For address rather than the proxy's.")
    var trustForwardedFor = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var keys: KeyOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("invalid --port '\(port)': must be 0 to 65535") }
    }

    func run() async throws {
        let source = try tableSource()
        let ruleSet = try RuleSet(source: source)
        let reference = try ReferenceData(source: source)
        var logger = Logger(label: "lindung.server")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        // Once per process, and only here: tests build the app without a metrics backend.
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let url = "http://\(host):\(port)"
        try await withStore(store) { store in
            if demo {
                try await Self.generateDemoIfEmpty(store, reference: reference)
                try await Self.addDemoAccounts(store, url: url)
            }
            if try await store.accountCounts() == (0, 0) {
                say("No users or API clients yet: every /api/v1 request will be refused (add one with `lindung user add` or `lindung token add`).")
            }
            let environment = ServerEnvironment(
                store: store, accounts: StoreAccounts(store: store), rules: ruleSet, holidays: reference.holidays, today: { ArgumentValue.today },
                actor: ProcessInfo.processInfo.environment["LINDUNG_ACTOR"] ?? "server", metricsText: { registry.emitToString() },
                trustForwardedFor: trustForwardedFor, reference: reference, certificateKeys: try keys.load(store: self.store),
                claimDocuments: .forStore(location: self.store.location))
            let app = buildApplication(environment: environment, host: host, port: port, logger: logger) {
                say("Lindung is serving \(url) (health: \(url)/health, API: \(url)/api/v1, document: \(url)/api/openapi.json); Ctrl-C stops it.")
            }
            try await app.runService()
        }
    }

    /// The demo of the README: Banten, 50,000 participants, seed 1, generated once into an empty registry.
    static func generateDemoIfEmpty(_ store: any LindungStore, reference: ReferenceData) async throws {
        let counts = try await store.counts()
        guard counts.persons == 0 && counts.employers == 0 else { return }
        let configuration = DemoConfiguration(provinceCode: "36", workers: 50_000, seed: 1, referenceMonth: YearMonth(year: 2025, month: 12))
        say("Generating the demo province (Banten, 50,000 participants, seed 1); this takes a little while …")
        let summary = try await DemoProvince.generate(configuration, reference: reference, into: store)
        say("Generated \(summary.persons) persons, \(summary.employers) employers.")
    }

    /// With `--demo`, a store without accounts gets an administrator token and an administrator user with a
    /// random password, both printed once (only their hashes are stored).
    static func addDemoAccounts(_ store: any LindungStore, url: String) async throws {
        guard try await store.accountCounts() == (0, 0) else { return }
        let token = try await AccountCreation.addAPIClient(name: "demo-admin", role: "administrator", scope: nil, grants: [], to: store)
        // A fixed letter first: a random base64url text may start with '-', which a shell tool reads as an option.
        let password = "demo" + TokenHash.randomText(bytes: 12)
        try await AccountCreation.addUser(username: "demo-admin", password: password, role: "administrator", scope: nil, to: store)
        say("Demo administrator token (shown once; only its hash is stored): \(token)")
        say("Try: curl -H 'Authorization: Bearer \(token)' '\(url)/api/v1/persons?name=siti'")
        say("Demo user for the browser (shown once): username demo-admin, password \(password) (POST \(url)/login)")
    }

    private func tableSource() throws -> TableSource {
        guard let path = rules ?? ProcessInfo.processInfo.environment[TableSource.rulesDirectoryVariable] else { return .bundled }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("rules directory '\(path)' does not exist")
        }
        return .directory(URL(fileURLWithPath: path))
    }
}

/// A line on standard output at once: `print` is block-buffered when output goes to a file or a pipe, and
/// the URL and the demo token must be there while the server runs.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
