import Dispatch
import Foundation
import LindungCore
import LindungImport
import LindungStorage

/// Registry imports for the pages and the API, with the CLI's readers and rules (`lindung import`,
/// docs/import.md): a file is read and validated without writing anything, and written only when no row
/// has an error (all or nothing; the web has no `--partial`). Who may import what:
/// administrators and system clients (granted `importRegistry`): employers and any employer's workers;
/// regional officers: employers in their region and the workers of employers in it; agency operators and
/// employers: their own workers only; branch officers and auditors: nothing (403).
enum RegistryImport {
    /// The largest file taken, upload or API body (a 100,000-row worker CSV is about 15 MB).
    static let maxBytes = 64 << 20

    static func mayImport(_ role: Account.Role) -> Bool {
        [.administrator, .systemClient, .regionalOfficer, .agencyOperator, .employer].contains(role)
    }

    /// 403 for a role or kind the account may not import, 400 without an employer for workers, 404 for an
    /// employer outside the scope (or missing). Returns the employer of a worker import.
    static func authorize(kind: ImportKind, employerNPP: String?, reader: ScopedReader) async throws -> Employer? {
        let role = reader.viewer.account.role
        guard mayImport(role) else { throw APIError(.forbidden, "a \(role.rawValue) may not import") }
        switch kind {
        case .employers:
            guard ![.agencyOperator, .employer].contains(role) else { throw APIError(.forbidden, "a \(role.rawValue) may import only its own workers") }
            return nil
        case .workers:
            guard let npp = employerNPP?.trimmingCharacters(in: .whitespaces), !npp.isEmpty else {
                throw APIError.invalid("the employer (NPP) is required to import workers")
            }
            return try await reader.employer(npp)
        }
    }

    static func kind(_ text: String?) throws -> ImportKind {
        guard let text, let kind = ImportKind(rawValue: text) else { throw APIError.invalid("invalid kind '\(text ?? "")': employers or workers") }
        return kind
    }

    /// Reads and validates the file at `path` (off Swift's cooperative pool: a large file takes seconds).
    /// A file that cannot be read at all (empty, damaged, no header, a missing column) is `invalid_input`.
    static func check(kind: ImportKind, employer: Employer?, path: String, call: Call) async throws -> ImportCheck {
        let reference = try call.environment.reference ?? Self.bundledReference.get()
        let today = call.environment.today()
        var check = ImportCheck(kind: kind, employerNPP: employer?.npp)
        do {
            switch kind {
            case .employers:
                let result = try await offPool { try EmployerFileReader(reference: reference, currentYear: today.year).read(path: path) }
                (check.rowsRead, check.employerRows, check.errors) = (result.rowsRead, result.rows, result.errors)
                try await scope(&check, reader: call.scoped())
            case .workers:
                guard let employer else { throw APIError.invalid("the employer (NPP) is required to import workers") }
                let result = try await offPool {
                    try WorkerFileReader(employer: employer, reference: reference, asOf: today, currentYear: today.year).read(path: path)
                }
                (check.rowsRead, check.workerRows, check.errors) = (result.rowsRead, result.rows, result.errors)
            }
        } catch let error as ImportFileError {
            throw APIError.invalid(error.description)
        }
        check.errors.sort { $0.line < $1.line }
        return check
    }

    /// Writes a checked file in one transaction (the store's import), audited as the account.
    static func apply(_ check: ImportCheck, call: Call) async throws -> ImportSummary {
        let actor = call.actor(try call.scoped())
        var summary: ImportSummary
        switch check.kind {
        case .employers:
            summary = try await call.store.importEmployers(EmployerImportPlan(rows: check.employerRows, partial: false, actor: actor))
        case .workers:
            summary = try await call.store.importWorkers(
                WorkerImportPlan(
                    employerNPP: check.employerNPP ?? "", rows: check.workerRows, asOf: call.environment.today(), partial: false, actor: actor))
        }
        summary.rowsRead = check.rowsRead
        summary.errors.sort { $0.line < $1.line }
        return summary
    }

    /// A regional officer's employer rows must lie in the region, and an NPP already registered must be one
    /// of the region's employers: the others become row errors.
    private static func scope(_ check: inout ImportCheck, reader: ScopedReader) async throws {
        guard !reader.viewer.seesEverything else { return }
        var kept: [EmployerImportPlan.Row] = []
        for row in check.employerRows {
            let record = row.record
            let probe = Employer(id: 0, npp: record.npp ?? "", record: record)
            if !reader.viewer.sees(probe) {
                check.errors.append(RowError(line: row.line, column: "region", value: record.regionCode, reason: "is outside your scope"))
            } else if let npp = record.npp, let existing = try await reader.store.employer(npp: npp), !reader.viewer.sees(existing) {
                check.errors.append(RowError(line: row.line, column: "npp", value: npp, reason: "is registered outside your scope"))
            } else {
                kept.append(row)
            }
        }
        check.employerRows = kept
    }

    static let bundledReference = Result { try ReferenceData() }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
