import ArgumentParser
import LindungStorage

/// `lindung migrate [--db …]`: applies the numbered migrations not yet applied.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the registry's database schema.")
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await withStore(store, migrate: false) { store in
            let applied = try await store.migrate()
            let all = try await store.appliedMigrations()
            print(applied.isEmpty ? "The schema is up to date (\(all.count) migrations)." : "Applied \(applied.count) migration(s): \(applied.joined(separator: ", "))")
        }
    }
}
