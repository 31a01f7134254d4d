/// Which claims a list wants (the work queue, a person's claims), with the caller's scope in the query
/// itself so a branch queue is read page by page in SQL rather than filtered after reading.
/// Each non-nil field narrows the list; the scope fields mean what `Viewer` means on the server:
/// - `branchCode`: persons with a spell at an employer of that branch office;
/// - `employerNPP`: persons with a spell at that employer (an employer, an agency);
/// - `regionPrefix`: persons living in a region starting with it, or with a spell at an employer there.
public struct ClaimQuery: Sendable, Equatable {
    /// Empty: every status.
    public var statuses: [String]
    public var nik: String?
    public var branchCode: String?
    public var employerNPP: String?
    public var regionPrefix: String?
    /// Only claims submitted before this day (`YYYY-MM-DD`, UTC, compared with `submitted_at`).
    public var submittedBefore: String?

    public init(
        statuses: [String] = [], nik: String? = nil, branchCode: String? = nil, employerNPP: String? = nil, regionPrefix: String? = nil,
        submittedBefore: String? = nil
    ) {
        self.statuses = statuses
        self.nik = nik
        self.branchCode = branchCode
        self.employerNPP = employerNPP
        self.regionPrefix = regionPrefix
        self.submittedBefore = submittedBefore
    }
}

/// Claim lists by status, person and scope, oldest first (`submitted_at`, then id), a page at a time.
public protocol ClaimQueueStore {
    func claims(_ query: ClaimQuery, limit: Int, offset: Int) async throws -> [ClaimRecord]
}
