import Foundation
import Testing

@testable import LindungCore

/// The lines of a bundled table, header first, without the empty piece after the final newline.
private func bundledLines(_ file: String, in folder: String = "rules") throws -> [String] {
    var lines = try TableSource.bundled.text(of: file, in: folder).components(separatedBy: "\n")
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
}

/// The index (0-based, header = 0) of the first line starting with `prefix`; its spreadsheet row is index + 1.
private func lineIndex(_ lines: [String], startingWith prefix: String) throws -> Int {
    try #require(lines.firstIndex { $0.hasPrefix(prefix) })
}

/// `line` with field `column` (0-based) replaced. The rule tables have no quoted fields.
private func replacingField(_ line: String, _ column: Int, with value: String) -> String {
    var fields = line.components(separatedBy: ",")
    fields[column] = value
    return fields.joined(separator: ",")
}

/// Writes `files` into a fresh temporary directory, runs `body` with its URL, and removes the directory.
private func withRulesDirectory<T>(_ files: [String: [String]], _ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-rules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    for (name, lines) in files {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url.appendingPathComponent(name))
    }
    return try body(url)
}

/// Loads a `RuleSet` with `file` replaced by `lines`, expecting `malformedTable`; returns its parts.
private func loadFailure(
    _ file: String, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation
) throws -> (file: String, row: Int, reason: String)? {
    let error = try withRulesDirectory([file: lines]) { url in
        #expect(throws: DomainError.self, sourceLocation: sourceLocation) { try RuleSet(source: .directory(url)) }
    }
    guard let error else { return nil }
    guard case .malformedTable(let name, let row, let reason) = error else {
        Issue.record("expected malformedTable, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    // DomainError.malformedTable's message names the file and the row.
    #expect(error.description.contains(name), sourceLocation: sourceLocation)
    #expect(error.description.contains("row \(row)"), sourceLocation: sourceLocation)
    return (name, row, reason)
}

/// Rule tables are data with effective dates (Rulings preamble: "Every table below is data with an effective
/// date and the regulation's name, so a later text can replace a value without a code change"). A malformed
/// table in an operator's directory must be refused at load with its file, row (header = row 1) and reason.
@Suite("Rule-table validation")
struct RuleTableValidationTests {
    // MARK: - parameters.csv columns: key,effective_from,effective_to,value,unit,regulation,note

    @Test("A bad effective_from date in parameters.csv is refused with its row")
    func badDate() throws {
        // Rulings preamble: every value has an effective date; 2015-02-30 is not a date.
        var lines = try bundledLines("parameters.csv")
        let index = try lineIndex(lines, startingWith: "pu.jkm.employer,")
        lines[index] = replacingField(lines[index], 1, with: "2015-02-30")
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.file == "parameters.csv")
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("effective_from"))
        #expect(failure.reason.contains("2015-02-30"))
    }

    @Test("A malformed date text (2015/07/01) is refused")
    func badDateFormat() throws {
        // Rulings preamble: dates are YYYY-MM-DD.
        var lines = try bundledLines("parameters.csv")
        let index = try lineIndex(lines, startingWith: "pu.jht.worker,")
        lines[index] = replacingField(lines[index], 1, with: "2015/07/01")
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("effective_from"))
    }

    @Test("effective_to before effective_from is refused")
    func endBeforeStart() throws {
        // Rulings preamble: a row is in force for a period; one that ends before it starts is an error.
        var lines = try bundledLines("parameters.csv")
        let index = try lineIndex(lines, startingWith: "pu.jp.wage_cap,2016-03-01")
        lines[index] = replacingField(lines[index], 2, with: "2016-01-31")
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.file == "parameters.csv")
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("effective_to"))
        #expect(failure.reason.contains("before"))
    }

    @Test("An unknown unit is refused")
    func unknownUnit() throws {
        // Units say how a value reads (percent, rupiah, months, count, times, day).
        var lines = try bundledLines("parameters.csv")
        let index = try lineIndex(lines, startingWith: "pu.jkm.employer,")
        lines[index] = replacingField(lines[index], 4, with: "percentage")
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("unit"))
        #expect(failure.reason.contains("percentage"))
    }

    @Test("A non-numeric percent value is refused")
    func nonNumericRate() throws {
        // Ruling 2: JKM 0.30 %; "0.3O" (letter O) is not a percentage.
        var lines = try bundledLines("parameters.csv")
        let index = try lineIndex(lines, startingWith: "pu.jkm.employer,")
        lines[index] = replacingField(lines[index], 3, with: "0.3O")
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("value"))
        #expect(failure.reason.contains("0.3O"))
    }

    @Test("A non-numeric rupiah value is refused")
    func nonNumericAmount() throws {
        // Ruling 3: the JP cap is whole rupiah; "7.000.000" (Indonesian grouping) is not a whole number.
        var lines = try bundledLines("parameters.csv")
        let index = try lineIndex(lines, startingWith: "pu.jp.wage_cap,2015-07-01")
        lines[index] = replacingField(lines[index], 3, with: "7.000.000")
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("value"))
        #expect(failure.reason.contains("7.000.000"))
    }

    @Test("Overlapping periods for the same key are refused at the later row")
    func overlappingPeriods() throws {
        // Ruling 3: one JP cap in force per month. A row from 2025-06-01 overlaps the 2025-03-01 row.
        var lines = try bundledLines("parameters.csv")
        lines.append("pu.jp.wage_cap,2025-06-01,2025-12-31,10600000,rupiah,Test,overlap")
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.file == "parameters.csv")
        #expect(failure.row == lines.count)
        #expect(failure.reason.contains("pu.jp.wage_cap"))
        #expect(failure.reason.contains("already has a row"))
    }

    @Test("Periods that touch but do not overlap are accepted")
    func adjacentPeriodsAccepted() throws {
        // Ruling 3: each cap from March; a row ending 2026-02-28 and one starting 2026-03-01 do not overlap.
        let lines = try bundledLines("parameters.csv")
        let rules = try withRulesDirectory(["parameters.csv": lines]) { url in try RuleSet(source: .directory(url)) }
        #expect(try rules.jpWageCap(for: YearMonth(year: 2026, month: 2)).value == 10_547_400)
        #expect(try rules.jpWageCap(for: YearMonth(year: 2026, month: 3)).value == 11_086_300)
    }

    @Test("A missing column is refused at row 1")
    func missingColumn() throws {
        // The header names the columns; without `unit` no value can be read.
        var lines = try bundledLines("parameters.csv")
        lines[0] = replacingField(lines[0], 4, with: "units")
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.file == "parameters.csv")
        #expect(failure.row == 1)
        #expect(failure.reason.contains("missing column"))
        #expect(failure.reason.contains("unit"))
    }

    @Test("A row with the wrong number of fields is refused")
    func wrongFieldCount() throws {
        // A row must have as many fields as the header (7 in parameters.csv).
        var lines = try bundledLines("parameters.csv")
        let index = try lineIndex(lines, startingWith: "pu.jht.employer,")
        lines[index] += ",extra"
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("7"))
        #expect(failure.reason.contains("8"))
    }

    @Test("A row with too few fields is refused")
    func tooFewFields() throws {
        // A row must have as many fields as the header.
        var lines = try bundledLines("parameters.csv")
        let index = try lineIndex(lines, startingWith: "due.bpu_day,")
        lines[index] = "due.bpu_day,2015-07-01,,15,day"
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("5"))
    }

    @Test("A missing required key (no pu.jp.wage_cap rows) is refused at load")
    func missingRequiredKey() throws {
        // Ruling 3: the JP wage cap is needed for every PU bill; a table without it is refused before computing.
        let lines = try bundledLines("parameters.csv").filter { !$0.hasPrefix("pu.jp.wage_cap,") }
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.file == "parameters.csv")
        #expect(failure.row == 1)
        #expect(failure.reason.contains("pu.jp.wage_cap"))
    }

    @Test("An empty regulation cell is refused")
    func emptyRegulation() throws {
        // Rulings preamble: every value carries the regulation's name.
        var lines = try bundledLines("parameters.csv")
        let index = try lineIndex(lines, startingWith: "pu.jht.worker,")
        lines[index] = replacingField(lines[index], 5, with: "")
        let failure = try #require(try loadFailure("parameters.csv", lines))
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("regulation"))
        #expect(failure.reason.contains("empty"))
    }

    @Test("An empty parameters file is refused")
    func emptyFile() throws {
        let failure = try #require(try loadFailure("parameters.csv", []))
        #expect(failure.file == "parameters.csv")
        #expect(failure.row == 1)
        #expect(failure.reason.contains("empty"))
    }

    // MARK: - jakon_tiers.csv columns: effective_from,effective_to,above,up_to,jkk_rate,jkm_rate,regulation

    @Test("A gap between Jakon tiers is refused at load, at the row after the gap")
    func jakonGapAtLoad() throws {
        // Ruling 9: the marginal tiers must run contiguously (0-100 M, 100-500 M, ...). Moving the second
        // tier's start to 200 M leaves 100-200 M uncovered. RuleSet promises a malformed table is refused
        // at load, so a bad --rules directory fails before any amount is computed.
        var lines = try bundledLines("jakon_tiers.csv")
        let index = try lineIndex(lines, startingWith: "2015-07-01,,100000000,")
        lines[index] = replacingField(lines[index], 2, with: "200000000")
        let failure = try #require(try loadFailure("jakon_tiers.csv", lines))
        #expect(failure.file == "jakon_tiers.csv")
        #expect(failure.row == index + 1)
        // The reason names where the tiers should continue (100 M) and what was found (200 M).
        #expect(failure.reason.contains("100000000"))
        #expect(failure.reason.contains("200000000"))
    }

    @Test("Jakon tiers with a gap cannot be used")
    func jakonGapAtLookup() throws {
        // Ruling 9: contiguous tiers; whatever the load does, the tiers in force must not be used with a gap.
        var lines = try bundledLines("jakon_tiers.csv")
        let index = try lineIndex(lines, startingWith: "2015-07-01,,100000000,")
        lines[index] = replacingField(lines[index], 2, with: "200000000")
        let error = try withRulesDirectory(["jakon_tiers.csv": lines]) { url -> DomainError? in
            #expect(throws: DomainError.self) {
                let rules = try RuleSet(source: .directory(url))
                _ = try rules.jakonTiers.tiers(on: CalendarDate(year: 2025, month: 1, day: 1)!)
            }
        }
        guard case .malformedTable(let file, _, let reason) = error else {
            Issue.record("expected malformedTable, got \(String(describing: error))")
            return
        }
        #expect(file == "jakon_tiers.csv")
        #expect(reason.contains("gap") || reason.contains("200000000"))
    }

    @Test("A Jakon tier whose up_to is not above its start is refused")
    func jakonInvertedTier() throws {
        // Ruling 9: each tier is a slice above `above` up to `up_to`.
        var lines = try bundledLines("jakon_tiers.csv")
        let index = try lineIndex(lines, startingWith: "2015-07-01,,100000000,")
        lines[index] = replacingField(lines[index], 3, with: "100000000")
        let failure = try #require(try loadFailure("jakon_tiers.csv", lines))
        #expect(failure.file == "jakon_tiers.csv")
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("up_to"))
    }

    // MARK: - pmi_packages.csv columns: effective_from,effective_to,stage,contract_months,amount,regulation

    @Test("An unknown PMI stage is refused")
    func badPMIStage() throws {
        // Ruling 10: stages are before placement, during (per contract length) and months beyond.
        var lines = try bundledLines("pmi_packages.csv")
        let index = try lineIndex(lines, startingWith: "2023-03-20,,during,12,")
        lines[index] = replacingField(lines[index], 2, with: "after")
        let failure = try #require(try loadFailure("pmi_packages.csv", lines))
        #expect(failure.file == "pmi_packages.csv")
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("stage"))
        #expect(failure.reason.contains("after"))
    }

    @Test("A 'during' PMI package without a contract length is refused")
    func pmiDuringWithoutMonths() throws {
        // Ruling 10: during-work packages are priced per contract length (24 / 12 / 6 months).
        var lines = try bundledLines("pmi_packages.csv")
        let index = try lineIndex(lines, startingWith: "2023-03-20,,during,6,")
        lines[index] = replacingField(lines[index], 3, with: "")
        let failure = try #require(try loadFailure("pmi_packages.csv", lines))
        #expect(failure.row == index + 1)
        #expect(failure.reason.contains("contract_months"))
    }

    // MARK: - Operators replace tables without rebuilding

    @Test("A directory's parameters.csv replaces the bundled one; other files stay bundled")
    func replacementTable() throws {
        // Ruling 3: "2026's value is pending: ship 11,086,300 from March 2026 marked provisional, replaceable by
        // data." Replace it by continuing 10,547,400 (the 2025 row made open-ended, the 2026 row dropped).
        var lines = try bundledLines("parameters.csv")
        let index2026 = try lineIndex(lines, startingWith: "pu.jp.wage_cap,2026-03-01")
        lines.remove(at: index2026)
        let index2025 = try lineIndex(lines, startingWith: "pu.jp.wage_cap,2025-03-01")
        lines[index2025] = "pu.jp.wage_cap,2025-03-01,,10547400,rupiah,BPJS (operator test: 2025 cap continued),"

        let bundled = try RuleSet()
        #expect(try bundled.jpWageCap(for: YearMonth(year: 2026, month: 4)).value == 11_086_300)

        let rules = try withRulesDirectory(["parameters.csv": lines]) { url in try RuleSet(source: .directory(url)) }
        let cap = try rules.jpWageCap(for: YearMonth(year: 2026, month: 4))
        #expect(cap.value == 10_547_400)
        #expect(cap.regulation.contains("operator test"))
        #expect(cap.period.start == CalendarDate(year: 2025, month: 3, day: 1))
        #expect(cap.period.end == nil)
        // Earlier rows of the replaced file are still read.
        #expect(try rules.jpWageCap(for: YearMonth(year: 2024, month: 4)).value == 10_042_300)
        // Files not in the directory keep the bundled versions (ruling 4: pension age 59 in 2025; ruling 10).
        #expect(try rules.pensionAge(in: 2025).value == 59)
        #expect(try rules.pensionAge(in: 2028).value == 60)
        #expect(rules.pmiPackages.packages.count == bundled.pmiPackages.packages.count)
        #expect(rules.jakonTiers.tiers.count == bundled.jakonTiers.tiers.count)
    }

    @Test("An empty directory loads the bundled tables")
    func emptyDirectoryIsBundled() throws {
        // Rulings preamble: the directory replaces tables file by file; none given → all bundled.
        let rules = try withRulesDirectory([:]) { url in try RuleSet(source: .directory(url)) }
        #expect(try rules.jpWageCap(for: YearMonth(year: 2025, month: 3)).value == 10_547_400)
        #expect(try rules.pensionAge(in: 2019).value == 57)
    }

    @Test("The bundled rule tables load and hold the rulings' figures")
    func bundledTablesLoad() throws {
        let rules = try RuleSet()
        // Ruling 3: JP wage cap from March of each year; 2021 takes the lower value; 2026 provisional.
        #expect(try rules.jpWageCap(for: YearMonth(year: 2025, month: 2)).value == 10_042_300)
        #expect(try rules.jpWageCap(for: YearMonth(year: 2025, month: 3)).value == 10_547_400)
        #expect(try rules.jpWageCap(for: YearMonth(year: 2021, month: 3)).value == 8_754_600)
        #expect(try rules.jpWageCap(for: YearMonth(year: 2026, month: 3)).value == 11_086_300)
        // Ruling 4: 56 to 2018, 57 from 2019, 58 in 2022, 59 in 2025, 60 in 2028.
        #expect(try rules.pensionAge(in: 2018).value == 56)
        #expect(try rules.pensionAge(in: 2019).value == 57)
        #expect(try rules.pensionAge(in: 2022).value == 58)
        #expect(try rules.pensionAge(in: 2025).value == 59)
        #expect(try rules.pensionAge(in: 2028).value == 60)
        // Ruling 14: the relief factor exists only for billing months 2020-08 to 2021-01.
        #expect(try rules.reliefFactor(for: YearMonth(year: 2020, month: 7)) == nil)
        #expect(try rules.reliefFactor(for: YearMonth(year: 2020, month: 8))?.value == Rate.percent(1))
        #expect(try rules.reliefFactor(for: YearMonth(year: 2021, month: 1))?.value == Rate.percent(1))
        #expect(try rules.reliefFactor(for: YearMonth(year: 2021, month: 2)) == nil)
    }
}
