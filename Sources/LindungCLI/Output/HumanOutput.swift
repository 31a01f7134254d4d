import LindungCore

/// The default, human-readable rendering of results: a table and the facts that shaped it.
enum HumanOutput {
    static func contribution(_ result: ContributionResult) -> String {
        let rows = result.lines.map { line in
            [
                line.program.rawValue, line.payer.rawValue, line.base.map(Money.format) ?? "",
                line.rate.map { "\($0)%" } ?? line.flatAmount.map { "flat \(Money.format($0))" + (line.quantity > 1 ? " × \(line.quantity)" : "") } ?? "",
                Money.format(line.amount), line.regulation,
            ]
        }
        var text = "\(result.segment.rawValue.uppercased()) contribution for \(result.month)\n"
        text += TextTable.render(header: ["Program", "Payer", "Base", "Rate", "Amount", "Regulation"], rows: rows, rightAligned: [2, 3, 4])
        text += "\n\nTotals"
        for payer in Payer.allCases where result.lines.contains(where: { $0.payer == payer }) {
            text += "\n  \(payer.rawValue): \(Money.format(result.total(for: payer)))"
        }
        text += "\n  total: \(Money.format(result.total))"
        if !result.allocations.isEmpty {
            text += "\n\nJKP allocation by fund (already inside the amounts above)"
            for allocation in result.allocations {
                text += "\n  \(allocation.rate)% of \(Money.format(allocation.base)) from \(allocation.source.rawValue): \(Money.format(allocation.amount)) (\(allocation.regulation))"
            }
        }
        return text + notes(result.notes + result.lines.compactMap(\.note))
    }

    static func benefit(_ result: BenefitResult) -> String {
        var text = "\(result.benefit.uppercased()) benefit, event on \(result.eventDate.iso)\n"
        text += TextTable.render(
            header: ["Component", "Amount", "Regulation"],
            rows: result.components.map { [$0.description, Money.format($0.amount), $0.regulation] }, rightAligned: [1])
        text += "\n\nTotal: \(Money.format(result.total))"
        if let scholarship = result.scholarship {
            text += "\n\nScholarship: " + (scholarship.eligible ? "due" : "not due") + " (\(scholarship.reason))"
            if scholarship.eligible {
                text += ", up to \(scholarship.maxChildren) child(ren), at most \(Money.format(scholarship.maxPerChild)) each"
                for level in scholarship.schedule {
                    text += "\n  \(level.level): \(Money.format(level.amountPerYear)) a year for up to \(level.maxYears) year(s)"
                }
            }
        }
        return text + notes(result.notes)
    }

    static func pension(_ result: PensionEligibility) -> String {
        let outcome = result.outcome == .monthlyPension ? "a monthly pension" : "a lump sum (contributions and returns)"
        var text = "\(result.contributionMonths) contribution months (\(result.requiredMonths) needed for a monthly pension): \(outcome) (\(result.regulation))"
        if let minimum = result.minimumMonthlyBenefit { text += "\nMinimum monthly benefit: \(Money.format(minimum))" }
        if let maximum = result.maximumMonthlyBenefit { text += "\nMaximum monthly benefit: \(Money.format(maximum))" }
        return text
    }

    private static func notes(_ notes: [String]) -> String {
        var seen = Set<String>()
        let unique = notes.filter { seen.insert($0).inserted }
        return unique.isEmpty ? "" : "\n\nNotes\n" + unique.map { "  - \($0)" }.joined(separator: "\n")
    }
}
