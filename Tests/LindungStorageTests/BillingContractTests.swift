import Foundation
import LindungCore
import LindungStorage
import Testing

/// Billing, payments and arrears with amounts worked by hand from the rule tables, on every backend.
/// April 2025: JKK risk class 2 = 0.54 %, class 1 = 0.24 %, JKM 0.30 %, JHT 3.7 % + 2 %, JP 2 % + 1 % up to
/// Rp10,547,400 (from March 2025; Rp10,042,300 before), JKP government share 0.22 % of up to Rp5,000,000,
/// pension age 59 (REGULATIONS.md 2.1-2.4, rulings 1-5, 11, 12).
@Suite("Billing contract: bills, adjustments, payments, fines, arrears")
struct BillingContractTests {
    typealias F = RegistryFixtures

    static let rules = try! RuleSet()
    static let holidays = try! ReferenceData().holidays
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    static func month(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }

    static let budi = F.person(1, name: "Budi")
    static let siti = F.person(2, name: "Siti", born: "1991-02-03", sex: .female)
    /// 65 in April 2025: past the pension age of 59, so no JP (ruling 12).
    static let darmo = F.person(3, name: "Darmo", born: "1960-03-01")
    static let ahmad = F.person(4, name: "Ahmad", born: "1988-08-08")
    static let ujang = F.person(5, name: "Ujang", born: "1985-07-09")
    /// A collective (wadah) of vulnerable workers sponsored by Kabupaten Serang.
    static let collective = EmployerRecord(
        npp: "55556666", kind: .company, name: "Wadah Pekerja Rentan Serang", regionCode: "3604", parentRegionCode: "3604", riskClass: 1,
        sizeClass: .small)

    static func request(_ month: String, issuedOn: String, npp: String? = nil) throws -> BillingRequest {
        try BillingRequest(month: Self.month(month), employerNPP: npp, issuedOn: day(issuedOn), actor: "billing@test", rules: rules, holidays: holidays)
    }

    /// The company (risk class 2) with three wage earners, the agency's honorer and the collective's member.
    static func seed(_ store: any LindungStore, budiWage: Rupiah = 5_000_000) async throws {
        try await F.seed(store)
        _ = try await store.importEmployers(EmployerImportPlan(rows: [.init(line: 2, record: collective)], partial: false, actor: "test"))
        for (number, group) in [("PKS/3604/NON-ASN/2025", Agreement.Group.nonASN), ("PKS/3604/RENTAN/2025", .vulnerable)] {
            try await store.saveAgreement(
                Agreement(
                    number: number, kind: .pks, regionCode: "3604", counterpart: "BPJS Ketenagakerjaan Serang", group: group, programs: [.jkk, .jkm],
                    effectiveFrom: day("2025-01-01")),
                actor: "test")
        }
        try await importCompany(store, budiWage: budiWage)
        _ = try await store.importWorkers(
            F.plan([F.row(2, ahmad, wage: 2_500_000, category: .honorer, programs: [.jkk, .jkm, .jht])], npp: "87654321"))
        _ = try await store.importWorkers(
            F.plan([F.row(2, ujang, wage: 1_000_000, segment: .bpu, programs: [.jkk, .jkm])], npp: "55556666"))
    }

    static func importCompany(_ store: any LindungStore, budiWage: Rupiah, asOf: String = "2025-04-01") async throws {
        let summary = try await store.importWorkers(
            F.plan([F.row(2, budi, wage: budiWage), F.row(3, siti, wage: 12_000_000), F.row(4, darmo, wage: 12_000_000)], asOf: asOf))
        precondition(summary.errors.isEmpty, "\(summary.errors)")
    }

    func amount(_ bill: Bill, _ payer: Payer, _ program: Program) -> Rupiah {
        bill.lines.first { $0.payer == payer && $0.program == program }?.amount ?? 0
    }

