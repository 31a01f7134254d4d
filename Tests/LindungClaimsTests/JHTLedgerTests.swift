import LindungClaims
import LindungCore
import Testing

/// The JHT ledger (issue 8): credits in the month paid, the year-end return once, withdrawals, statements,
/// one ledger per person whatever the employer.
@Suite("JHT ledger")
struct JHTLedgerTests {
    @Test("a ledger moves with the person across two employers")
    func twoEmployers() throws {
        var ledger = JHTLedger(nik: "3171011005850001")
        // PU JHT: 3.7 % + 2 % of a 5,000,000 wage = 285,000 a month (PP 46/2015).
        try ledger.credit(285_000, paidOn: day("2025-02-14"), employer: "10000001", reference: "202501-10000001-E")
        try ledger.credit(285_000, paidOn: day("2025-03-14"), employer: "10000001", reference: "202502-10000001-E")
        try ledger.credit(342_000, paidOn: day("2025-05-15"), employer: "20000002", reference: "202504-20000002-E")
        #expect(ledger.balance(on: day("2025-04-30")) == 570_000)
        #expect(ledger.balance(on: day("2025-05-31")) == 912_000)
        #expect(Set(ledger.entries.compactMap(\.employer)) == ["10000001", "20000002"])
        // The same bill reference is not credited twice.
        let again = try ledger.credit(285_000, paidOn: day("2025-02-14"), employer: "10000001", reference: "202501-10000001-E")
        #expect(!again)
        #expect(ledger.balance(on: day("2025-12-31")) == 912_000)
    }

    @Test("the year-end return: weighted by months held, credited on 31 December, once even if run twice")
    func yearReturnOnce() throws {
        var ledger = JHTLedger(nik: "3171011005850001")
        try ledger.credit(10_000_000, paidOn: day("2024-06-15"), employer: "10000001", reference: "opening")
        try ledger.credit(1_200_000, paidOn: day("2025-03-14"), employer: "10000001", reference: "202502-10000001-E")
        // 10,000,000 × 12 + 1,200,000 × 9 = 130,800,000 month-rupiah; × 7 % / 12 = 763,000.
        let rate = JHTReturnRate(year: 2025, rate: Rate(percent: "7.0")!, enteredBy: "admin")
        let first = ledger.postYearReturn(rate)
        let posted = try #require(first)
        #expect(posted.amount == 763_000)
        #expect(posted.date == day("2025-12-31"))
        let second = ledger.postYearReturn(rate)
        #expect(second == nil)
        #expect(ledger.entries.filter { $0.kind == .yearReturn }.count == 1)
        #expect(ledger.balance(on: day("2025-12-31")) == 11_963_000)
    }

    @Test("withdrawals debit, never beyond the balance; a statement has its opening and closing balance")
    func statement() throws {
        var ledger = JHTLedger(nik: "3171011005850001")
        try ledger.credit(500_000, paidOn: day("2025-01-15"), employer: "10000001", reference: "a")
        try ledger.credit(500_000, paidOn: day("2025-02-15"), employer: "10000001", reference: "b")
        #expect(throws: DomainError.self) { try ledger.withdraw(1_000_001, on: day("2025-03-01"), reference: "claim-1") }
        try ledger.withdraw(100_000, on: day("2025-03-01"), reference: "claim-1")
        let statement = try ledger.statement(from: day("2025-02-01"), to: day("2025-03-31"))
        #expect(statement.opening == 500_000)
        #expect(statement.entries.map(\.amount) == [500_000, -100_000])
        #expect(statement.closing == 900_000)
    }
}
