import LindungCore
import LindungStorage

/// The JSON shapes of the billing commands (docs/cli.md). Amounts are integer rupiah.
struct BillJSON: Encodable {
    struct Line: Encodable {
        let program: String
        let payer: String
        let amount: Int64
    }

    let id: Int64
    let number: String
    let npp: String
    let employer_name: String
    let month: String
    let debtor: String
    let debtor_key: String
    let kind: String
    @NullWhenAbsent var adjusts_bill_id: Int64?
    let issued_on: String
    let due_date: String
    let workers: Int
    let lines: [Line]
    let jkp_allocation: [String: Int64]
    let contribution: Int64
    let fine: Int64
    let total: Int64
    let paid: Int64
    let open: Int64

    init(_ bill: Bill) {
        id = bill.id
        number = bill.number
        npp = bill.employerNPP
        employer_name = bill.employerName
        month = bill.month.description
        debtor = bill.debtor.kind
        debtor_key = bill.debtor.key
        kind = bill.kind.rawValue
        adjusts_bill_id = bill.adjustsBillID
        issued_on = bill.issuedOn.iso
        due_date = bill.dueDate.iso
        workers = bill.workers
        lines = bill.lines.map { Line(program: $0.program.rawValue, payer: $0.payer.rawValue, amount: $0.amount) }
        jkp_allocation = ["from_jkk": bill.jkpFromJKK, "from_jkm": bill.jkpFromJKM]
        contribution = bill.contribution
        fine = bill.fine
        total = bill.total
        paid = bill.paid
        open = bill.open
    }
}

struct BillWorkerJSON: Encodable {
    let spell_id: Int64
    let nik: String
    let kpj: String
    let name: String
    let segment: String
    let base: Int64
    let jp_stopped: Bool
    let amounts: [String: Int64]
    let total: Int64

    init(_ line: BillWorkerLine) {
        spell_id = line.spellID
        nik = line.nik
        kpj = line.kpj
        name = line.name
        segment = line.segment.rawValue
        base = line.base
        jp_stopped = line.jpStopped
        var amounts: [String: Int64] = [:]
        for column in BillExport.amountColumns where line.charge[column.payer][column.program] != 0 {
            amounts[column.key] = line.charge[column.payer][column.program]
        }
        self.amounts = amounts
        total = line.total
    }
}

struct BillingRunJSON: Encodable {
    let month: String
    let employers: Int
    let workers: Int
    let regular_bills: Int
    let adjustment_bills: Int
    let unchanged_bills: Int
    let contribution: Int64
    let fines: Int64
    let by_payer: [String: Int64]

    init(_ summary: BillingRunSummary) {
        month = summary.month.description
        employers = summary.employers
        workers = summary.workers
        regular_bills = summary.regularBills
        adjustment_bills = summary.adjustmentBills
        unchanged_bills = summary.unchangedBills
        contribution = summary.contribution
        fines = summary.fines
        by_payer = Dictionary(uniqueKeysWithValues: summary.byPayer.map { ($0.key.rawValue, $0.value) })
    }
}

struct ReceiptJSON: Encodable {
    struct Allocation: Encodable {
        let bill_id: Int64
        let bill_number: String
        let month: String
        let amount: Int64
        let months_late: Int
        let fine: Int64
    }

    let payment_id: Int64
    let reference: String
    let debtor: String
    let debtor_key: String
    let amount: Int64
    let paid_on: String
    let newly_posted: Bool
    let allocations: [Allocation]
    let credit: Int64

    init(_ receipt: PaymentReceipt) {
        payment_id = receipt.paymentID
        reference = receipt.reference
        debtor = receipt.debtor.kind
        debtor_key = receipt.debtor.key
        amount = receipt.amount
        paid_on = receipt.paidOn.iso
        newly_posted = receipt.newlyPosted
        allocations = receipt.allocations.map {
            Allocation(bill_id: $0.billID, bill_number: $0.billNumber, month: $0.month.description, amount: $0.amount, months_late: $0.monthsLate, fine: $0.fine)
        }
        credit = receipt.credit
    }
}

struct ArrearsJSON: Encodable {
    let debtor: String
    let debtor_key: String
    let name: String
    let region: String
    let current: Int64
    let months_1_3: Int64
    let over_3_months: Int64
    let total: Int64
    @NullWhenAbsent var oldest_due_date: String?

    init(_ row: ArrearsRow) {
        debtor = row.debtor.kind
        debtor_key = row.debtor.key
        name = row.name
        region = row.regionCode
        current = row.buckets[.current] ?? 0
        months_1_3 = row.buckets[.upTo3Months] ?? 0
        over_3_months = row.buckets[.over3Months] ?? 0
        total = row.total
        oldest_due_date = row.oldestDueDate?.iso
    }
}
