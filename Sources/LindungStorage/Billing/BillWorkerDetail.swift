public import Foundation
public import LindungCore

/// A stored worker snapshot decoded and priced with the tariff stored beside it: what a bill's worker
/// detail is recomputed from, on either backend.
public struct PricedSnapshot: Sendable {
    public let bases: [Int64: WorkerBasis]
    public let charges: [Int64: WorkerCharge]

    /// - Parameters: the snapshot row's packed workers, risk class and region program bits, and the tariff JSON.
    public init(data: some Collection<UInt8>, riskClass: Int, regionProgramBits: Int64, tariffJSON: String) throws {
        let tariff = try JSONDecoder().decode(BillingTariff.self, from: Data(tariffJSON.utf8))
        let regionPrograms = ProgramSet(rawValue: UInt8(truncatingIfNeeded: regionProgramBits))
        var bases: [Int64: WorkerBasis] = [:]
        var charges: [Int64: WorkerCharge] = [:]
        for worker in try WorkerSnapshotCodec.decode(data) {
            bases[worker.spellID] = worker
            charges[worker.spellID] = tariff.charge(worker, riskClass: riskClass, regionPrograms: regionPrograms)
        }
        self.bases = bases
        self.charges = charges
    }
}

/// A bill's worker lines from its snapshot: each worker's part for the bill's debtor; for an adjustment,
/// only what changed since the snapshot of the bill before it (`previous`).
public enum BillWorkerDetail {
    public static func lines(
        bill: Bill, current: PricedSnapshot, previous: [Int64: WorkerCharge], people: [Int64: (nik: String, kpj: String, name: String)]
    ) -> [BillWorkerLine] {
        var lines: [BillWorkerLine] = []
        for spellID in Set(current.bases.keys).union(previous.keys).sorted() {
            let now = BillingPass.part(of: current.charges[spellID] ?? WorkerCharge(), for: bill.debtor)
            let before = BillingPass.part(of: previous[spellID] ?? WorkerCharge(), for: bill.debtor)
            let charge = now - before
            guard charge.total != 0 || (bill.kind != .adjustment && now.total != 0) else { continue }
            let person = people[spellID]
            let basis = current.bases[spellID]
            lines.append(
                BillWorkerLine(
                    spellID: spellID, nik: person?.nik ?? "", kpj: person?.kpj ?? "", name: person?.name ?? "",
                    segment: basis?.segment ?? .pu, base: basis?.base ?? 0, jpStopped: basis?.jpStopped ?? false, charge: charge,
                    total: charge.total))
        }
        return lines
    }
}
