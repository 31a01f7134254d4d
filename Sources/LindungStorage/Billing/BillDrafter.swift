import Foundation
public import LindungCore

/// A bill as the run decided to issue it, before the backend gives it an id.
public struct BillDraft: Sendable {
    public let employerID: Int64
    public let number: String
    public let debtor: Debtor
    public let kind: BillKind
    public let adjustsBillID: Int64?
    public let dueDate: CalendarDate
    public let workers: Int
    public let lines: [BillLine]
    public let jkpFromJKK: Rupiah
    public let jkpFromJKM: Rupiah
    public let contribution: Rupiah
    /// Uncharged late fines of the debtor that this bill carries (ruling 5: added to the next bill).
    public let fineIDs: [Int64]
    public let fine: Rupiah
    public var total: Rupiah { contribution + fine }
}

/// What is already billed for one employer, month and debtor: the regular bill and its adjustments.
public struct BilledSoFar: Sendable {
    public let employerID: Int64
    public let debtor: Debtor
    public let regularBillID: Int64
    public let adjustments: Int
    public var lines: [BillLine]

    public init(employerID: Int64, debtor: Debtor, regularBillID: Int64, adjustments: Int, lines: [BillLine]) {
        self.employerID = employerID
        self.debtor = debtor
        self.regularBillID = regularBillID
        self.adjustments = adjustments
        self.lines = lines
    }
}

/// Turns a billing pass into bills: a regular bill per employer and debtor the first time, then only the
/// difference as an adjustment bill when the registry has changed (a re-run with nothing new issues
/// nothing: billing is idempotent).
public enum BillDrafter {
    public struct Key: Hashable, Sendable {
        public let employerID: Int64
        public let debtor: Debtor

        public init(employerID: Int64, debtor: Debtor) {
            self.employerID = employerID
            self.debtor = debtor
        }
    }

    /// - Parameters:
    ///   - billed: what earlier runs issued for the month, by employer and debtor.
    ///   - unchargedFines: late fines not yet on a bill, by debtor: (fine id, amount), oldest first.
    ///   - employerNPPs: NPP by employer id, for employers billed before but without workers now.
    public static func drafts(
        pass: BillingPass, billed: [Key: BilledSoFar], unchargedFines: [Debtor: [(id: Int64, amount: Rupiah)]],
        employerNPPs: [Int64: String]
    ) -> [BillDraft] {
        let request = pass.request
        // Bill numbers start with the month as YYYYMM.
        let monthKey = String(request.month.year * 100 + request.month.month)
        var drafts: [BillDraft] = []
        var finesLeft = unchargedFines
        var seen: Set<Key> = []
        for month in pass.monthsInOrder {
            let employerID = month.employer.id
            let npp = month.employer.npp
            let dueDate = month.segments.compactMap { request.dueDates[$0] }.min() ?? request.dueDates[.pu]!
            var parts: [(Debtor, WorkerCharge, Int)] = [
                (.employer(npp: npp), month.employerPart, month.employerPartWorkers),
                (.government, month.governmentPart, month.governmentPartWorkers),
            ]
            if let region = month.employer.payingRegion {
                parts.insert((.region(code: region.code), month.regionPart, month.regionPartWorkers), at: 1)
            }
            for (debtor, charge, workers) in parts {
                let key = Key(employerID: employerID, debtor: debtor)
                seen.insert(key)
                let lines = Self.lines(of: charge)
                if let draft = draft(
                    key: key, npp: npp, monthKey: monthKey, lines: lines, workers: workers, charge: charge, dueDate: dueDate,
                    billed: billed[key], fines: &finesLeft)
                {
                    drafts.append(draft)
                }
            }
        }
        // Bills of employers the run covers that now have no workers for the month: credit them in full.
        for (key, sofar) in billed.sorted(by: { ($0.key.employerID, $0.key.debtor.key) < ($1.key.employerID, $1.key.debtor.key) })
        where !seen.contains(key) {
            guard let npp = employerNPPs[key.employerID] else { continue }
            if let draft = draft(
                key: key, npp: npp, monthKey: monthKey, lines: [], workers: 0, charge: WorkerCharge(), dueDate: request.issuedOn,
                billed: sofar, fines: &finesLeft)
            {
                drafts.append(draft)
            }
        }
        return drafts
    }

    private static func draft(
        key: Key, npp: String, monthKey: String, lines: [BillLine], workers: Int, charge: WorkerCharge, dueDate: CalendarDate,
        billed: BilledSoFar?, fines: inout [Debtor: [(id: Int64, amount: Rupiah)]]
    ) -> BillDraft? {
        let base = "\(monthKey)-\(npp)-\(suffix(key.debtor))"
        guard let billed else {
            guard !lines.isEmpty else { return nil }
            let carried = fines.removeValue(forKey: key.debtor) ?? []
            let fine = carried.reduce(0) { $0 + $1.amount }
            return BillDraft(
                employerID: key.employerID, number: base, debtor: key.debtor, kind: .regular, adjustsBillID: nil, dueDate: dueDate,
                workers: workers, lines: lines, jkpFromJKK: charge.jkpFromJKK, jkpFromJKM: charge.jkpFromJKM,
                contribution: lines.reduce(0) { $0 + $1.amount }, fineIDs: carried.map(\.id), fine: fine)
        }
        let difference = Self.difference(lines, billed.lines)
        guard !difference.isEmpty else { return nil }
        return BillDraft(
            employerID: key.employerID, number: "\(base)-A\(billed.adjustments + 1)", debtor: key.debtor, kind: .adjustment,
            adjustsBillID: billed.regularBillID, dueDate: dueDate, workers: workers, lines: difference, jkpFromJKK: 0, jkpFromJKM: 0,
            contribution: difference.reduce(0) { $0 + $1.amount }, fineIDs: [], fine: 0)
    }

    static func suffix(_ debtor: Debtor) -> String {
        switch debtor {
        case .employer: "E"
        case .region(let code): "R\(code)"
        case .government: "G"
        case .participant(let nik): "P\(nik)"
        }
    }

    /// The non-zero amounts of a charge as bill lines, payer by payer, program by program.
    public static func lines(of charge: WorkerCharge) -> [BillLine] {
        var lines: [BillLine] = []
        for payer in Payer.allCases {
            let amounts = charge[payer]
            for program in Program.allCases where amounts[program] != 0 {
                lines.append(BillLine(program: program, payer: payer, amount: amounts[program]))
            }
        }
        return lines
    }

    /// `new − old`, line by line, leaving out zero differences.
    static func difference(_ new: [BillLine], _ old: [BillLine]) -> [BillLine] {
        var sums: [String: (program: Program, payer: Payer, amount: Rupiah)] = [:]
        for line in new { sums["\(line.payer.rawValue)/\(line.program.rawValue)", default: (line.program, line.payer, 0)].amount += line.amount }
        for line in old { sums["\(line.payer.rawValue)/\(line.program.rawValue)", default: (line.program, line.payer, 0)].amount -= line.amount }
        return Payer.allCases.flatMap { payer in
            Program.allCases.compactMap { program in
                guard let sum = sums["\(payer.rawValue)/\(program.rawValue)"], sum.amount != 0 else { return nil }
                return BillLine(program: program, payer: payer, amount: sum.amount)
            }
        }
    }
}
