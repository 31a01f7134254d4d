import Foundation
import LindungCore
import LindungStorage
import LindungStoragePostgres
import LindungStorageSQLite
import Testing

/// The same billing story told to both backends must read back identically: bills (ids, numbers, lines,
/// what is paid), their workers, runs' summaries, receipts, arrears, standing and month totals. Then, on
/// PostgreSQL only, what SQLite's single writer gives for free: concurrent postings and runs.
@Suite("Billing on PostgreSQL matches SQLite")
struct PostgresBillingSmokeTests {
    typealias F = RegistryFixtures

    static let rules = try! RuleSet()
    static let holidays = try! ReferenceData().holidays

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func request(_ month: String, issuedOn: String, npp: String? = nil) throws -> BillingRequest {
        try BillingRequest(month: YearMonth(iso: month)!, employerNPP: npp, issuedOn: day(issuedOn), actor: "billing@test", rules: rules, holidays: holidays)
    }

    /// Everything the story reads back, in order.
    struct Transcript: Equatable {
        var runs: [BillingRunSummary] = []
        var bills: [[Bill]] = []
        var workers: [[BillWorkerLine]] = []
        var receipts: [PaymentReceipt] = []
        var arrears: [[ArrearsRow]] = []
        var coverage: [ParticipantCoverage?] = []
        var totals: [[Payer: Rupiah]] = []
        var errors: [String] = []
    }

    static let pu1 = F.person(1, name: "Budi")
    static let pu2 = F.person(2, name: "Siti", born: "1991-02-03", sex: .female)
    static let retired = F.person(3, name: "Darmo", born: "1960-03-01")
    static let bpu = F.person(4, name: "Ujang", born: "1985-07-09")
    static let leaver = F.person(5, name: "Tono", born: "1993-11-12")
    static let honorer = F.person(6, name: "Ahmad", born: "1988-08-08")
    static let migrant = F.person(7, name: "Sari", born: "1995-01-20", sex: .female)
    static let placement = EmployerRecord(
        npp: "11112222", kind: .placementAgency, name: "PT Penempatan Jaya", regionCode: "3604", riskClass: 1, sizeClass: .small)

    static func companyRows(wage1: Rupiah = 5_000_000, leaverEnd: String? = nil) -> [WorkerRow] {
        [
            F.row(2, pu1, wage: wage1),
            F.row(3, pu2, wage: 7_500_000, start: "2025-04-10"),
            F.row(4, retired, wage: 12_000_000),
            F.row(5, bpu, wage: 2_000_000, segment: .bpu, programs: [.jkk, .jkm, .jht]),
            F.row(6, leaver, wage: 4_000_000, end: leaverEnd, exitReason: leaverEnd == nil ? nil : "resigned"),
        ]
    }

