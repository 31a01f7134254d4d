/// Typed reading of one field of a rule table row, with the file, row and column in every refusal.
struct TableFields {
    let table: CSVTable
    let row: CSVTable.Row

    func text(_ column: String) throws(DomainError) -> String {
        let value = table.value(column, in: row)
        guard !value.isEmpty else { throw refusal(column, "is empty") }
        return value
    }

    func date(_ column: String) throws(DomainError) -> CalendarDate {
        let value = try text(column)
        guard let date = CalendarDate(iso: value) else { throw refusal(column, "'\(value)' is not a date YYYY-MM-DD") }
        return date
    }

    func optionalDate(_ column: String) throws(DomainError) -> CalendarDate? {
        table.value(column, in: row).isEmpty ? nil : try date(column)
    }

    func integer(_ column: String) throws(DomainError) -> Int64 {
        let value = try text(column)
        guard let number = Int64(value), number >= 0 else {
            throw refusal(column, "'\(value)' is not a whole non-negative number")
        }
        return number
    }

    func optionalInteger(_ column: String) throws(DomainError) -> Int64? {
        table.value(column, in: row).isEmpty ? nil : try integer(column)
    }

    func rate(_ column: String) throws(DomainError) -> Rate {
        let value = try text(column)
        guard let rate = Rate(percent: value) else { throw refusal(column, "'\(value)' is not a percentage like 0.24") }
        return rate
    }

    /// The period from `effective_from` through `effective_to`, which must not end before it starts.
    func period() throws(DomainError) -> EffectivePeriod {
        let start = try date("effective_from")
        let end = try optionalDate("effective_to")
        if let end, end < start { throw refusal("effective_to", "\(end.iso) is before effective_from \(start.iso)") }
        return EffectivePeriod(start: start, end: end)
    }

    func refusal(_ column: String, _ reason: String) -> DomainError {
        .malformedTable(file: table.file, row: row.number, reason: "column '\(column)' \(reason)")
    }
}
