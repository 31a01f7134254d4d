import LindungCore
import LindungStorage

/// What an import is of: employers (any kind) or one employer's workers.
enum ImportKind: String, Sendable {
    case employers, workers
}

/// A file read and validated, nothing written: the rows that pass and an error for each that does not.
struct ImportCheck: Sendable {
    let kind: ImportKind
    let employerNPP: String?
    var rowsRead = 0
    var employerRows: [EmployerImportPlan.Row] = []
    var workerRows: [WorkerRow] = []
    var errors: [RowError] = []

    var valid: Int { kind == .employers ? employerRows.count : workerRows.count }
    /// Rows with at least one error (a row may have several).
    var rowsWithErrors: Int { Set(errors.map(\.line)).count }
    /// All or nothing, as `lindung import` without `--partial`: only a file without errors is written.
    var confirmable: Bool { errors.isEmpty && valid > 0 }
}