    /// The story: bill April, re-run (nothing), change a wage and lose a worker (adjustments, a credit
    /// note), pay late, pay twice, bill May with the fine carried, prepay BPU months and bill June.
    static func story(_ store: any LindungStore, _ billing: any BillingStore) async throws -> Transcript {
        var t = Transcript()
        try await F.seed(store)
        _ = try await store.importEmployers(EmployerImportPlan(rows: [.init(line: 2, record: placement)], partial: false, actor: "test"))
        try await store.saveAgreement(
            Agreement(
                number: "PKS/NONASN/2025", kind: .pks, regionCode: "3604", counterpart: "Pemkab Serang", group: .nonASN, programs: [.jkk, .jkm],
                effectiveFrom: day("2025-01-01"), effectiveTo: nil),
            actor: "test")
        _ = try await store.importWorkers(F.plan(companyRows()))
        _ = try await store.importWorkers(
            F.plan([F.row(2, honorer, wage: 2_500_000, category: .honorer, programs: [.jkk, .jkm, .jht])], npp: "87654321"))
        _ = try await store.importWorkers(
            F.plan([F.row(2, migrant, wage: 0, start: "2025-04-15", end: "2026-04-14", exitReason: "contract", segment: .pmi, programs: [.jkkJkm])], npp: "11112222"))

        func snapshot(_ month: String) async throws {
            let bills = try await billing.bills(month: YearMonth(iso: month)!, employerNPP: nil)
            t.bills.append(bills)
            for bill in bills { t.workers.append(try await billing.billWorkers(id: bill.id)) }
            t.totals.append(try await billing.monthTotals(YearMonth(iso: month)!))
        }
        func attempt(_ body: () async throws -> Void) async {
            do { try await body() } catch { t.errors.append("\(error)") }
        }

        t.runs.append(try await billing.issueBills(try request("2025-04", issuedOn: "2025-05-01")))
        try await snapshot("2025-04")
        t.runs.append(try await billing.issueBills(try request("2025-04", issuedOn: "2025-05-02")))

        // A wage reported late and a worker who left in March: adjustments for April, one a credit note.
        _ = try await store.importWorkers(F.plan(companyRows(wage1: 6_000_000, leaverEnd: "2025-03-31"), asOf: "2025-04-01"))
        t.runs.append(try await billing.issueBills(try request("2025-04", issuedOn: "2025-05-20")))
        try await snapshot("2025-04")
        t.runs.append(try await billing.issueBills(try request("2025-04", issuedOn: "2025-05-21", npp: "12345678")))
        await attempt { _ = try await billing.issueBills(try request("2025-04", issuedOn: "2025-05-21", npp: "99999999")) }

        // Late payments: the employer's April bill in part (with the credit note), the region's in full.
        let april = try await billing.bills(month: YearMonth(iso: "2025-04")!, employerNPP: "12345678")
        let employerBill = try #require(april.first { $0.debtor == .employer(npp: "12345678") && $0.kind == .regular })
        t.receipts.append(
            try await billing.postPayment(
                PaymentRequest(billID: employerBill.id, amount: 1_000_000, paidOn: day("2025-07-20"), reference: "BANK-1", actor: "teller"), rules: rules))
        t.receipts.append(
            try await billing.postPayment(
                PaymentRequest(billID: employerBill.id, amount: 1_000_000, paidOn: day("2025-07-20"), reference: "BANK-1", actor: "teller"), rules: rules))
        await attempt {
            _ = try await billing.postPayment(
                PaymentRequest(billID: employerBill.id, amount: 5, paidOn: day("2025-07-20"), reference: "BANK-1", actor: "teller"), rules: rules)
        }
        await attempt {
            _ = try await billing.postPayment(
                PaymentRequest(billID: 999_999, amount: 5, paidOn: day("2025-07-20"), reference: "BANK-X", actor: "teller"), rules: rules)
        }
        let agencyBills = try await billing.bills(month: YearMonth(iso: "2025-04")!, employerNPP: "87654321")
        for (index, bill) in agencyBills.enumerated() where bill.total > 0 {
            t.receipts.append(
                try await billing.postPayment(
                    PaymentRequest(billID: bill.id, amount: bill.total + 10_000, paidOn: day("2025-05-05"), reference: "AG-\(index)", actor: "teller"),
                    rules: rules))
        }
        t.arrears.append(try await billing.arrears(on: day("2025-08-01")))
        t.coverage.append(try await billing.coverage(nik: pu1.nik, on: day("2025-08-01")))
        t.coverage.append(try await billing.coverage(nik: honorer.nik, on: day("2025-08-01")))
        t.coverage.append(try await billing.coverage(nik: "3604010101900999", on: day("2025-08-01")))

        // May: the late fine is carried onto the employer's bill.
        t.runs.append(try await billing.issueBills(try request("2025-05", issuedOn: "2025-08-01")))
        try await snapshot("2025-05")

        // BPU months paid ahead, then June leaves them out.
        t.receipts.append(
            try await billing.prepayBPU(
                PrepaymentRequest(nik: bpu.nik, from: YearMonth(iso: "2025-06")!, months: 3, paidOn: day("2025-05-25"), reference: "BPU-1", actor: "teller"),
                rules: rules, holidays: holidays))
        t.receipts.append(
            try await billing.prepayBPU(
                PrepaymentRequest(nik: bpu.nik, from: YearMonth(iso: "2025-06")!, months: 3, paidOn: day("2025-05-25"), reference: "BPU-1", actor: "teller"),
                rules: rules, holidays: holidays))
        await attempt {
            _ = try await billing.prepayBPU(
                PrepaymentRequest(nik: bpu.nik, from: YearMonth(iso: "2025-08")!, months: 3, paidOn: day("2025-05-26"), reference: "BPU-2", actor: "teller"),
                rules: rules, holidays: holidays)
        }
        await attempt {
            _ = try await billing.prepayBPU(
                PrepaymentRequest(nik: pu1.nik, from: YearMonth(iso: "2025-06")!, months: 1, paidOn: day("2025-05-26"), reference: "BPU-3", actor: "teller"),
                rules: rules, holidays: holidays)
        }
        t.runs.append(try await billing.issueBills(try request("2025-06", issuedOn: "2025-07-01")))
        try await snapshot("2025-06")
        t.arrears.append(try await billing.arrears(on: day("2025-10-01")))
        t.coverage.append(try await billing.coverage(nik: bpu.nik, on: day("2025-07-15")))
        return t
    }

    /// A fresh store on the backend as both a registry and a billing store.
    static func withBillingStore<T>(_ backend: Backend, _ body: (any LindungStore, any BillingStore) async throws -> T) async throws -> T {
        try await withStore(backend) { store in
            try await body(store, store)
        }
    }

