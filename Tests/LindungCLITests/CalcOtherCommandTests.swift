import Foundation
import Testing

@testable import LindungCLI

@Suite("lindung calc benefit, pension-age, due-date, fine and nik")
struct CalcOtherCommandTests {
    @Test("benefit JSON has components and total")
    func benefits() throws {
        // PP 82/2019: 20 M + 12 M + 10 M.
        let jkm = try renderJSON(["calc", "benefit", "jkm", "--death-date", "2025-03-01", "--contribution-months", "48"])
        #expect(jkm["total"] as? Int == 42_000_000)
        #expect((jkm["components"] as? [[String: Any]])?.count == 3)
        #expect((jkm["scholarship"] as? [String: Any])?["eligible"] as? Bool == true)
        // PP 82/2019: 48 × 4,000,000 + 12 M periodic + 10 M funeral.
        let death = try renderJSON(["calc", "benefit", "jkk-death", "--wage", "4000000", "--date", "2025-03-01"])
        #expect(death["total"] as? Int == 214_000_000)
        // Ruling 7: 12 × 6 M + 3 × 3 M.
        let stmb = try renderJSON(["calc", "benefit", "stmb", "--wage", "6000000", "--months-off", "15", "--date", "2025-03-01"])
        #expect(stmb["total"] as? Int == 81_000_000)
        // PP 6/2025: 60 % × 5,000,000 (cap) × 6.
        let jkp = try renderJSON(["calc", "benefit", "jkp", "--wage", "7000000", "--layoff-date", "2025-06-10"])
        #expect(jkp["total"] as? Int == 18_000_000)
    }

    @Test("pension-age, due-date and fine print their main figure under its own name")
    func mainFigures() throws {
        // Ruling 4: 60 in 2028.
        #expect(try renderJSON(["calc", "pension-age", "--year", "2028"])["pension_age"] as? Int == 60)
        // Ruling 5: 15 June 2025 is a Sunday, so the May 2025 PU month is due Monday 16 June.
        #expect(try renderJSON(["calc", "due-date", "--segment", "pu", "--month", "2025-05"])["due_date"] as? String == "2025-06-16")
        // Ruling 5: paid 10 July on a 15 May due date = 2 started months × 2 % × 477,000.
        #expect(try renderJSON(["calc", "fine", "--amount", "477000", "--due", "2025-05-15", "--paid-on", "2025-07-10"])["fine"] as? Int == 19_080)
    }

    @Test("nik JSON decodes region, sex and birth date")
    func nik() throws {
        let json = try renderJSON(["nik", "3515144508680002"])
        #expect(json["valid"] as? Bool == true)
        #expect(json["province"] as? String == "35")
        #expect(json["regency"] as? String == "3515")
        #expect(json["sex"] as? String == "female")
        #expect(json["birth_date"] as? String == "1968-08-05")
    }
}

@Suite("lindung simulate budget")
struct SimulateBudgetCommandTests {
    @Test("the issue's example: region 3604, 15,000 vulnerable, 8,000 non-ASN at the 2026 UMK")
    func issueExample() throws {
        let json = try renderJSON(["simulate", "budget", "--region", "3604", "--vulnerable", "15000", "--non-asn", "8000", "--year", "2026"])
        #expect(json["vulnerable_year"] as? Int64 == 3_024_000_000)  // 16,800 × 15,000 × 12
        let wage = try #require(json["non_asn_wage"] as? Int64)
        let perWorker = (wage * 240_000 * 2 + 100_000_000) / 200_000_000 + (wage * 300_000 * 2 + 100_000_000) / 200_000_000
        #expect(json["non_asn_year"] as? Int64 == perWorker * 8_000 * 12)
        #expect((json["months"] as? [Any])?.count == 12)
        #expect(json["region_name"] as? String != nil)
    }

    @Test("an unknown region is refused with the option named")
    func unknownRegion() {
        #expect(throws: (any Error).self) { _ = try render(["simulate", "budget", "--region", "9999", "--year", "2026"]) }
    }
}
