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

    public func contains(_ program: Program) -> Bool {
        switch program {
        case .jkk: contains(.jkk)
        case .jkm: contains(.jkm)
        case .jht: contains(.jht)
        case .jp: contains(.jp)
        case .jkp: contains(.jkp)
        case .jkkJkm: contains([.jkk, .jkm])
        }
    }
}