    @Test("the billing story reads back the same on both backends")
    func sameStory() async throws {
        let reference = try await Self.withBillingStore(.sqlite) { try await Self.story($0, $1) }
        // The story exercises what it means to.
        #expect(reference.runs[0].regularBills > 0 && reference.runs[1].regularBills == 0 && reference.runs[1].adjustmentBills == 0)
        #expect(reference.runs[2].adjustmentBills >= 2)
        #expect(reference.bills[1].contains { $0.total < 0 })
        #expect(reference.receipts[0].newlyPosted && !reference.receipts[1].newlyPosted)
        #expect(reference.receipts[0].allocations.contains { $0.fine > 0 })
        #expect(reference.runs[4].fines > 0)
        #expect(
            reference.errors.map { $0.prefix { $0 != ":" } } == ["not found", "conflict", "not found", "conflict", "not found"], "\(reference.errors)")
        #expect(reference.bills.flatMap { $0 }.contains { $0.debtor.kind == "region" })
        #expect(reference.bills.flatMap { $0 }.contains { $0.lines.contains { $0.program == .jkkJkm } })
        guard Backend.available.contains(.postgres) else { return }
        let postgres = try await Self.withBillingStore(.postgres) { try await Self.story($0, $1) }
        #expect(postgres.runs == reference.runs)
        #expect(postgres.bills == reference.bills)
        #expect(postgres.workers == reference.workers)
        #expect(postgres.receipts == reference.receipts)
        #expect(postgres.arrears == reference.arrears)
        #expect(postgres.coverage == reference.coverage)
        #expect(postgres.totals == reference.totals)
        #expect(postgres.errors == reference.errors)
        #expect(postgres == reference)
    }

    @Test("PostgreSQL: concurrent postings for one debtor take turns; the same reference is posted once")
    func concurrentPostings() async throws {
        guard Backend.available.contains(.postgres) else { return }
        try await Self.withBillingStore(.postgres) { store, billing in
            try await F.seed(store)
            _ = try await store.importWorkers(F.plan(Self.companyRows()))
            // Two runs at once: one issues the month, the other finds it billed.
            async let first = billing.issueBills(try Self.request("2025-04", issuedOn: "2025-05-01"))
            async let second = billing.issueBills(try Self.request("2025-04", issuedOn: "2025-05-01"))
            let runs = try await [first, second]
            #expect(runs.map(\.regularBills).sorted() == [0, runs.map(\.regularBills).max()!])
            let bill = try #require(try await billing.bills(month: YearMonth(iso: "2025-04")!, employerNPP: "12345678").first { $0.debtor.kind == "employer" })

            // The same reference eight times at once: one payment, one receipt.
            let same = try await withThrowingTaskGroup(of: PaymentReceipt.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await billing.postPayment(
                            PaymentRequest(billID: bill.id, amount: 100_000, paidOn: Self.day("2025-05-10"), reference: "SAME", actor: "teller"),
                            rules: Self.rules)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(same.filter(\.newlyPosted).count == 1)
            #expect(Set(same.map(\.paymentID)).count == 1)

            // Twelve different payments at once, together more than the bill: it is paid exactly, the rest is credit.
            let share = bill.total / 10
            let receipts = try await withThrowingTaskGroup(of: PaymentReceipt.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        try await billing.postPayment(
                            PaymentRequest(billID: bill.id, amount: share, paidOn: Self.day("2025-05-10"), reference: "P-\(index)", actor: "teller"),
                            rules: Self.rules)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(receipts.filter(\.newlyPosted).count == 12)
            let paid = try #require(try await billing.bill(id: bill.id))
            #expect(paid.paid == bill.total)
            let last = try await billing.postPayment(
                PaymentRequest(billID: bill.id, amount: 1, paidOn: Self.day("2025-05-10"), reference: "P-last", actor: "teller"), rules: Self.rules)
            #expect(last.credit == 100_000 + 12 * share + 1 - bill.total)

            // A prepayment posted four times at once: one set of prepaid bills, one receipt.
            let nik = Self.bpu.nik
            let prepaid = try await withThrowingTaskGroup(of: PaymentReceipt.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await billing.prepayBPU(
                            PrepaymentRequest(nik: nik, from: YearMonth(iso: "2025-05")!, months: 3, paidOn: Self.day("2025-04-25"), reference: "PRE", actor: "teller"),
                            rules: Self.rules, holidays: Self.holidays)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(prepaid.filter(\.newlyPosted).count == 1)
            #expect(Set(prepaid.map(\.paymentID)).count == 1)
            #expect(try await billing.bills(month: YearMonth(iso: "2025-06")!, employerNPP: nil).filter { $0.kind == .prepaid }.count == 1)
        }
    }
}
