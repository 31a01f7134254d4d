import LindungCore
public import LindungStorage
import PostgresNIO

extension PostgresStore {
    /// Appends generated employers, persons, spells and wages in one transaction, `batchSize` rows per
    /// `INSERT … SELECT FROM unnest(…)`; one audit row records the chunk. For the demo province only: the rows
    /// come with ids and were checked by the generator.
    public func appendBulk(_ chunk: RegistryBulkChunk) async throws {
        let at = now()
        try await transaction { db in
            for batch in Self.batches(chunk.employers) {
                try await db.execute(
                    """
                    INSERT INTO employer (id, npp, kind, name, nib, npwp, region_code, parent_region_code, risk_class, size_class, branch_id)
                    SELECT u.id, u.npp, u.kind, u.name, u.nib, u.npwp, u.region_code, u.parent_region_code, u.risk_class, u.size_class,
                           (SELECT b.id FROM branch_office b WHERE b.code = u.branch_code)
                    FROM unnest(\(batch.map(\.id))::bigint[], \(batch.map(\.npp))::text[], \(batch.map(\.record.kind.rawValue))::text[],
                                \(batch.map(\.record.name))::text[], \(NullableArray(batch.map(\.record.nib)))::text[],
                                \(NullableArray(batch.map(\.record.npwp)))::text[], \(batch.map(\.record.regionCode))::text[],
                                \(NullableArray(batch.map(\.record.parentRegionCode)))::text[], \(batch.map { Int64($0.record.riskClass) })::bigint[],
                                \(batch.map(\.record.sizeClass.rawValue))::text[], \(NullableArray(batch.map(\.record.branchCode)))::text[])
                         AS u(id, npp, kind, name, nib, npwp, region_code, parent_region_code, risk_class, size_class, branch_code)
                    """)
            }
            for batch in Self.batches(chunk.persons) {
                try await db.execute(
                    """
                    INSERT INTO person (id, nik, kpj, name, birth_date, sex, domicile_region, registered_on)
                    SELECT * FROM unnest(\(batch.map(\.id))::bigint[], \(batch.map(\.record.nik))::text[],
                                         \(batch.map { KPJ.make(personID: $0.id) })::text[], \(batch.map(\.record.name))::text[],
                                         \(batch.map(\.record.birthDate.iso))::date[], \(batch.map(\.record.sex.rawValue))::text[],
                                         \(batch.map(\.record.domicileRegion))::text[], \(batch.map(\.registeredOn.iso))::date[])
                    """)
            }
            for batch in Self.batches(chunk.spells) {
                try await db.execute(
                    """
                    INSERT INTO spell (id, person_id, employer_id, segment, programs, non_asn_category, start_date, end_date, exit_reason)
                    SELECT * FROM unnest(\(batch.map(\.id))::bigint[], \(batch.map(\.personID))::bigint[], \(batch.map(\.employerID))::bigint[],
                                         \(batch.map(\.segment.rawValue))::text[], \(batch.map { ProgramList.encode($0.programs) })::text[],
                                         \(NullableArray(batch.map { $0.category?.rawValue }))::text[], \(batch.map(\.startDate.iso))::date[],
                                         \(NullableArray(batch.map { $0.endDate?.iso }))::date[], \(NullableArray(batch.map(\.exitReason)))::text[])
                    """)
            }
            let wages = chunk.spells.flatMap { spell in spell.wages.map { (spellID: spell.id, change: $0) } }
            for batch in Self.batches(wages) {
                try await db.execute(
                    """
                    INSERT INTO wage (spell_id, effective_from, amount)
                    SELECT * FROM unnest(\(batch.map(\.spellID))::bigint[], \(batch.map(\.change.effectiveFrom.iso))::date[],
                                         \(batch.map(\.change.amount))::bigint[])
                    """)
            }
            try await Self.audit(
                db, at: at, actor: "demo", entity: .spell, key: "bulk", action: "create", before: nil,
                after: "{\"employers\":\(chunk.employers.count),\"persons\":\(chunk.persons.count),\"spells\":\(chunk.spells.count)}")
        }
    }

    /// `items` in slices of at most `batchSize`.
    static func batches<Item>(_ items: [Item]) -> [ArraySlice<Item>] {
        stride(from: 0, to: items.count, by: batchSize).map { items[$0..<min($0 + batchSize, items.count)] }
    }
}
