import GRDB
import LindungCore
public import LindungStorage

extension SQLiteStore {
    /// Indexes a bulk load builds at the end, by name and definition: the birth-date index (migration 0005)
    /// is inserted into in random order, which cost the 5.2 M demo more than building it once sorted.
    static let deferredIndexes = [("person_birth_date", "CREATE INDEX IF NOT EXISTS person_birth_date ON person(birth_date)")]

    public func prepareBulk() async throws {
        try await mapped {
            try await writer.write { db in
                for (name, _) in Self.deferredIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
            }
        }
    }

    public func finishBulk() async throws {
        try await mapped {
            try await writer.write { db in
                for (_, definition) in Self.deferredIndexes { try db.execute(sql: definition) }
            }
        }
    }

    /// Appends generated employers, persons, spells and wages in one transaction through raw prepared
    /// statements; one audit row records the chunk. For the demo province only: the rows come with ids
    /// and were checked by the generator.
    public func appendBulk(_ chunk: RegistryBulkChunk) async throws {
        let at = timestamp()
        try await mapped {
            try await writer.write { db in
                var employer = try RawInsert(
                    db,
                    sql: """
                        INSERT INTO employer (id, npp, kind, name, nib, npwp, region_code, parent_region_code, risk_class, size_class, branch_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM branch_office WHERE code = ?))
                        """)
                for row in chunk.employers {
                    let record = row.record
                    employer.bind(row.id)
                    employer.bind(row.npp)
                    employer.bind(record.kind.rawValue)
                    employer.bind(record.name)
                    employer.bind(record.nib)
                    employer.bind(record.npwp)
                    employer.bind(record.regionCode)
                    employer.bind(record.parentRegionCode)
                    employer.bind(Int64(record.riskClass))
                    employer.bind(record.sizeClass.rawValue)
                    employer.bind(record.branchCode)
                    try employer.step(db)
                }
                var person = try RawInsert(
                    db,
                    sql: """
                        INSERT INTO person (id, nik, kpj, name, birth_date, sex, domicile_region, registered_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for row in chunk.persons {
                    person.bind(row.id)
                    person.bind(row.record.nik)
                    person.bind(KPJ.make(personID: row.id))
                    person.bind(row.record.name)
                    person.bind(row.record.birthDate.iso)
                    person.bind(row.record.sex.rawValue)
                    person.bind(row.record.domicileRegion)
                    person.bind(row.registeredOn.iso)
                    try person.step(db)
                }
                var spell = try RawInsert(
                    db,
                    sql: """
                        INSERT INTO spell (id, person_id, employer_id, segment, programs, non_asn_category, start_date, end_date, exit_reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                var wage = try RawInsert(db, sql: "INSERT INTO wage (spell_id, effective_from, amount) VALUES (?, ?, ?)")
                for row in chunk.spells {
                    spell.bind(row.id)
                    spell.bind(row.personID)
                    spell.bind(row.employerID)
                    spell.bind(row.segment.rawValue)
                    spell.bind(ProgramList.encode(row.programs))
                    spell.bind(row.category?.rawValue)
                    spell.bind(row.startDate.iso)
                    spell.bind(row.endDate?.iso)
                    spell.bind(row.exitReason)
                    try spell.step(db)
                    for change in row.wages {
                        wage.bind(row.id)
                        wage.bind(change.effectiveFrom.iso)
                        wage.bind(change.amount)
                        try wage.step(db)
                    }
                }
                try Self.audit(
                    db, at: at, actor: "demo", entity: .spell, key: "bulk", action: "create", before: nil,
                    after: "{\"employers\":\(chunk.employers.count),\"persons\":\(chunk.persons.count),\"spells\":\(chunk.spells.count)}")
            }
        }
    }
}
