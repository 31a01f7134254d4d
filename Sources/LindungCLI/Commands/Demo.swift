import ArgumentParser
import Foundation
import LindungCore
import LindungDemo
import LindungStorage

/// `lindung demo --province 36 --workers 50000 --seed 1 --db PATH`: a realistic, deterministic demo province.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate a deterministic demo province into an empty registry (docs/demo.md).")
    @Option(help: "The province code (default 36, Banten).") var province = "36"
    @Option(parsing: .unconditional, help: "How many participants (persons) to generate.") var workers = 50_000
    @Option(help: "The seed: the same seed gives the same province.") var seed: UInt64 = 1
    @Option(help: "The last month of the 12 months of history, YYYY-MM.") var month = "2025-12"
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard workers > 0 else { throw CLIError("invalid --workers '\(workers)': must be at least 1") }
        let reference = try ReferenceData()
        guard let region = reference.regions.region(code: province), region.level == .province else {
            throw CLIError("invalid --province '\(province)': not a province code (e.g. 36 for Banten)")
        }
        let configuration = DemoConfiguration(
            provinceCode: province, workers: workers, seed: seed, referenceMonth: try ArgumentValue.month(month, option: "--month"))
        let started = Date()
        let progress = Progress(label: "persons generated")
        let location = store.location
        let summary = try await withStore(store) { store -> DemoSummary? in
            // The demo is created once: a registry that already holds data is left as it is, so the README's
            // command can be run again.
            let existing = try await store.counts()
            guard existing.persons == 0 && existing.employers == 0 else {
                print("The registry at \(location) already holds \(existing.persons) persons and \(existing.employers) employers; nothing generated (give a new --db to generate again).")
                return nil
            }
            return try await DemoProvince.generate(configuration, reference: reference, into: store, progress: { progress.update($0) })
        }
        guard let summary else { return }
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        print(
            "Generated \(region.name) (seed \(seed)) in \(String(format: "%.1f", seconds)) s: \(summary.persons) persons, \(summary.spells) spells, "
                + "\(summary.wages) wage entries, \(summary.employers) employers (\(summary.agencies) agencies), \(summary.branchOffices) branch offices.")
    }
}
