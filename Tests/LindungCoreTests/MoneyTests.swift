import Testing
@testable import LindungCore

/// Money and rates: ruling 1 (half-up to whole rupiah) and the rupiah notation of Indonesian documents.
@Suite("Money and Rate")
struct MoneyTests {
    let rules: RuleSet

    init() throws {
        rules = try RuleSet()
    }

    // Indonesian notation: "Rp" and dots between thousands.
    @Test(
        "formatting rupiah",
        arguments: [
            (Rupiah(1_234_567), "Rp1.234.567"), (Rupiah(0), "Rp0"), (Rupiah(999), "Rp999"), (Rupiah(1_000), "Rp1.000"),
            (Rupiah(100_000), "Rp100.000"), (Rupiah(20_000_000), "Rp20.000.000"), (Rupiah(-1_500), "-Rp1.500"),
        ])
    func format(amount: Rupiah, text: String) {
        #expect(Money.format(amount) == text)
    }

    // Ruling 1: half-up (not banker's rounding): 0.5 → 1, 0.4 → 0, 1.5 → 2, 2.5 → 3.
    @Test("roundHalfUp")
    func roundHalfUp() {
        #expect(Money.roundHalfUp(5, over: 10) == 1)
        #expect(Money.roundHalfUp(4, over: 10) == 0)
        #expect(Money.roundHalfUp(15, over: 10) == 2)
        #expect(Money.roundHalfUp(25, over: 10) == 3)
        #expect(Money.roundHalfUp(49, over: 100) == 0)
        #expect(Money.roundHalfUp(0, over: 7) == 0)
        #expect(Money.roundHalfUp(20, over: 10) == 2)
    }

    // Ruling 1; PP 44/2015 0.24 %: 1,234,567 × 0.24 % = 2,962.9608 → 2,963.
    @Test("apply a rate and round")
    func apply() throws {
        let rate = try #require(Rate(percent: "0.24"))
        #expect(Money.apply(rate, to: 1_234_567) == 2_963)
        // Ruling 14: 0.24 % × 1 % × 5,000,000 = 120, computed exactly before one rounding
        #expect(Money.apply(rate, and: try #require(Rate(percent: "1")), to: 5_000_000) == 120)
        // 0.24 % × 1 % × 1,234,567 = 29.629608 → 30
        #expect(Money.apply(rate, and: try #require(Rate(percent: "1")), to: 1_234_567) == 30)
    }

    // The largest amounts stay exact: 1.74 % × 10^15 = 1.74 × 10^13.
    @Test("no overflow on large amounts")
    func largeAmounts() throws {
        let rate = try #require(Rate(percent: "1.74"))
        #expect(Money.apply(rate, to: 1_000_000_000_000_000) == 17_400_000_000_000)
    }

    @Test("rates round-trip their description", arguments: ["0.24", "3.7", "100", "0.0021", "0.123456", "2"])
    func rateRoundTrip(text: String) throws {
        let rate = try #require(Rate(percent: text))
        #expect(rate.description == text)
    }

    @Test("rate parsing details")
    func rateParsing() {
        #expect(Rate(percent: "0.24")?.micropercent == 240_000)
        #expect(Rate(percent: "3.70")?.description == "3.7")
        #expect(Rate(percent: "0.30") == Rate(percent: "0.3"))
        #expect(Rate(percent: "0")?.description == "0")
        #expect(Rate.percent(60).description == "60")
    }

    // Rates hold at most six decimals of a percent; negatives and malformed text are refused.
    @Test("malformed, negative or too precise rates are nil", arguments: ["0.1234567", "-1", "-0.5", "", "abc", "1.", ".5", "1.2.3", "+1", "1e2"])
    func rateRejects(text: String) {
        #expect(Rate(percent: text) == nil)
    }

    // Ruling 14: 0.24 % at 1 % of normal = 0.0024 %.
    @Test("scaling a rate by a relief factor")
    func scaled() throws {
        let rate = try #require(Rate(percent: "0.24"))
        #expect(rate.scaled(by: try #require(Rate(percent: "1"))).description == "0.0024")
    }

    @Test("rates compare by value")
    func comparison() {
        #expect(Rate(percent: "0.24")! < Rate(percent: "0.54")!)
        #expect(Rate.percent(100) > Rate(percent: "99.999999")!)
    }
}
