public import LindungCore

/// The months a participant was covered, from their spells (start, end): the registry's stand-in for
/// paid contribution months until claims read them from allocations (docs/claims.md).
public struct ContributionMonths: Sendable {
    public let months: Set<YearMonth>

    public init(spans: [(start: CalendarDate, end: CalendarDate?)], through date: CalendarDate) {
        var months: Set<YearMonth> = []
        for span in spans where span.start <= date {
            var month = span.start.yearMonth
            let last = min(span.end ?? date, date).yearMonth
            while month <= last {
                months.insert(month)
                month = month.adding(months: 1)
            }
        }
        self.months = months
    }

    public var count: Int { months.count }

    /// JKP's record at a layoff (PP 37/2021): months in the 24 ending with the layoff month, and the run of
    /// consecutive months ending there.
    public func jkpRecord(layoff: CalendarDate, windowMonths: Int = 24) -> JKPContributionRecord {
        let end = layoff.yearMonth
        let window = (0..<windowMonths).map { end.adding(months: -$0) }
        let inWindow = window.filter(months.contains).count
        let consecutive = window.prefix { months.contains($0) }.count
        return JKPContributionRecord(monthsInWindow: inWindow, consecutiveMonths: consecutive)
    }
}

/// A claim document's bytes, checked: at most `maxBytes`, and a PDF, JPEG or PNG by its magic bytes
/// (never by the file name).
public enum ClaimDocumentCheck {
    public static let maxBytes = 5 * 1024 * 1024

    public static func contentType(of bytes: [UInt8], fileName: String, maxBytes: Int = maxBytes) throws(DomainError) -> String {
        guard !bytes.isEmpty else { throw .invalidInput(field: "document \(fileName)", value: "0 bytes", reason: "the file is empty") }
        guard bytes.count <= maxBytes else {
            throw .invalidInput(field: "document \(fileName)", value: "\(bytes.count) bytes", reason: "larger than the limit of \(maxBytes) bytes")
        }
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        throw .invalidInput(field: "document \(fileName)", value: "", reason: "not a PDF, JPEG or PNG file (checked by its first bytes)")
    }
}
