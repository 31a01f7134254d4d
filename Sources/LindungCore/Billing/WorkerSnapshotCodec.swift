/// Packs a bill's workers (`WorkerBasis`, ascending by spell id) into bytes and back: one row per employer
/// and month instead of one per worker, so a province's month is written in one pass of a few tens of
/// megabytes. Each worker is three unsigned LEB128 varints: the spell id's increase over the previous one,
/// the flags (segment, programs, JP stopped, region pays), and the base. Version byte first.
public enum WorkerSnapshotCodec {
    static let version: UInt8 = 1
    private static let segments: [Segment] = [.pu, .bpu, .jakon, .pmi]

    public static func encode(_ workers: [WorkerBasis]) -> [UInt8] {
        var writer = Writer()
        for worker in workers { writer.append(worker) }
        return writer.bytes
    }

    /// Appends workers one at a time, as a billing pass streams them (ascending spell id).
    public struct Writer: Sendable {
        public private(set) var bytes: [UInt8] = [WorkerSnapshotCodec.version]
        private var previous: Int64 = 0

        public init() {}

        public mutating func append(_ worker: WorkerBasis) {
            precondition(worker.spellID > previous, "snapshot workers must be ascending by spell id")
            WorkerSnapshotCodec.append(UInt64(worker.spellID - previous), to: &bytes)
            previous = worker.spellID
            WorkerSnapshotCodec.append(WorkerSnapshotCodec.flags(worker), to: &bytes)
            WorkerSnapshotCodec.append(UInt64(worker.base), to: &bytes)
        }
    }

    public static func decode(_ bytes: some Collection<UInt8>) throws(DomainError) -> [WorkerBasis] {
        let bytes = Array(bytes)
        guard bytes.first == version else { throw malformed("unknown snapshot version") }
        var index = 1
        var previous: Int64 = 0
        var workers: [WorkerBasis] = []
        while index < bytes.count {
            let delta = try read(bytes, &index)
            let flags = try read(bytes, &index)
            let base = try read(bytes, &index)
            guard delta > 0, Int(flags & 0b11) < segments.count, base <= UInt64(Int64.max) else { throw malformed("bad worker entry") }
            previous += Int64(delta)
            workers.append(
                WorkerBasis(
                    spellID: previous, segment: segments[Int(flags & 0b11)], programs: ProgramSet(rawValue: UInt8((flags >> 4) & 0x1F)),
                    base: Rupiah(base), jpStopped: flags & 0b100 != 0, regionPays: flags & 0b1000 != 0))
        }
        return workers
    }

    fileprivate static func flags(_ worker: WorkerBasis) -> UInt64 {
        var flags = UInt64(segments.firstIndex(of: worker.segment)!)
        if worker.jpStopped { flags |= 0b100 }
        if worker.regionPays { flags |= 0b1000 }
        return flags | UInt64(worker.programs.rawValue) << 4
    }

    fileprivate static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func read(_ bytes: [UInt8], _ index: inout Int) throws(DomainError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard shift < 64 else { break }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw malformed("truncated varint")
    }

    private static func malformed(_ reason: String) -> DomainError {
        .invalidInput(field: "bill snapshot", value: "", reason: reason)
    }
}
