public import LindungCore
public import LindungStorage

/// The demo province: a realistic, deterministic registry for one province (`lindung demo`).
///
/// Writes branch offices, agreements (PKS), employers, persons with their spells and wages in chunks
/// (`appendBulk`, one transaction each), then every agency's non-ASN roster. See docs/demo.md.
public enum DemoProvince {
    /// Generates the province into an empty registry and returns what was written.
    ///
    /// - Parameter progress: called after each chunk is written, with the number of persons written so far.
    /// - Throws: `StoreError.conflict` when the registry already holds persons or employers; `DemoError` for a
    ///   bad configuration; the store's errors.
    public static func generate(
        _ configuration: DemoConfiguration, reference: ReferenceData, into store: any LindungStore,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> DemoSummary {
        let existing = try await store.counts()
        guard existing.persons == 0, existing.employers == 0 else {
            throw StoreError.conflict(
                "the registry already holds \(existing.persons) persons and \(existing.employers) employers;"
                    + " the demo province needs an empty registry")
        }
        let plan = try DemoPlan(configuration, reference: reference, resources: try DemoResources.load())
        var summary = DemoSummary()

        try await store.prepareBulk()
        try await store.saveBranchOffices(plan.offices, actor: "demo")
        summary.branchOffices = plan.offices.count
        for agreement in plan.agreements { try await store.saveAgreement(agreement, actor: "demo") }
        summary.agreements = plan.agreements.count
        var employers = RegistryBulkChunk()
        employers.employers = plan.employers
        try await store.appendBulk(employers)
        summary.employers = plan.employers.count
        summary.agencies = plan.agencyCount

        // Generation of chunk N+1 overlaps the insert of chunk N (the store writes on its own thread); the
        // chunks are generated in one order from one stream, so the rows do not depend on the timing.
        var generator = PersonGenerator(plan: plan)
        var pending: Task<Void, any Error>?
        var written = 0
        while let chunk = generator.nextChunk(size: max(1, configuration.chunkSize)) {
            if let pending {
                try await pending.value
                progress?(written)
            }
            written += chunk.persons.count
            pending = Task { try await store.appendBulk(chunk) }
        }
        if let pending {
            try await pending.value
            progress?(written)
        }
        try await store.finishBulk()
        summary.persons = generator.personsGenerated
        summary.spells = Int(generator.nextSpellID - 1)
        summary.wages = generator.wageCount

        for roster in plan.rosters { try await store.saveRoster(roster, actor: "demo") }
        summary.rosters = plan.rosters.count
        return summary
    }
}
