import Foundation

/// The programs a spell joined, as a bit set: compact in a bill's worker snapshot, fast in the billing pass.
public struct ProgramSet: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let jkk = ProgramSet(rawValue: 1 << 0)
    public static let jkm = ProgramSet(rawValue: 1 << 1)
    public static let jht = ProgramSet(rawValue: 1 << 2)
    public static let jp = ProgramSet(rawValue: 1 << 3)
    public static let jkp = ProgramSet(rawValue: 1 << 4)

    public init(_ programs: some Sequence<Program>) {
        self = []
        for program in programs {
            switch program {
            case .jkk: insert(.jkk)
            case .jkm: insert(.jkm)
            case .jht: insert(.jht)
            case .jp: insert(.jp)
            case .jkp: insert(.jkp)
            case .jkkJkm: formUnion([.jkk, .jkm])
            }
        }
    }

    /// Parses the registry's comma-separated list (`JKK,JKM,JHT`); unknown names are ignored.
    public init(list: some StringProtocol) {
        self.init(list.split(separator: ",").compactMap { Program(rawValue: $0.trimmingCharacters(in: .whitespaces).uppercased()) })
    }

    /// Whether the set holds `program` (both JKK and JKM for the combined package). Named apart from
    /// `contains(_:)` so that `.jkk` can never resolve to the wrong overload.
    public func includes(_ program: Program) -> Bool {
        switch program {
        case .jkk: contains(ProgramSet.jkk)
        case .jkm: contains(ProgramSet.jkm)
        case .jht: contains(ProgramSet.jht)
        case .jp: contains(ProgramSet.jp)
        case .jkp: contains(ProgramSet.jkp)
        case .jkkJkm: contains([ProgramSet.jkk, ProgramSet.jkm])
        }
    }
}
