import ArgumentParser
import Foundation
import LindungCompliance
import LindungCore
import LindungStorage

/// `lindung compliance scan|status|advance|certificate|verify` (issue 6, docs/compliance.md).
struct ComplianceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance", abstract: "Employer compliance: findings, the PP 86/2013 sanction ladder, signed certificates.",
        subcommands: [Scan.self, Status.self, Advance.self, Certificate.self, Verify.self, Letter.self])

    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Evaluate every employer (and licence) of a region and store the findings.")
        @Option(help: "A regency/city (4 digits) or province (2 digits); default: everything.") var region: String?
        @Option(help: "The day of the scan, YYYY-MM-DD (default: today).") var on: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let day = try on.map { try ArgumentValue.date($0, option: "--on") } ?? ArgumentValue.today
            let reference = try ReferenceData()
            try await withStore(store) { store in
                let started = Date()
                let summary = try await store.scanCompliance(
                    ComplianceScanRequest(
                        on: day, region: region, minimumWages: reference.minimumWages, ladder: SanctionLadder(calendar: reference.holidays),
                        actor: ArgumentValue.actor))
                Timing.report("compliance scan", since: started)
                let seen = FindingKind.allCases.map { "\($0.rawValue) \(summary.seen[$0] ?? 0)" }.joined(separator: ", ")
                print("Scanned \(region ?? "all regions") on \(day.iso): \(seen).")
                print("Findings: \(summary.opened) opened (first written warning), \(summary.stillOpen) still open, \(summary.cured) cured.")
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An employer's compliance: status, findings with evidence, ladder history.")
        @Argument(help: "NPP (8 digits) or NIB (13 digits).") var identifier: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await withStore(store) { store in
                guard let subject = try await store.complianceSubject(identifier: identifier) else {
                    print("\(identifier): not registered (no employer or licence with this NPP or NIB).")
                    return
                }
                print("\(subject.name) (NPP \(subject.npp ?? "-"), NIB \(subject.nib ?? "-"), region \(subject.regionCode)): \(subject.status.rawValue)")
                for finding in subject.findings {
                    let state = finding.curedOn.map { "cured \($0.iso)" } ?? "open since \(finding.openedOn.iso)"
                    let due = finding.position.dueOn.map { " until \($0.iso)" } ?? ""
                    print("- \(finding.kind.rawValue): \(state); \(finding.position.stage.rawValue) from \(finding.position.enteredOn.iso)\(due)")
                    print("  evidence: " + finding.evidence.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
                    print("  rule: \(finding.rule)")
                    for step in finding.history {
                        print("  \(step.enteredOn.iso) \(step.stage.rawValue)\(step.fine.map { " fine Rp\($0)" } ?? "") by \(step.actor)")
                    }
                }
            }
        }
    }

    struct Advance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move every finding whose ladder step ran out to the next step.")
        @Option(help: "The day, YYYY-MM-DD (default: today).") var on: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let day = try on.map { try ArgumentValue.date($0, option: "--on") } ?? ArgumentValue.today
            let ladder = SanctionLadder(calendar: try ReferenceData().holidays)
            try await withStore(store) { store in
                let steps = try await store.advanceSanctions(on: day, ladder: ladder, actor: ArgumentValue.actor)
                for step in steps {
                    print("\(step.subject) \(step.kind.rawValue): \(step.stage.rawValue) from \(step.enteredOn.iso)\(step.dueOn.map { " until \($0.iso)" } ?? "")")
                }
                print("\(steps.count) step(s) taken on \(day.iso).")
            }
        }
    }

    struct Certificate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a signed compliance certificate (HTML with a QR code) and print its token.")
        @Argument(help: "NPP (8 digits) or NIB (13 digits).") var identifier: String
        @Option(help: "Write the certificate page (HTML) here.") var out: String?
        @Option(help: "The day of issue, YYYY-MM-DD (default: today).") var on: String?
        @Option(help: "The server's public address, for the verification URL.") var baseURL = "http://localhost:8080"
        @OptionGroup var keys: KeyOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let day = try on.map { try ArgumentValue.date($0, option: "--on") } ?? ArgumentValue.today
            let signing = try keys.load(store: store)
            try await withStore(store) { store in
                guard let subject = try await store.complianceSubject(identifier: identifier) else {
                    throw CLIError("\(identifier) is not registered: no employer or licence with this NPP or NIB")
                }
                let certificate = ComplianceCertificate(subject: subject, on: day, kid: signing.keyID)
                let token = try CertificateToken.sign(certificate, keys: signing)
                let url = CertificateToken.verificationURL(base: baseURL, token: token)
                if let out {
                    try Data(try CertificateDocument.html(certificate, token: token, verificationURL: url).utf8).write(to: URL(fileURLWithPath: out))
                    print("Certificate for \(subject.name): \(certificate.status.rawValue), valid until \(certificate.expires); written to \(out).")
                }
                print(token)
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a certificate offline: its signature and expiry.")
        @Argument(help: "A certificate file, a verification URL or a token.") var input: String
        @Option(help: "The instance's published public key file (default: the key directory's).") var publicKey: String?
        @Option(help: "The day to check on, YYYY-MM-DD (default: today).") var on: String?
        @OptionGroup var keys: KeyOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let day = try on.map { try ArgumentValue.date($0, option: "--on") } ?? ArgumentValue.today
            let text = FileManager.default.fileExists(atPath: input) ? try String(contentsOfFile: input, encoding: .utf8) : input
            guard let token = CertificateToken.extract(from: text) else { throw CLIError("no certificate token found in \(input)") }
            let keyPath = publicKey ?? keys.directory(store: store).appendingPathComponent(CertificateKeys.publicFile).path
            let key = try CertificateKeys.publicKey(text: try String(contentsOfFile: keyPath, encoding: .utf8))
            switch CertificateToken.verify(token, publicKey: key, on: day) {
            case .valid(let certificate):
                print("VALID: \(certificate.name) (NPP \(certificate.npp ?? "-"), NIB \(certificate.nib ?? "-")) \(certificate.status.rawValue), "
                    + "issued \(certificate.issued), valid until \(certificate.expires).")
            case .expired(let certificate):
                throw CLIError("certificate for \(certificate.name) expired on \(certificate.expires)")
            case .badSignature:
                throw CLIError("the signature does not match: the certificate was altered or signed with another key")
            case .malformed(let reason):
                throw CLIError("not a certificate token: \(reason)")
            }
        }
    }
}

/// Where the signing keys live: `--keys DIR`, else `lindung-keys` beside the SQLite file (or in the current
/// directory for PostgreSQL). Never in the database.
struct KeyOptions: ParsableArguments {
    @Option(help: "Directory of the certificate signing keys (default: lindung-keys beside the database).") var keys: String?

    func directory(store: StoreOptions) -> URL {
        if let keys { return URL(fileURLWithPath: keys) }
        let location = store.location
        if location.hasPrefix("postgres") { return URL(fileURLWithPath: "lindung-keys") }
        return URL(fileURLWithPath: location).deletingLastPathComponent().appendingPathComponent("lindung-keys")
    }

    func load(store: StoreOptions) throws -> CertificateKeys {
        let directory = directory(store: store)
        let (keys, created) = try CertificateKeys.loadOrCreate(directory: directory)
        if created {
            FileHandle.standardError.write(Data("Generated the certificate signing key in \(directory.path) (publish \(CertificateKeys.publicFile)).\n".utf8))
        }
        return keys
    }
}
