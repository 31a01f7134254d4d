import Foundation
import Testing

@testable import LindungCLI

@Suite("lindung calc contribution")
struct CalcContributionCommandTests {
    @Test("PU JSON follows the documented contract")
    func puJSONContract() throws {
        // PP 44/2015 (JKK class 2 0.54 %, JKM 0.30 %), PP 46/2015 (JHT 3.7 % + 2 %), PP 45/2015 (JP 2 % + 1 %),
        // PP 37/2021 (JKP government 0.22 %) on a wage of Rp5,000,000 in April 2025.
        let json = try renderJSON(["calc", "contribution", "--segment", "pu", "--wage", "5000000", "--risk-class", "2", "--month", "2025-04"])
        let lines = try #require(json["lines"] as? [[String: Any]])
        #expect(lines.count == 7)
        for line in lines {
            for key in ["program", "payer", "base", "rate", "amount", "regulation"] { #expect(line[key] != nil, "line lacks \(key)") }
        }
        let jkk = try #require(lines.first { $0["program"] as? String == "JKK" })
        #expect(jkk["amount"] as? Int == 27_000)
        #expect(jkk["rate"] as? Double == 0.54)
        #expect(jkk["payer"] as? String == "employer")
        let totals = try #require(json["totals"] as? [String: Int])
        // Employer 27,000 + 15,000 + 185,000 + 100,000; worker 100,000 + 50,000; government 11,000.
        #expect(totals == ["employer": 327_000, "worker": 150_000, "government": 11_000, "participant": 0])
        #expect(json["total"] as? Int == 488_000)
    }

    @Test("BPU, Jakon and PMI totals")
    func otherSegments() throws {
        // Ruling 8: lowest bracket, JKK 10,000 + JKM 6,800 + JHT 20,000.
        let bpu = try renderJSON(["calc", "contribution", "--segment", "bpu", "--income", "1000000", "--jht", "--month", "2025-04"])
        #expect(bpu["total"] as? Int == 36_800)
        #expect((bpu["totals"] as? [String: Int])?["participant"] == 36_800)
        // Ruling 9: 850 M by marginal tiers: JKK 1,345,000 + JKM 180,000.
        let jakon = try renderJSON(["calc", "contribution", "--segment", "jakon", "--contract-value", "850000000", "--month", "2025-04"])
        #expect(jakon["total"] as? Int == 1_525_000)
        // Ruling 10: 37,500 before placement + 332,500 for a 24-month contract.
        let pmi = try renderJSON(["calc", "contribution", "--segment", "pmi", "--contract-months", "24", "--month", "2025-04"])
        #expect(pmi["total"] as? Int == 370_000)
        let before = try renderJSON(["calc", "contribution", "--segment", "pmi", "--contract-months", "24", "--stage", "before", "--month", "2025-04"])
        #expect(before["total"] as? Int == 37_500)
    }

    @Test("the human table names every program and the totals")
    func humanTable() throws {
        let text = try render(["calc", "contribution", "--segment", "pu", "--wage", "5000000", "--risk-class", "2", "--month", "2025-04"])
        for program in ["JKK", "JKM", "JHT", "JP", "JKP"] { #expect(text.contains(program)) }
        #expect(text.contains("total: Rp488.000"))
    }

    @Test("--rules loads an operator's tables without a rebuild")
    func rulesDirectory() throws {
        // An operator publishes a different 2026 JP cap (the CONFLICT in REGULATIONS.md 2.4).
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundled = try String(contentsOf: bundledRulesFile("parameters.csv"), encoding: .utf8)
        let amended = bundled.replacingOccurrences(of: "2026-03-01,,11086300", with: "2026-03-01,,10547000")
        #expect(amended != bundled)
        try amended.write(to: directory.appendingPathComponent("parameters.csv"), atomically: true, encoding: .utf8)
        let arguments = ["calc", "contribution", "--segment", "pu", "--wage", "20000000", "--risk-class", "1", "--month", "2026-04"]
        let bundledJP = try jpEmployer(try renderJSON(arguments))
        let amendedJP = try jpEmployer(try renderJSON(arguments + ["--rules", directory.path]))
        #expect(bundledJP == 221_726)  // 2 % of 11,086,300 = 221,726
        #expect(amendedJP == 210_940)  // 2 % of 10,547,000 = 210,940
    }

    private func jpEmployer(_ json: [String: Any]) throws -> Int? {
        let lines = try #require(json["lines"] as? [[String: Any]])
        return lines.first { $0["program"] as? String == "JP" && $0["payer"] as? String == "employer" }?["amount"] as? Int
    }
}

/// The bundled copy of a rule table, found through the core's resource bundle.
func bundledRulesFile(_ name: String) throws -> URL {
    let executable = try lindungExecutable().deletingLastPathComponent()
    let candidates = try FileManager.default.contentsOfDirectory(atPath: executable.path).filter { $0.hasSuffix("LindungCore.resources") }
    let bundle = try #require(candidates.first, "no LindungCore resource bundle in \(executable.path)")
    return executable.appendingPathComponent(bundle).appendingPathComponent("Resources/rules/\(name)")
}
