import Testing

@testable import LindungCore

/// Worker snapshots, payment allocation and arrears buckets: the pure parts of billing.
@Suite("Billing snapshots, allocation and arrears")
struct BillingLedgerTests {
    @Test("A worker snapshot decodes to exactly what was encoded")
    func snapshotRoundTrip() throws {
        let workers = [
            WorkerBasis(spellID: 1, segment: .pu, programs: [.jkk, .jkm, .jht, .jp, .jkp], base: 10_547_401, jpStopped: true),
            WorkerBasis(spellID: 130, segment: .bpu, programs: [.jkk, .jkm], base: 1_000_000, regionPays: true),
            WorkerBasis(spellID: 5_200_000, segment: .jakon, programs: [.jkk, .jkm], base: 0),
            WorkerBasis(spellID: Int64(Int32.max) * 4, segment: .pmi, programs: [.jkk, .jkm, .jht], base: 370_000),
        ]
        #expect(try WorkerSnapshotCodec.decode(WorkerSnapshotCodec.encode(workers)) == workers)
        #expect(try WorkerSnapshotCodec.decode(WorkerSnapshotCodec.encode([])) == [])
    }

    @Test("A truncated or foreign snapshot is refused, not misread")
    func snapshotRefusesGarbage() {
        let bytes = WorkerSnapshotCodec.encode([WorkerBasis(spellID: 300, segment: .pu, programs: [.jkk], base: 5_000_000)])
        #expect(throws: DomainError.self) { try WorkerSnapshotCodec.decode(bytes.dropLast()) }
        #expect(throws: DomainError.self) { try WorkerSnapshotCodec.decode([UInt8(9)] + bytes.dropFirst()) }
    }

    let allocator: PaymentAllocator

    init() throws {
        allocator = PaymentAllocator(rules: try RuleSet())
    }

    func bill(_ id: Int64, _ month: YearMonth, due: String, total: Rupiah, paid: Rupiah = 0) -> PaymentAllocator.OpenBill {
        .init(id: id, month: month, dueDate: CalendarDate(iso: due)!, contribution: total, total: total, paid: paid, paidContribution: paid)
    }

    func fund(_ id: Int64, _ date: String, _ amount: Rupiah) -> PaymentAllocator.Fund {
        .init(source: .payment(id), date: CalendarDate(iso: date)!, available: amount)
    }

    // Ruling 5: due 15 Feb; paid 16 Feb-15 Mar is one month late, 16 Mar-15 Apr two; 2 % a month.
    @Test("Fine on a payment 1 month late and 2 months late (ruling 5: 2 % per started month)")
    func finesOneAndTwoMonthsLate() throws {
        let january = YearMonth(year: 2025, month: 1)
        let onTime = try allocator.allocate(bills: [bill(1, january, due: "2025-02-17", total: 1_000_000)], funds: [fund(1, "2025-02-17", 1_000_000)])
        #expect(onTime.map(\.fine) == [0] && onTime.map(\.monthsLate) == [0])
        let oneMonth = try allocator.allocate(bills: [bill(1, january, due: "2025-02-17", total: 1_000_000)], funds: [fund(1, "2025-03-17", 1_000_000)])
        #expect(oneMonth.map(\.monthsLate) == [1] && oneMonth.map(\.fine) == [20_000])
        let twoMonths = try allocator.allocate(bills: [bill(1, january, due: "2025-02-17", total: 1_000_000)], funds: [fund(1, "2025-03-18", 1_000_000)])
        #expect(twoMonths.map(\.monthsLate) == [2] && twoMonths.map(\.fine) == [40_000])
    }

    // Ruling 14: the PP 49/2020 relief months are fined 0.5 % a month.
    @Test("A relief month's late payment is fined 0.5 % a month")
    func reliefFine() throws {
        let allocations = try allocator.allocate(
            bills: [bill(1, YearMonth(year: 2020, month: 9), due: "2020-10-30", total: 1_000_000)], funds: [fund(1, "2020-12-01", 1_000_000)])
        #expect(allocations.map(\.monthsLate) == [2] && allocations.map(\.fine) == [10_000])
    }

    @Test("Money goes to the oldest open bill first; a partial payment leaves the newer bill open; the rest is credit")
    func oldestFirstPartialAndCredit() throws {
        let bills = [
            bill(7, YearMonth(year: 2025, month: 3), due: "2025-04-15", total: 300_000),
            bill(3, YearMonth(year: 2025, month: 2), due: "2025-03-17", total: 200_000, paid: 50_000),
        ]
        let partial = try allocator.allocate(bills: bills, funds: [fund(1, "2025-03-10", 250_000)])
        #expect(partial.map(\.billID) == [3, 7])
        #expect(partial.map(\.amount) == [150_000, 100_000])
        let over = try allocator.allocate(bills: bills, funds: [fund(1, "2025-03-10", 1_000_000)])
        #expect(over.reduce(0) { $0 + $1.amount } == 450_000)  // 550,000 left as credit
    }

    @Test("Arrears buckets: not yet due, 1-3 months, over 3 months; coverage status follows")
    func arrearsBuckets() {
        let due = CalendarDate(iso: "2025-05-15")!
        #expect(ArrearsBucket.of(dueDate: due, on: CalendarDate(iso: "2025-05-15")!) == .current)
        #expect(ArrearsBucket.of(dueDate: due, on: CalendarDate(iso: "2025-05-16")!) == .upTo3Months)
        #expect(ArrearsBucket.of(dueDate: due, on: CalendarDate(iso: "2025-08-15")!) == .upTo3Months)
        #expect(ArrearsBucket.of(dueDate: due, on: CalendarDate(iso: "2025-08-16")!) == .over3Months)
        #expect(CoverageStatus.from(worstBucket: nil) == .active)
        #expect(CoverageStatus.from(worstBucket: .upTo3Months) == .inArrears)
        #expect(CoverageStatus.from(worstBucket: .over3Months) == .inArrearsOver3Months)
    }
}
