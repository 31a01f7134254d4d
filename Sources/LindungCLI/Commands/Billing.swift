import ArgumentParser
import Foundation
import LindungCore
import LindungExport
import LindungServer
import LindungStorage

/// `lindung bill --month M` issues a month's bills; `lindung bill show ID` and `lindung bill list` read them.
struct BillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bill", abstract: "Issue a month's contribution bills, or show and list them.",
        subcommands: [BillIssue.self, BillShow.self, BillList.self], defaultSubcommand: BillIssue.self)
}

/// Opens the store for billing.
func withBillingStore<T>(_ options: StoreOptions, _ body: (any BillingStore) async throws -> T) async throws -> T {
    try await withStore(options) { store in try await body(store) }
}

struct BillIssue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Bill every employer with active spells in a month (or one employer); re-running issues only corrections.")
    @Option(help: "The billing month, YYYY-MM.") var month: String
    @Option(help: "Bill only this employer (NPP).") var employer: String?
    @Option(name: .customLong("issued-on"), help: "The issue date, YYYY-MM-DD (default: today).") var issuedOn: String?
    @OptionGroup var common: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let month = try ArgumentValue.month(month, option: "--month")
        let issued = try issuedOn.map { try ArgumentValue.date($0, option: "--issued-on") } ?? ArgumentValue.today
        let request = try BillingRequest(
            month: month, employerNPP: employer, issuedOn: issued, actor: ArgumentValue.actor, rules: try common.ruleSet(),
            holidays: try common.referenceData().holidays)
        let started = Date()
        let summary = try await withBillingStore(store) { try await $0.issueBills(request) }
        Timing.report("bill \(month)", since: started)
        if common.json { return print(try JSONOutput.encode(BillingRunDTO(summary))) }
        print(
            """
            Billed \(month): \(summary.workers) workers at \(summary.employers) employers; \(summary.regularBills) new bills, \
            \(summary.adjustmentBills) adjustment bills, \(summary.unchangedBills) already issued and unchanged.
            Contributions \(Money.format(summary.contribution)), fines carried \(Money.format(summary.fines)).
            """)
        for payer in Payer.allCases where summary.byPayer[payer] != nil {
            print("  \(payer.rawValue): \(Money.format(summary.byPayer[payer]!))")
        }
    }
}

struct BillShow: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, xlsx }

    static let configuration = CommandConfiguration(commandName: "show", abstract: "A bill and its worker detail, as text, JSON, CSV or XLSX.")
    @Argument(help: "The bill id.") var id: Int64
    @Option(help: "text, json, csv or xlsx.") var format: Format = .text
    @Option(help: "Write to this file instead of standard output (an XLSX workbook is binary: not to a terminal).") var out: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        if format == .xlsx && out == nil && isatty(STDOUT_FILENO) != 0 {
            throw CLIError("--format xlsx writes a binary workbook: give --out FILE, or redirect standard output to a file")
        }
        let (bill, workers) = try await withBillingStore(store) { store in
            guard let bill = try await store.bill(id: id) else { throw CLIError("no bill with id \(id)") }
            return (bill, try await store.billWorkers(id: id))
        }
        switch format {
        case .xlsx:
            let sheets = [BillExport.billTable(bill), BillExport.workerTable(bill, workers, indonesian: true)]
            if let out {
                try XLSXWriter.write(sheets, to: URL(fileURLWithPath: out))
                print("Wrote bill \(bill.number) with \(workers.count) workers to \(out)")
            } else {
                // To standard output (`> tagihan.xlsx`, or a pipe): written to a temporary file first, since
                // the workbook is a ZIP archive assembled on disk.
                let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-bill-\(UUID().uuidString).xlsx")
                defer { try? FileManager.default.removeItem(at: temporary) }
                try XLSXWriter.write(sheets, to: temporary)
                FileHandle.standardOutput.write(try Data(contentsOf: temporary))
            }
        case .csv:
            try emit(CSVWriter.write(BillExport.workerTable(bill, workers, indonesian: false)))
        case .json:
            struct Output: Encodable {
                let bill: BillDTO
                let workers: [BillWorkerDTO]
            }
            try emit(try JSONOutput.encode(Output(bill: BillDTO(bill), workers: workers.map(BillWorkerDTO.init))) + "\n")
        case .text:
            var text = TextTable.render(
                header: ["Bill \(bill.number)", ""], rows: BillExport.billTable(bill).rows.map { $0.map(Self.text) }, rightAligned: [1])
            text += "\n" + TextTable.render(
                header: ["NIK", "Name", "Segment", "Base", "Total"],
                rows: workers.prefix(50).map { [$0.nik, $0.name, $0.segment.rawValue.uppercased(), Money.format($0.base), Money.format($0.total)] },
                rightAligned: [3, 4])
            if workers.count > 50 { text += "\n… \(workers.count - 50) more workers (use --format csv or xlsx)" }
            try emit(text + "\n")
        }
    }

    private func emit(_ text: String) throws {
        guard let out else { return print(text, terminator: "") }
        try Data(text.utf8).write(to: URL(fileURLWithPath: out))
    }

    static func text(_ cell: Cell) -> String {
        switch cell {
        case .integer(let value): Money.format(value)
        default: cell.plainText
        }
    }
}

