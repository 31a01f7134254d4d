/// What a bill records about one worker when it is issued: enough to recompute the worker's lines with
/// the bill's tariff, without reading the registry again (whose spells and wages may change later).
public struct WorkerBasis: Sendable, Equatable {
    public var spellID: Int64
    public var segment: Segment
    public var programs: ProgramSet
    /// The wage (PU, Jakon) or declared income (BPU) in force for the month; for a migrant worker the
    /// placement's package price, computed when the bill was issued.
    public var base: Rupiah
    /// JP not billed: the worker is at or past the pension age (ruling 12).
    public var jpStopped: Bool
    /// A regional government pays this worker's programs that its agreement names.
    public var regionPays: Bool

    public init(spellID: Int64, segment: Segment, programs: ProgramSet, base: Rupiah, jpStopped: Bool = false, regionPays: Bool = false) {
        self.spellID = spellID
        self.segment = segment
        self.programs = programs
        self.base = base
        self.jpStopped = jpStopped
        self.regionPays = regionPays
    }
}
