import ArgumentParser
import Foundation
import LindungCore
import LindungImport
import LindungServer
import LindungStorage

/// `lindung coverage --region 36 (--on DATE | --quarter 2025Q1)` and `lindung coverage refresh --month 2025-03`
/// (docs/coverage.md, docs/cli.md).
struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Coverage figures of a region: active participants, UCJ, changes and targets.",
        subcommands: [Show.self, Refresh.self], defaultSubcommand: Show.self)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a region's coverage figures.")
        @Option(help: "00 (Indonesia), a province or a regency/city code.") var region: String
        @Option(help: "A day, YYYY-MM-DD: its month's figures.") var on: String?
        @Option(help: "A quarter, e.g. 2025Q1: its last month's figures.") var quarter: String?
        @Option(help: "text, json or csv.") var format: Format = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let period: CoveragePeriod
            switch (on, quarter) {
            case (let day?, nil): period = .on(try ArgumentValue.date(day, option: "--on"))
            case (nil, let text?):
                guard let parsed = Quarter(text: text) else { throw CLIError("invalid --quarter '\(text)': write it like 2025Q1") }
                period = .quarter(parsed)
            default: throw CLIError("give exactly one of --on DATE or --quarter YYYYQn")
            }
            let reference = try ReferenceData()
            let targets = try CoverageTargetTable()
            let figures = try await withStore(store) { store in
                try await CoverageReader(store: store, reference: reference, bundledTargets: targets).figures(region: region, period: period)
            }
            print(try Self.render(figures, format: format))
        }

        static func percent(_ value: Double?) -> String { value.map { String(format: "%.2f %%", $0) } ?? "unknown" }

        static func render(_ figures: CoverageFigures, format: Format) throws -> String {
            switch format {
            case .json: return try JSONOutput.encode(CoverageDTO(figures))
            case .csv:
                var lines = ["region_code,name,enrolled,active,pu,bpu,jakon,pmi,employed,employed_period,ucj_percent,qoq_active_change,yoy_active_change"]
                for region in [figures.region] + figures.parts {
                    let c = region.counts
                    let fields: [String] = [
                        region.regionCode, "\"\(region.regionName)\"", String(c.enrolled), String(c.active),
                        String(c.activeBySegment[.pu] ?? 0), String(c.activeBySegment[.bpu] ?? 0), String(c.activeBySegment[.jakon] ?? 0),
                        String(c.activeBySegment[.pmi] ?? 0), region.employed.map { String($0.persons) } ?? "",
                        region.employed?.period.description ?? "", region.ucj.map { String(format: "%.4f", $0.percent) } ?? "",
                        region.quarterOverQuarter.map { String($0.activeChange) } ?? "", region.yearOverYear.map { String($0.activeChange) } ?? "",
                    ]
                    lines.append(fields.joined(separator: ","))
                }
                return lines.joined(separator: "\n")
            case .text:
                let r = figures.region
                var text = "Coverage of \(r.regionName) (\(r.regionCode)), \(figures.period), taken on \(figures.referenceDate.iso)\n"
                if !figures.hasData {
                    return text + "No figures: the month \(figures.period.month) was never counted (run 'lindung coverage refresh --month \(figures.period.month)').\n"
                }
                text += "Active participants: \(r.counts.active) of \(r.counts.enrolled) enrolled\n"
                text += "Employed (UCJ denominator): " + (r.employed.map { "\($0.persons) (Sakernas \($0.period), \($0.source))" } ?? "unknown") + "\n"
                text += "UCJ index: \(percent(r.ucj?.percent))\n"
                if let change = r.quarterOverQuarter { text += "Since \(change.from): \(change.activeChange >= 0 ? "+" : "")\(change.activeChange) active\n" }
                if let change = r.yearOverYear { text += "Since \(change.from): \(change.activeChange >= 0 ? "+" : "")\(change.activeChange) active\n" }
                if let target = r.target, let projection = r.projection {
                    text += "Target \(target.year): \(percent(target.ucjPercent)) (\(target.source)); "
                    switch projection.reason {
                    case .reached: text += "reached\n"
                    case .onPace: text += "at the recent pace reached in \(projection.reachedIn!)\n"
                    case .flatOrFalling: text += "not reached at the recent pace (flat or falling)\n"
                    case .unknownPace: text += "no projection (UCJ or its change unknown)\n"
                    }
                }
                let rows = ([r] + figures.parts).map { region -> [String] in
                    let c = region.counts
                    return [
                        region.regionCode, region.regionName, String(c.active), String(c.activeBySegment[.pu] ?? 0),
                        String(c.activeBySegment[.bpu] ?? 0), String(c.activeBySegment[.jakon] ?? 0), String(c.activeBySegment[.pmi] ?? 0),
                        region.employed.map { String($0.persons) } ?? "unknown", percent(region.ucj?.percent),
                    ]
                }
                text += TextTable.render(
                    header: ["Region", "Name", "Active", "PU", "BPU", "Jakon", "PMI", "Employed", "UCJ"], rows: rows, rightAligned: [2, 3, 4, 5, 6, 7, 8])
                return text
            }
        }
    }

    struct Refresh: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refresh", abstract: "Count a month's active participants into the coverage aggregate (default: last month).")
        @Option(help: "The month, YYYY-MM.") var month: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let target = try month.map { try ArgumentValue.month($0, option: "--month") } ?? ArgumentValue.today.yearMonth.adding(months: -1)
            let started = Date()
            let summary = try await withStore(store) { try await $0.refreshCoverage(month: target) }
            print(
                "Coverage \(summary.month): \(summary.activeParticipants) active of \(summary.enrolledParticipants) enrolled, "
                    + "\(summary.rows) aggregate rows, in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        }
    }
}

