public import LindungCore

/// One validated worker row of an import file.
public struct WorkerRow: Sendable, Equatable {
    /// The file's row number (header = row 1), for error reports.
    public var line: Int
    public var person: PersonRecord
    public var segment: Segment
    public var programs: [Program]
    public var category: NonASNCategory?
    public var startDate: CalendarDate
    public var endDate: CalendarDate?
    public var exitReason: String?
    public var wage: Rupiah

    public init(
        line: Int, person: PersonRecord, segment: Segment, programs: [Program], category: NonASNCategory?, startDate: CalendarDate,
        endDate: CalendarDate?, exitReason: String?, wage: Rupiah
    ) {
        self.line = line
        self.person = person
        self.segment = segment
        self.programs = programs
        self.category = category
        self.startDate = startDate
        self.endDate = endDate
        self.exitReason = exitReason
        self.wage = wage
    }
}

/// Everything a store needs to apply one worker file for one employer.
public struct WorkerImportPlan: Sendable {
    public var employerNPP: String
    public var rows: [WorkerRow]
    /// The date a changed wage takes effect from (the import's date unless given).
    public var asOf: CalendarDate
    /// Write the rows that pass even when others fail (`--partial`); otherwise all or nothing.
    public var partial: Bool
    public var actor: String

    public init(employerNPP: String, rows: [WorkerRow], asOf: CalendarDate, partial: Bool, actor: String) {
        self.employerNPP = employerNPP
        self.rows = rows
        self.asOf = asOf
        self.partial = partial
        self.actor = actor
    }
}

public struct EmployerImportPlan: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var record: EmployerRecord

        public init(line: Int, record: EmployerRecord) {
            self.line = line
            self.record = record
        }
    }

    public var rows: [Row]
    public var partial: Bool
    public var actor: String

    public init(rows: [Row], partial: Bool, actor: String) {
        self.rows = rows
        self.partial = partial
        self.actor = actor
    }
}

/// A row that cannot be imported: the file's row number, the column, the value and the reason.
public struct RowError: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: String
    public let value: String
    public let reason: String

    public init(line: Int, column: String, value: String, reason: String) {
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }

    public var description: String { "row \(line), column '\(column)', value '\(value)': \(reason)" }
}

/// What an import did (or, when refused, would have done: nothing is written then).
public struct ImportSummary: Sendable, Equatable {
    public var rowsRead = 0
    public var rowsWritten = 0
    /// New persons registered (each with a new participant number).
    public var personsCreated = 0
    /// New records: spells for a worker import, employers for an employer import.
    public var created = 0
    public var updated = 0
    public var wagesChanged = 0
    public var spellsClosed = 0
    public var unchanged = 0
    public var errors: [RowError] = []
    /// True when nothing was written because of errors (all-or-nothing mode).
    public var refused = false

    public init() {}
}

/// Generated registry rows with their ids already assigned, appended in bulk (the demo province).
public struct RegistryBulkChunk: Sendable {
    public struct PersonRow: Sendable {
        public let id: Int64
        public let record: PersonRecord
        public let registeredOn: CalendarDate

        public init(id: Int64, record: PersonRecord, registeredOn: CalendarDate) {
            self.id = id
            self.record = record
            self.registeredOn = registeredOn
        }
    }

    public struct SpellRow: Sendable {
        public let id: Int64
        public let personID: Int64
        public let employerID: Int64
        public let segment: Segment
        public let programs: [Program]
        public let category: NonASNCategory?
        public let startDate: CalendarDate
        public let endDate: CalendarDate?
        public let exitReason: String?
        public let wages: [WageChange]

        public init(
            id: Int64, personID: Int64, employerID: Int64, segment: Segment, programs: [Program], category: NonASNCategory?,
            startDate: CalendarDate, endDate: CalendarDate?, exitReason: String?, wages: [WageChange]
        ) {
            self.id = id
            self.personID = personID
            self.employerID = employerID
            self.segment = segment
            self.programs = programs
            self.category = category
            self.startDate = startDate
            self.endDate = endDate
            self.exitReason = exitReason
            self.wages = wages
        }
    }

    public struct EmployerRow: Sendable {
        public let id: Int64
        public let npp: String
        public let record: EmployerRecord

        public init(id: Int64, npp: String, record: EmployerRecord) {
            self.id = id
            self.npp = npp
            self.record = record
        }
    }

    public var employers: [EmployerRow] = []
    public var persons: [PersonRow] = []
    public var spells: [SpellRow] = []

    public init() {}
}

/// Programs as stored: a comma-separated list of program codes (`JKK,JKM,JHT,JP,JKP`).
public enum ProgramList {
    public static func encode(_ programs: [Program]) -> String { programs.map(\.rawValue).joined(separator: ",") }

    public static func decode(_ text: String) -> [Program] {
        text.split(separator: ",").compactMap { Program(rawValue: String($0)) }
    }
}
