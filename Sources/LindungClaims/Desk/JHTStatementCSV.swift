import LindungCore

extension JHTStatement {
    /// The statement as CSV, as `lindung jht statement --format csv` prints it and the statement page
    /// downloads it: an opening row, each entry with the running balance, a closing row; whole rupiah.
    public var csv: String {
        var lines = ["date,kind,employer,reference,amount,balance", "\(from.iso),opening,,,,\(opening)"]
        var running = opening
        for entry in entries {
            running += entry.amount
            lines.append("\(entry.date.iso),\(entry.kind.rawValue),\(entry.employer ?? ""),\(entry.reference),\(entry.amount),\(running)")
        }
        lines.append("\(to.iso),closing,,,,\(closing)")
        return lines.joined(separator: "\n") + "\n"
    }
}
