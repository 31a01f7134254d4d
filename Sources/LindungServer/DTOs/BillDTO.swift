import Foundation
import LindungCore
public import LindungStorage

/// A bill as `lindung bill list --json` and the API print one (docs/cli.md): one contract, used by both.
public struct BillDTO: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        let program: String
        let payer: String
        let amount: Int64
    }

    let id: Int64
    var number: String
    let npp: String
    let employer_name: String
    let month: String
    let debtor: String
    var debtor_key: String
    let kind: String
    let adjusts_bill_id: Nullable<Int64>
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

    public init(_ bill: Bill) {
        id = bill.id
        number = bill.number
        npp = bill.employerNPP
        employer_name = bill.employerName
        month = bill.month.description
        debtor = bill.debtor.kind
        debtor_key = bill.debtor.key
        kind = bill.kind.rawValue
        adjusts_bill_id = Nullable(bill.adjustsBillID)
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

/// A bill's worker line; `amounts` holds only the non-zero payer/program amounts (`employer_jkk`, …,
/// `participant_jkk_jkm`, `government_jkp`), as in `bill show --format json`.
public struct BillWorkerDTO: Encodable, Sendable {
    let spell_id: Int64
    var nik: String
    let kpj: String
    let name: String
    let segment: String
    let base: Int64
    let jp_stopped: Bool
    let amounts: [String: Int64]
    let total: Int64

    public init(_ line: BillWorkerLine) {
        spell_id = line.spellID
        nik = line.nik
        kpj = line.kpj
        name = line.name
        segment = line.segment.rawValue
        base = line.base
        jp_stopped = line.jpStopped
        var amounts: [String: Int64] = [:]
        for payer in Payer.allCases {
            for program in Program.allCases where line.charge[payer][program] != 0 {
                let key = payer.rawValue + "_" + program.rawValue.lowercased().replacingOccurrences(of: "+", with: "_")
                amounts[key] = line.charge[payer][program]
            }
        }
        self.amounts = amounts
        total = line.total
    }
}