/// `lindung target set --region 36 --year 2026 --ratio 40.5`: an administrator's UCJ target for a region.
struct TargetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: "Regional coverage targets.", subcommands: [Set.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Set a region's UCJ target for a year (percent).")
        @Option(help: "00, a province or a regency/city code.") var region: String
        @Option(help: "The year.") var year: Int
        @Option(help: "The target UCJ, percent of employed persons (e.g. 40.5).") var ratio: Double
        @Option(help: "Where the target comes from (e.g. the RPJMD).") var source: String?
        @Option(help: "Who sets it.") var actor = "admin"
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let reference = try ReferenceData()
            guard region == "00" || reference.regions.region(code: region) != nil else {
                throw CLIError("invalid --region '\(region)': not 00 or a region code of regions.csv")
            }
            let target = try CoverageTarget.validated(regionCode: region, year: year, ucjPercent: ratio, source: source ?? "administrator \(actor)")
            try await withStore(store) { try await $0.saveCoverageTarget(target, actor: actor) }
            print("Target for \(region) in \(year): \(ratio) % (\(target.source))")
        }
    }
}

/// `lindung import workforce FILE`: labour-force figures over the bundled ones (same region and round replaced).
struct ImportWorkforce: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workforce", abstract: "Import workforce figures (labour_force.csv's columns) from CSV or XLSX; all or nothing.")
    @Argument(help: "The CSV or XLSX file.") var file: String
    @Option(help: "Who imports.") var actor = "admin"
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let reference = try ReferenceData()
        let result: (figures: [WorkforceFigure], errors: [WorkforceFileReader.RowError])
        do { result = try WorkforceFileReader.read(path: file, regions: reference.regions) } catch { throw CLIError("\(file): \(error)") }
        guard result.errors.isEmpty else {
            throw CLIError("nothing imported; \(result.errors.count) row error(s):\n" + result.errors.map(\.description).joined(separator: "\n"))
        }
        let figures = result.figures
        try await withStore(store) { try await $0.saveWorkforce(figures, actor: actor) }
        print("Imported \(figures.count) workforce figure(s) from \(file)")
    }
}