    @Test("April 2025: each payer's bill, worked by hand", arguments: Backend.available)
    func aprilBills(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            let run = try await store.issueBills(try Self.request("2025-04", issuedOn: "2025-05-01"))
            #expect(run.workers == 5 && run.employers == 3)
            let bills = try await store.bills(month: Self.month("2025-04"), employerNPP: nil)
            let company = try #require(bills.first { $0.debtor == .employer(npp: "12345678") })
            // Budi 5,000,000: JKK 27,000, JKM 15,000, JHT 185,000, JP 100,000. Siti 12,000,000: JKK 64,800,
            // JKM 36,000, JHT 444,000, JP 210,948 (2 % of the cap). Darmo 12,000,000: no JP.
            #expect(amount(company, .employer, .jkk) == 27_000 + 64_800 + 64_800)
            #expect(amount(company, .employer, .jkm) == 15_000 + 36_000 + 36_000)
            #expect(amount(company, .employer, .jht) == 185_000 + 444_000 + 444_000)
            #expect(amount(company, .employer, .jp) == 100_000 + 210_948)
            #expect(amount(company, .worker, .jht) == 100_000 + 240_000 + 240_000)
            #expect(amount(company, .worker, .jp) == 50_000 + 105_474)
            #expect(company.total == 1_627_548 + 735_474)
            #expect(company.dueDate == Self.day("2025-05-15") && company.kind == .regular && company.workers == 3)
            // The central government's JKP share, its own receivable: 0.22 % of 5,000,000 for each of three.
            let government = try #require(bills.first { $0.debtor == .government && $0.employerNPP == "12345678" })
            #expect(government.total == 33_000 && government.lines == [BillLine(program: .jkp, payer: .government, amount: 33_000)])
            #expect(government.jkpFromJKK == 3 * 7_000 && government.jkpFromJKM == 0)  // 0.14 % of 5,000,000; none from JKM in 2025
            // The honorer: JKK 0.24 % = 6,000 and JKM 7,500 to the region; JHT stays with the agency.
            let region = try #require(bills.first { $0.debtor == .region(code: "3604") && $0.employerNPP == "87654321" })
            #expect(region.total == 13_500)
            let agency = try #require(bills.first { $0.debtor == .employer(npp: "87654321") })
            #expect(agency.total == 92_500 + 50_000)
            // The sponsored vulnerable worker: Rp16,800 a month (REGULATIONS.md 1), paid by the region.
            let vulnerable = try #require(bills.first { $0.debtor == .region(code: "3604") && $0.employerNPP == "55556666" })
            #expect(vulnerable.total == 16_800 && vulnerable.dueDate == Self.day("2025-04-15"))  // BPU: the 15th of the month itself
            #expect(!bills.contains { $0.debtor == .employer(npp: "55556666") })
            // The month's totals are the bills' lines.
            let totals = try await store.monthTotals(Self.month("2025-04"))
            #expect(totals.values.reduce(0, +) == bills.reduce(0) { $0 + $1.total })
        }
    }

    @Test("every worker's lines on the bills equal the calculator's", arguments: Backend.available)
    func workersEqualCalculator(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            _ = try await store.issueBills(try Self.request("2025-04", issuedOn: "2025-05-01"))
            var byNIK: [String: Rupiah] = [:]
            for bill in try await store.bills(month: Self.month("2025-04"), employerNPP: nil) {
                for line in try await store.billWorkers(id: bill.id) { byNIK[line.nik, default: 0] += line.total }
            }
            let calculator = ContributionCalculator(rules: Self.rules)
            let april = Self.month("2025-04")
            func pu(_ wage: Rupiah, _ riskClass: Int, _ person: PersonRecord) throws -> Rupiah {
                try calculator.pu(PUContributionInput(wage: wage, riskClass: riskClass, month: april, birthDate: person.birthDate)).total
            }
            #expect(byNIK[Self.budi.nik] == (try pu(5_000_000, 2, Self.budi)))
            #expect(byNIK[Self.siti.nik] == (try pu(12_000_000, 2, Self.siti)))
            #expect(byNIK[Self.darmo.nik] == (try pu(12_000_000, 2, Self.darmo)))
            // The honorer joined JKK, JKM and JHT only: the calculator's lines for those programs.
            let honorer = try calculator.pu(PUContributionInput(wage: 2_500_000, riskClass: 1, month: april))
            #expect(byNIK[Self.ahmad.nik] == honorer.lines.filter { [.jkk, .jkm, .jht].contains($0.program) }.reduce(0) { $0 + $1.amount })
            #expect(byNIK[Self.ujang.nik] == (try calculator.bpu(BPUContributionInput(income: 1_000_000, includesJHT: false, month: april)).total))
        }
    }

    @Test("the JP cap on both sides of March 2025: Siti's JP is 1 % of 10,042,300 in February, of 10,547,400 in March", arguments: Backend.available)
    func jpCapMonths(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            for month in ["2025-02", "2025-03"] { _ = try await store.issueBills(try Self.request(month, issuedOn: "2025-04-01", npp: "12345678")) }
            let february = try #require(try await store.bills(month: Self.month("2025-02"), employerNPP: "12345678").first { $0.debtor.kind == "employer" })
            let march = try #require(try await store.bills(month: Self.month("2025-03"), employerNPP: "12345678").first { $0.debtor.kind == "employer" })
            #expect(amount(february, .worker, .jp) == 50_000 + 100_423)
            #expect(amount(march, .worker, .jp) == 50_000 + 105_474)
            #expect(try await store.bills(month: Self.month("2025-02"), employerNPP: "87654321").isEmpty)  // --employer bills one employer
        }
    }

    @Test("re-running a month issues nothing; a wage reported late is an adjustment bill referencing the original", arguments: Backend.available)
    func idempotentAndAdjustment(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            let first = try await store.issueBills(try Self.request("2025-04", issuedOn: "2025-05-01"))
            let again = try await store.issueBills(try Self.request("2025-04", issuedOn: "2025-05-02"))
            #expect(again.regularBills == 0 && again.adjustmentBills == 0 && again.unchangedBills == first.regularBills)
            let before = try await store.bills(month: Self.month("2025-04"), employerNPP: nil)
            #expect(before.count == first.regularBills)

            // Budi's raise to 6,000,000 from 1 April, reported in May.
            try await Self.importCompany(store, budiWage: 6_000_000, asOf: "2025-04-01")
            let corrected = try await store.issueBills(try Self.request("2025-04", issuedOn: "2025-05-20"))
            #expect(corrected.regularBills == 0 && corrected.adjustmentBills == 1)
            let after = try await store.bills(month: Self.month("2025-04"), employerNPP: "12345678")
            let original = try #require(after.first { $0.kind == .regular && $0.debtor.kind == "employer" })
            let adjustment = try #require(after.first { $0.kind == .adjustment })
            #expect(adjustment.adjustsBillID == original.id)
            // +1,000,000 of wage: JKK 5,400, JKM 3,000, JHT 37,000 + 20,000, JP 20,000 + 10,000; JKP stays capped.
            #expect(adjustment.total == 5_400 + 3_000 + 37_000 + 20_000 + 20_000 + 10_000)
            #expect(adjustment.lines.count == 6)
            // The original bill did not change, and its detail still shows the wage it was issued on.
            #expect(after.contains(original) && before.contains { $0.id == original.id && $0.total == original.total })
            let originalWorkers = try await store.billWorkers(id: original.id)
            #expect(originalWorkers.first { $0.nik == Self.budi.nik }?.base == 5_000_000)
            let adjustmentWorkers = try await store.billWorkers(id: adjustment.id)
            #expect(adjustmentWorkers.map(\.nik) == [Self.budi.nik] && adjustmentWorkers.first?.total == 95_400)
            let third = try await store.issueBills(try Self.request("2025-04", issuedOn: "2025-05-21"))
            #expect(third.adjustmentBills == 0 && third.regularBills == 0)
        }
    }

    @Test("a payment posted twice counts once; a late payment is fined 2 % a month, carried onto the next bill", arguments: Backend.available)
    func paymentsAndFines(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            _ = try await store.issueBills(try Self.request("2025-04", issuedOn: "2025-05-01"))
            let bill = try #require(try await store.bills(month: Self.month("2025-04"), employerNPP: "12345678").first { $0.debtor.kind == "employer" })
            // Due 15 May: 1,000,000 paid 15 June is one month late (16 May-15 Jun), the rest on 16 June two.
            let first = PaymentRequest(billID: bill.id, amount: 1_000_000, paidOn: Self.day("2025-06-15"), reference: "BANK-001", actor: "teller")
            let posted = try await store.postPayment(first, rules: Self.rules)
            let repeated = try await store.postPayment(first, rules: Self.rules)
            #expect(posted.newlyPosted && !repeated.newlyPosted && repeated.paymentID == posted.paymentID)
            #expect(posted.allocations.map(\.monthsLate) == [1] && posted.allocations.map(\.fine) == [20_000])
            #expect(try await store.bill(id: bill.id)?.paid == 1_000_000)
            await #expect(throws: StoreError.self) {
                _ = try await store.postPayment(
                    PaymentRequest(billID: bill.id, amount: 999, paidOn: Self.day("2025-06-15"), reference: "BANK-001", actor: "teller"), rules: Self.rules)
            }
            let rest = bill.total - 1_000_000
            let second = try await store.postPayment(
                PaymentRequest(billID: bill.id, amount: rest + 50_000, paidOn: Self.day("2025-06-16"), reference: "BANK-002", actor: "teller"),
                rules: Self.rules)
            #expect(second.allocations.map(\.monthsLate) == [2])
            #expect(second.allocations.map(\.fine) == [Money.apply(Rate.percent(4), to: rest)])
            #expect(second.credit == 50_000)  // overpayment kept as credit
            #expect(try await store.bill(id: bill.id)?.open == 0)

            // May's bill carries both fines; the credit pays part of it when the next payment is posted.
            let may = try await store.issueBills(try Self.request("2025-05", issuedOn: "2025-06-20"))
            let fines = 20_000 + Money.apply(Rate.percent(4), to: rest)
            #expect(may.fines == fines)
            let mayBill = try #require(try await store.bills(month: Self.month("2025-05"), employerNPP: "12345678").first { $0.debtor.kind == "employer" })
            #expect(mayBill.fine == fines && mayBill.total == mayBill.contribution + fines)
            let third = try await store.postPayment(
                PaymentRequest(billID: mayBill.id, amount: mayBill.total - 50_000, paidOn: Self.day("2025-06-25"), reference: "BANK-003", actor: "teller"),
                rules: Self.rules)
            let mayAfter = try await store.bill(id: mayBill.id)
            #expect(third.credit == 0 && mayAfter?.open == 0)
        }
    }

    @Test("two payments for the same bill posted at once: no double count", arguments: Backend.available)
    func concurrentPayments(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            _ = try await store.issueBills(try Self.request("2025-04", issuedOn: "2025-05-01"))
            let bill = try #require(try await store.bills(month: Self.month("2025-04"), employerNPP: "12345678").first { $0.debtor.kind == "employer" })
            let receipts = try await withThrowingTaskGroup(of: PaymentReceipt.self) { group in
                for reference in ["VA-1", "VA-2"] {
                    group.addTask {
                        try await store.postPayment(
                            PaymentRequest(billID: bill.id, amount: bill.total, paidOn: Self.day("2025-05-10"), reference: reference, actor: "bank"),
                            rules: Self.rules)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(receipts.allSatisfy { $0.newlyPosted })
            #expect(try await store.bill(id: bill.id)?.paid == bill.total)
            #expect(receipts.flatMap(\.allocations).reduce(0) { $0 + $1.amount } == bill.total)
            #expect(receipts.map(\.credit).max() == bill.total)
        }
    }

    @Test("arrears by age and a participant's standing: active, in arrears, over 3 months", arguments: Backend.available)
    func arrearsAndStanding(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            _ = try await store.issueBills(try Self.request("2025-04", issuedOn: "2025-05-01"))
            let company = Debtor.employer(npp: "12345678")
            let onDue = try await store.arrears(on: Self.day("2025-05-15"))
            #expect(onDue.first { $0.debtor == company }?.buckets[.current] != nil)
            let later = try await store.arrears(on: Self.day("2025-07-01"))
            #expect((later.first { $0.debtor == company }?.buckets[.upTo3Months] ?? 0) > 0)
            let muchLater = try await store.arrears(on: Self.day("2025-08-16"))
            #expect((muchLater.first { $0.debtor == company }?.buckets[.over3Months] ?? 0) > 0)

            #expect(try await store.coverage(nik: Self.budi.nik, on: Self.day("2025-05-15"))?.status == .active)
            #expect(try await store.coverage(nik: Self.budi.nik, on: Self.day("2025-06-01"))?.status == .inArrears)
            #expect(try await store.coverage(nik: Self.budi.nik, on: Self.day("2025-08-16"))?.status == .inArrearsOver3Months)
            #expect(try await store.coverage(nik: "3604010101900999", on: Self.day("2025-06-01")) == nil)
            let bill = try #require(try await store.bills(month: Self.month("2025-04"), employerNPP: "12345678").first { $0.debtor == company })
            _ = try await store.postPayment(
                PaymentRequest(billID: bill.id, amount: bill.total, paidOn: Self.day("2025-08-01"), reference: "LATE", actor: "teller"), rules: Self.rules)
            #expect(try await store.coverage(nik: Self.budi.nik, on: Self.day("2025-08-16"))?.status == .active)
        }
    }

    @Test("the report's largest employer debtors of a region equal the full arrears list filtered and sorted", arguments: Backend.available)
    func largestEmployerArrears(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            _ = try await store.issueBills(try Self.request("2025-04", issuedOn: "2025-05-01"))
            _ = try await store.issueBills(try Self.request("2025-05", issuedOn: "2025-06-01"))
            let on = Self.day("2025-08-16")
            let all = try await store.arrears(on: on)
            let employers = all.filter { if case .employer = $0.debtor { true } else { false } }
            #expect(employers.count >= 2, "the fixture needs two employer debtors for the order to matter")
            let expected = employers.sorted { ($0.total, $1.debtor.key) > ($1.total, $0.debtor.key) }
            #expect(try await store.largestEmployerArrears(on: on, region: "36", limit: 20) == expected)
            #expect(try await store.largestEmployerArrears(on: on, region: "00", limit: 1) == Array(expected.prefix(1)))
            #expect(try await store.largestEmployerArrears(on: on, region: "3604", limit: 20) == expected.filter { $0.regionCode.hasPrefix("3604") })
            #expect(try await store.largestEmployerArrears(on: on, region: "31", limit: 20).isEmpty)
            // Over three months late on one bill, within on the other: both buckets carried over.
            let first = try #require(expected.first)
            #expect((first.buckets[.over3Months] ?? 0) > 0 && (first.buckets[.upTo3Months] ?? 0) > 0)
        }
    }

    @Test("BPU months paid ahead: 3 prepaid bills, and the billing run leaves those months out", arguments: Backend.available)
    func bpuPrepayment(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await F.seed(store)
            let wadah = EmployerRecord(npp: "77778888", kind: .company, name: "Wadah Ojek Serang", regionCode: "3604", riskClass: 1, sizeClass: .small)
            _ = try await store.importEmployers(EmployerImportPlan(rows: [.init(line: 2, record: wadah)], partial: false, actor: "test"))
            _ = try await store.importWorkers(
                F.plan([F.row(2, Self.ujang, wage: 2_050_000, segment: .bpu, programs: [.jkk, .jkm, .jht])], npp: "77778888"))
            let receipt = try await store.prepayBPU(
                PrepaymentRequest(nik: Self.ujang.nik, from: Self.month("2025-06"), months: 3, paidOn: Self.day("2025-05-20"), reference: "BPU-1", actor: "self"),
                rules: Self.rules, holidays: Self.holidays)
            // Income 2,050,000 → base 2,000,000: JKK 20,000 + JKM 6,800 + JHT 40,000 = 66,800 a month (ruling 8).
            #expect(receipt.debtor == .participant(nik: Self.ujang.nik) && receipt.amount == 3 * 66_800)
            #expect(receipt.allocations.count == 3 && receipt.allocations.allSatisfy { $0.fine == 0 } && receipt.credit == 0)
            await #expect(throws: StoreError.self) {
                _ = try await store.prepayBPU(
                    PrepaymentRequest(nik: Self.ujang.nik, from: Self.month("2025-08"), months: 1, paidOn: Self.day("2025-05-21"), reference: "BPU-2", actor: "self"),
                    rules: Self.rules, holidays: Self.holidays)
            }
            await #expect(throws: StoreError.self) {
                _ = try await store.prepayBPU(
                    PrepaymentRequest(nik: Self.ujang.nik, from: Self.month("2025-10"), months: 2, paidOn: Self.day("2025-05-21"), reference: "BPU-3", actor: "self"),
                    rules: Self.rules, holidays: Self.holidays)
            }
            let july = try await store.issueBills(try Self.request("2025-07", issuedOn: "2025-07-01"))
            #expect(july.workers == 0 && july.regularBills == 0)
            let october = try await store.issueBills(try Self.request("2025-10", issuedOn: "2025-10-01"))
            #expect(october.workers == 1 && october.contribution == 66_800)
            #expect(try await store.coverage(nik: Self.ujang.nik, on: Self.day("2025-07-20"))?.status == .active)
        }
    }
}
