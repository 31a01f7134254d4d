public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prints an HTML file to PDF with Debian's headless Chromium (`apt-get install chromium`):
///
///     chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=OUT file:///IN.html
///
/// Paper size, margins and page numbers come from the document's own print CSS: `@page { size: A4;
/// margin: …; @bottom-center { content: counter(page) " / " counter(pages) } }`; Chromium honours `@page`
/// margin boxes since version 131 (checked on Debian's 156 here). Chromium writes the PDF beside the
/// target and it is renamed into place, so a failure leaves no partial file. Each run uses a throwaway
/// profile directory, so runs in parallel do not share (or lock) one profile.
///
/// `--no-sandbox` is needed when running as root (CI, containers); the input is our own generated HTML.
public struct ChromiumPDF: Sendable {
    /// The browser binary; by default `LINDUNG_CHROMIUM`, else the first of `chromium`, `chromium-browser`,
    /// `google-chrome` on `PATH`.
    public let executable: String?
    /// The longest a print may take before the browser is stopped.
    public let timeout: Duration

    public init(executable: String? = nil, timeout: Duration = .seconds(60)) {
        self.executable = executable ?? Self.find()
        self.timeout = timeout
    }

    public var isAvailable: Bool { executable != nil }

    /// Searches `PATH` (and `LINDUNG_CHROMIUM`) for a Chromium binary.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["LINDUNG_CHROMIUM"], !chosen.isEmpty { return chosen }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Prints the HTML file `input` to `output` (PDF). Throws `ExportError` naming the reason: no Chromium
    /// installed, the browser failing (its last lines of output), the timeout, or no PDF written.
    public func print(html input: URL, to output: URL) async throws(ExportError) {
        guard let executable else {
            throw ExportError(
                reason: "printing PDF needs Chromium, which is not installed: apt-get install chromium (or set LINDUNG_CHROMIUM to the browser's path)")
        }
        let staging = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(UUID().uuidString).partial.pdf")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-chromium-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: staging)
            try? FileManager.default.removeItem(at: profile)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--mute-audio", "--user-data-dir=\(profile.path)", "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw", "--virtual-time-budget=5000", "--print-to-pdf=\(staging.path)",
            input.absoluteURL.absoluteString,
        ]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        let collected = LogCollector()
        log.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        do {
            try process.run()
        } catch {
            throw ExportError(reason: "cannot start Chromium at \(executable): \(error)")
        }
        let started = ContinuousClock.now
        while process.isRunning {
            if ContinuousClock.now - started > timeout {
                process.terminate()
                try? await Task.sleep(for: .milliseconds(500))
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                log.fileHandleForReading.readabilityHandler = nil
                throw ExportError(reason: "Chromium did not finish printing \(input.lastPathComponent) within \(timeout)")
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        log.fileHandleForReading.readabilityHandler = nil
        let size = (try? FileManager.default.attributesOfItem(atPath: staging.path)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            let lines = collected.text.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw ExportError(reason: "Chromium (exit \(process.terminationStatus)) wrote no PDF for \(input.lastPathComponent): \(lines)")
        }
        if rename(staging.path, output.path) != 0 {
            throw ExportError(reason: "cannot write '\(output.path)': \(String(cString: strerror(errno)))")
        }
    }

    /// Prints an HTML document held in memory: written to a temporary file first, which is then removed.
    public func print(html text: String, to output: URL) async throws(ExportError) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-print-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data(text.utf8).write(to: file)
        } catch {
            throw ExportError(reason: "cannot write the temporary HTML '\(file.path)': \(error)")
        }
        try await print(html: file, to: output)
    }
}

/// The browser's output, kept for the error message.
private final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        defer { lock.unlock() }
        if data.count < 64_000 { data.append(chunk) }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
