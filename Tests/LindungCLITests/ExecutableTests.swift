import Foundation
import Testing

@Suite("the lindung executable")
struct ExecutableTests {
    @Test(
        "bad input gives one line on stderr and exit code 1",
        arguments: [
            ["calc", "contribution", "--segment", "pu", "--wage", "-5000000", "--risk-class", "2", "--month", "2025-04"],
            ["calc", "contribution", "--segment", "pu", "--wage", "5000000", "--risk-class", "7", "--month", "2025-04"],
            ["calc", "contribution", "--segment", "pu", "--wage", "5000000", "--risk-class", "2", "--month", "2014-12"],
            ["calc", "contribution", "--segment", "pu", "--wage", "lots", "--risk-class", "2", "--month", "2025-04"],
            ["calc", "contribution", "--segment", "pu", "--risk-class", "2", "--month", "2025-04"],
            ["calc", "contribution", "--segment", "xx", "--month", "2025-04"],
            ["calc", "contribution", "--segment", "pu", "--wage", "5000000", "--risk-class", "2", "--month", "2025-13"],
            ["calc", "fine", "--amount", "1000", "--due", "2025-02-30", "--paid-on", "2025-03-01"],
            ["nik", "35151445086800"],
            ["nik", "3515144508680002X"],
            ["calc", "nothing"],
        ])
    func badInput(arguments: [String]) throws {
        let result = try runLindung(arguments)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("the reason names what is wrong")
    func reasons() throws {
        #expect(try runLindung(["calc", "contribution", "--segment", "pu", "--wage", "-5", "--risk-class", "2", "--month", "2025-04"]).stderr.contains("wage"))
        #expect(try runLindung(["calc", "contribution", "--segment", "pu", "--wage", "5", "--risk-class", "9", "--month", "2025-04"]).stderr.contains("risk class"))
        #expect(try runLindung(["calc", "contribution", "--segment", "pu", "--wage", "5", "--risk-class", "1", "--month", "2014-12"]).stderr.contains("2014-12-01"))
        #expect(try runLindung(["nik", "9915144508680002"]).stderr.contains("province"))
    }

    @Test("a malformed rules directory is refused with file, row and reason")
    func malformedRules() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-bad-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "year_from,year_to,age,regulation\n2015,2018,56,PP 45/2015\n2019,2021,fifty-seven,PP 45/2015\n"
            .write(to: directory.appendingPathComponent("pension_age.csv"), atomically: true, encoding: .utf8)
        let result = try runLindung(["calc", "pension-age", "--year", "2020"], environment: ["LINDUNG_RULES_DIR": directory.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("pension_age.csv, row 3"))
        #expect(result.stderr.contains("age"))
    }

    @Test("help exits 0")
    func help() throws {
        let result = try runLindung(["calc", "contribution", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--segment"))
    }
}