struct BillList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The bills of a month.")
    @Option(help: "The billing month, YYYY-MM.") var month: String
    @Option(help: "Only this employer's bills (NPP).") var employer: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let month = try ArgumentValue.month(month, option: "--month")
        let bills = try await withBillingStore(store) { try await $0.bills(month: month, employerNPP: employer) }
        if json { return print(try JSONOutput.encode(bills.map(BillDTO.init))) }
        print(
            TextTable.render(
                header: ["Id", "Number", "Debtor", "Kind", "Due", "Workers", "Total", "Paid"],
                rows: bills.map {
                    [String($0.id), $0.number, $0.debtor.description, $0.kind.rawValue, $0.dueDate.iso, String($0.workers), Money.format($0.total), Money.format($0.paid)]
                }, rightAligned: [5, 6, 7]))
    }
}

/// `lindung pay --bill ID --amount N --paid-on DATE --reference REF`.
struct PayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay", abstract: "Post a payment for a bill's debtor: oldest open bill first, the rest kept as credit.")
    @Option(help: "The bill id the payment is for (its debtor's oldest open bills are paid first).") var bill: Int64
    @Option(help: "The amount in whole rupiah.") var amount: String
    @Option(name: .customLong("paid-on"), help: "The payment date, YYYY-MM-DD.") var paidOn: String
    @Option(help: "The payment's reference; posting it again changes nothing.") var reference: String
    @OptionGroup var common: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let value = Int64(amount.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: "_", with: "")), value > 0 else {
            throw CLIError("invalid --amount '\(amount)': expected a whole number of rupiah above 0")
        }
        let request = PaymentRequest(
            billID: bill, amount: value, paidOn: try ArgumentValue.date(paidOn, option: "--paid-on"), reference: reference, actor: ArgumentValue.actor)
        let rules = try common.ruleSet()
        let receipt = try await withBillingStore(store) { try await $0.postPayment(request, rules: rules) }
        printReceipt(receipt, json: common.json)
    }
}

func printReceipt(_ receipt: PaymentReceipt, json: Bool) {
    if json { return print((try? JSONOutput.encode(ReceiptDTO(receipt))) ?? "{}") }
    print(
        receipt.newlyPosted
            ? "Posted \(receipt.reference): \(Money.format(receipt.amount)) paid \(receipt.paidOn.iso) by \(receipt.debtor)."
            : "Reference \(receipt.reference) was already posted: nothing changed.")
    print(
        TextTable.render(
            header: ["Bill", "Month", "Allocated", "Months late", "Fine (on next bill)"],
            rows: receipt.allocations.map { [$0.billNumber, $0.month.description, Money.format($0.amount), String($0.monthsLate), Money.format($0.fine)] },
            rightAligned: [2, 3, 4]))
    print("Credit left: \(Money.format(receipt.credit))")
}

