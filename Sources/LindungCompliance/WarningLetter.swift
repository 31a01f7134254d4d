public import LindungCore
public import LindungStorage

/// A letter of the PP 86/2013 sanction ladder about one finding: the first or second written warning, the
/// notice of the fine, or BPJS's request to the regional government to deny the employer public services.
/// Built from what the store knows (the subject, the finding and its recorded ladder step), so the letter's
/// date and deadline are the ones the ladder stored (working days and the holiday calendar).
public struct WarningLetter: Sendable {
    /// The stages that have a letter (`resolved` has none).
    public static let stages: [SanctionStage] = [.warning1, .warning2, .fine, .denialRequested]

    public let subject: ComplianceSubject
    public let finding: StoredFinding
    public let stage: SanctionStage
    /// The letter's date: the day the stage was entered.
    public let date: CalendarDate
    /// The last day to cure (warnings) or the fine's last day; nil for the request to deny public services.
    public let dueOn: CalendarDate?
    /// The fine recorded for the fine stage (an arrears finding's open amount × 0.1 %), if any.
    public let fine: Rupiah?
    /// The region's name, e.g. "Kabupaten Serang" (the code when unknown).
    public let regionName: String
    /// Where the letter is signed, e.g. "Serang".
    public let place: String
    /// National holidays on weekdays between the letter and its deadline, which the deadline skips.
    public let skippedHolidays: [HolidayCalendar.Holiday]

    /// The letter for `finding` at `stage` (default: where it stands now). Refuses a cured finding's current
    /// stage, a stage it never reached, and a finding that is not the subject's.
    public init(
        subject: ComplianceSubject, findingID: Int64?, stage: SanctionStage? = nil, regions: RegionDirectory, holidays: HolidayCalendar,
        place: String? = nil
    ) throws {
        let finding: StoredFinding
        if let findingID {
            guard let found = subject.findings.first(where: { $0.id == findingID }) else {
                throw LetterError("finding \(findingID) is not about \(subject.npp ?? subject.nib ?? subject.name); its findings: \(Self.list(subject.findings))")
            }
            finding = found
        } else {
            let open = subject.openFindings
            guard open.count == 1, let only = open.first else {
                throw LetterError(
                    open.isEmpty
                        ? "\(subject.name) has no open finding: no letter to write"
                        : "\(subject.name) has \(open.count) open findings; choose one with --finding: \(Self.list(open))")
            }
            finding = only
        }
        let wanted = stage ?? finding.position.stage
        guard wanted != .resolved else {
            throw LetterError("finding \(finding.id) was cured on \(finding.curedOn?.iso ?? "-"): the ladder stopped and there is no letter to write")
        }
        let step: (entered: CalendarDate, due: CalendarDate?, fine: Rupiah?)
        if let recorded = finding.history.last(where: { $0.stage == wanted }) {
            step = (recorded.enteredOn, recorded.dueOn, recorded.fine)
        } else if finding.position.stage == wanted {
            step = (finding.position.enteredOn, finding.position.dueOn, nil)
        } else {
            throw LetterError("finding \(finding.id) never reached \(wanted.rawValue); it stands at \(finding.position.stage.rawValue)")
        }
        self.subject = subject
        self.finding = finding
        self.stage = wanted
        self.date = step.entered
        self.dueOn = step.due
        self.fine = step.fine
        let name = regions.region(code: finding.regionCode)?.name ?? regions.region(code: subject.regionCode)?.name
        self.regionName = name ?? finding.regionCode
        self.place = place ?? Self.place(regionName: name) ?? finding.regionCode
        var skipped: [HolidayCalendar.Holiday] = []
        if let due = step.due {
            var day = step.entered.adding(days: 1)
            while day <= due {
                if let holiday = holidays.holiday(on: day), holiday.kind == .national, !day.isWeekend { skipped.append(holiday) }
                day = day.adding(days: 1)
            }
        }
        self.skippedHolidays = skipped
    }

    /// "Kabupaten Serang" → "Serang", "Kota Serang" → "Serang".
    static func place(regionName: String?) -> String? {
        guard let regionName else { return nil }
        for prefix in ["Kabupaten ", "Kota ", "Provinsi "] where regionName.hasPrefix(prefix) { return String(regionName.dropFirst(prefix.count)) }
        return regionName
    }

    static func list(_ findings: [StoredFinding]) -> String {
        findings.isEmpty ? "none" : findings.map { "\($0.id) (\($0.kind.rawValue), \($0.position.stage.rawValue))" }.joined(separator: ", ")
    }

    /// The letter's number: code / finding / region / year, e.g. `TT1/000042/3604/2025`.
    public var number: String {
        let code =
            switch stage {
            case .warning1: "TT1"
            case .warning2: "TT2"
            case .fine: "DND"
            default: "PPP"
            }
        let id = String(finding.id)
        return "\(code)/\(String(repeating: "0", count: max(0, 6 - id.count)))\(id)/\(finding.regionCode)/\(date.year)"
    }

    /// A file name for the letter: `surat-12345678-42-warning_1.html`.
    public func fileName(extension ext: String) -> String {
        "surat-\(finding.subject)-\(finding.id)-\(stage.rawValue).\(ext)"
    }
}

/// Why a letter cannot be written, in a sentence that names the finding.
public struct LetterError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
