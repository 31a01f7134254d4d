/// Amounts for the five programs (and the migrant workers' combined JKK+JKM package) owed by one payer.
public struct ProgramAmounts: Sendable, Equatable, Codable {
    public var jkk: Rupiah = 0
    public var jkm: Rupiah = 0
    public var jht: Rupiah = 0
    public var jp: Rupiah = 0
    public var jkp: Rupiah = 0
    public var jkkJkm: Rupiah = 0

    public init() {}

    public var total: Rupiah { jkk + jkm + jht + jp + jkp + jkkJkm }
    public var isZero: Bool { self == ProgramAmounts() }

    public subscript(program: Program) -> Rupiah {
        get {
            switch program {
            case .jkk: jkk
            case .jkm: jkm
            case .jht: jht
            case .jp: jp
            case .jkp: jkp
            case .jkkJkm: jkkJkm
            }
        }
        set {
            switch program {
            case .jkk: jkk = newValue
            case .jkm: jkm = newValue
            case .jht: jht = newValue
            case .jp: jp = newValue
            case .jkp: jkp = newValue
            case .jkkJkm: jkkJkm = newValue
            }
        }
    }

    public static func += (lhs: inout ProgramAmounts, rhs: ProgramAmounts) {
        lhs.jkk += rhs.jkk
        lhs.jkm += rhs.jkm
        lhs.jht += rhs.jht
        lhs.jp += rhs.jp
        lhs.jkp += rhs.jkp
        lhs.jkkJkm += rhs.jkkJkm
    }

    public static func - (lhs: ProgramAmounts, rhs: ProgramAmounts) -> ProgramAmounts {
        var result = lhs
        for program in Program.allCases { result[program] -= rhs[program] }
        return result
    }
}

/// One worker's month on a bill: each payer's amounts by program, every amount a rounded line (ruling 1).
/// The payers here are the bill's: the region replaces the employer or participant for the programs an
/// agreement makes it pay (non-ASN staff, sponsored vulnerable workers).
public struct WorkerCharge: Sendable, Equatable {
    public var employer = ProgramAmounts()
    public var worker = ProgramAmounts()
    public var participant = ProgramAmounts()
    public var region = ProgramAmounts()
    public var government = ProgramAmounts()
    /// The JKP allocation by fund (ruling 2): parts of JKK and JKM that go to the JKP fund. Shown beside
    /// the bill, never added to it.
    public var jkpFromJKK: Rupiah = 0
    public var jkpFromJKM: Rupiah = 0

    public init() {}

    public subscript(payer: Payer) -> ProgramAmounts {
        get {
            switch payer {
            case .employer: employer
            case .worker: worker
            case .participant: participant
            case .region: region
            case .government: government
            }
        }
        set {
            switch payer {
            case .employer: employer = newValue
            case .worker: worker = newValue
            case .participant: participant = newValue
            case .region: region = newValue
            case .government: government = newValue
            }
        }
    }

    public var total: Rupiah { employer.total + worker.total + participant.total + region.total + government.total }

    public static func += (lhs: inout WorkerCharge, rhs: WorkerCharge) {
        lhs.employer += rhs.employer
        lhs.worker += rhs.worker
        lhs.participant += rhs.participant
        lhs.region += rhs.region
        lhs.government += rhs.government
        lhs.jkpFromJKK += rhs.jkpFromJKK
        lhs.jkpFromJKM += rhs.jkpFromJKM
    }
}

extension WorkerCharge {
    /// `lhs − rhs`, payer by payer and program by program, JKP allocation included (an adjustment's worker line).
    public static func - (lhs: WorkerCharge, rhs: WorkerCharge) -> WorkerCharge {
        var result = WorkerCharge()
        for payer in Payer.allCases { result[payer] = lhs[payer] - rhs[payer] }
        result.jkpFromJKK = lhs.jkpFromJKK - rhs.jkpFromJKK
        result.jkpFromJKM = lhs.jkpFromJKM - rhs.jkpFromJKM
        return result
    }
}
