import LindungStorage

/// `POST /api/v1/imports`: what was read, what passed, the errors, and (when written) what changed.
struct ImportDTO: Encodable, Sendable {
    struct RowErrorDTO: Encodable, Sendable {
        let row: Int
        let field: String
        let value: String
        let reason: String
    }

    let kind: String
    let employer: Nullable<String>
    let dry_run: Bool
    let rows_read: Int
    let valid: Int
    let with_errors: Int
    /// True when the registry was changed; false for a dry run, a file with errors or a refusal.
    let written: Bool
    let created: Int
    let updated: Int
    let unchanged: Int
    let persons_created: Int
    let wages_changed: Int
    let spells_closed: Int
    let errors: [RowErrorDTO]

    init(_ check: ImportCheck, dryRun: Bool, summary: ImportSummary?, language: PageLanguage = .en) {
        kind = check.kind.rawValue
        employer = Nullable(check.employerNPP)
        dry_run = dryRun
        rows_read = check.rowsRead
        valid = check.valid
        let errors = check.errors + (summary?.errors ?? [])
        with_errors = Set(errors.map(\.line)).count
        written = summary.map { !$0.refused } ?? false
        created = summary?.created ?? 0
        updated = summary?.updated ?? 0
        unchanged = summary?.unchanged ?? 0
        persons_created = summary?.personsCreated ?? 0
        wages_changed = summary?.wagesChanged ?? 0
        spells_closed = summary?.spellsClosed ?? 0
        self.errors = errors.map { RowErrorDTO(row: $0.line, field: $0.column, value: $0.value, reason: ImportReasonText.text($0.reason, in: language)) }
    }
}