/// `lindung prepay --nik NIK --from 2025-05 --months 3 --paid-on DATE --reference REF`: BPU months ahead.
struct PrepayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepay", abstract: "A BPU participant (or the sponsoring region) pays 1, 3, 6 or 12 months ahead.")
    @Option(help: "The participant's NIK.") var nik: String
    @Option(help: "The first month paid, YYYY-MM.") var from: String
    @Option(help: "How many months: 1, 3, 6 or 12.") var months: Int
    @Option(name: .customLong("paid-on"), help: "The payment date, YYYY-MM-DD.") var paidOn: String
    @Option(help: "The payment's reference; posting it again changes nothing.") var reference: String
    @OptionGroup var common: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let request = PrepaymentRequest(
            nik: nik, from: try ArgumentValue.month(from, option: "--from"), months: months, paidOn: try ArgumentValue.date(paidOn, option: "--paid-on"),
            reference: reference, actor: ArgumentValue.actor)
        guard PrepaymentRequest.allowedMonths.contains(months) else { throw CLIError("invalid --months \(months): expected 1, 3, 6 or 12") }
        let rules = try common.ruleSet()
        let holidays = try common.referenceData().holidays
        let receipt = try await withBillingStore(store) { try await $0.prepayBPU(request, rules: rules, holidays: holidays) }
        printReceipt(receipt, json: common.json)
    }
}

/// `lindung arrears [--on DATE] [--by debtor|region]`: unpaid amounts by how overdue they are.
struct ArrearsCommand: AsyncParsableCommand {
    enum Grouping: String, ExpressibleByArgument, CaseIterable { case debtor, region }

    static let configuration = CommandConfiguration(commandName: "arrears", abstract: "Unpaid bills on a day: current, 1-3 months, over 3 months.")
    @Option(help: "The day, YYYY-MM-DD (default: today).") var on: String?
    @Option(help: "debtor (each employer, region government, central government) or region (summed by region code).") var by: Grouping = .debtor
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let date = try on.map { try ArgumentValue.date($0, option: "--on") } ?? ArgumentValue.today
        var rows = try await withBillingStore(store) { try await $0.arrears(on: date) }
        if by == .region {
            var byRegion: [String: ArrearsRow] = [:]
            for row in rows {
                let code = row.regionCode.isEmpty ? "central" : row.regionCode
                var entry = byRegion[code] ?? ArrearsRow(debtor: .region(code: code), name: "Wilayah \(code)", regionCode: code)
                for (bucket, amount) in row.buckets { entry.buckets[bucket, default: 0] += amount }
                if let due = row.oldestDueDate { entry.oldestDueDate = min(entry.oldestDueDate ?? due, due) }
                byRegion[code] = entry
            }
            rows = byRegion.values.sorted { $0.regionCode < $1.regionCode }
        }
        if json { return print(try JSONOutput.encode(rows.map(ArrearsDTO.init))) }
        print(
            TextTable.render(
                header: [by == .region ? "Region" : "Debtor", "Name", "Current", "1-3 months", "Over 3 months", "Total"],
                rows: rows.map {
                    [
                        by == .region ? $0.regionCode : $0.debtor.description, $0.name, Money.format($0.buckets[.current] ?? 0),
                        Money.format($0.buckets[.upTo3Months] ?? 0), Money.format($0.buckets[.over3Months] ?? 0), Money.format($0.total),
                    ]
                }, rightAligned: [2, 3, 4, 5]))
    }
}

/// `lindung standing NIK [--on DATE]`: active, in arrears, or in arrears over 3 months.
struct StandingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standing", abstract: "A participant's coverage status on a day, from the bills that cover them.")
    @Argument(help: "The NIK.") var nik: String
    @Option(help: "The day, YYYY-MM-DD (default: today).") var on: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let date = try on.map { try ArgumentValue.date($0, option: "--on") } ?? ArgumentValue.today
        guard let coverage = try await withBillingStore(store, { try await $0.coverage(nik: nik, on: date) }) else {
            throw CLIError("no person with NIK \(nik) is registered")
        }
        if json { return print(try JSONOutput.encode(StandingDTO(coverage))) }
        print("NIK \(nik) on \(date.iso): \(coverage.status.rawValue)")
        if coverage.status == .inArrearsOver3Months {
            print("Arrears over 3 months: JKK benefits are the employer's to pay first (REGULATIONS.md §4).")
        }
        for spell in coverage.spells {
            print("  spell \(spell.spellID) at \(spell.employerNPP) (\(spell.segment.rawValue.uppercased())): \(spell.status.rawValue)"
                + (spell.oldestOverdue.map { ", oldest unpaid bill due \($0.iso)" } ?? ""))
        }
    }
}
