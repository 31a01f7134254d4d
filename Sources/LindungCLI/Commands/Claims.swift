import ArgumentParser
import Crypto
import Foundation
import LindungClaims
import LindungCore
import LindungStorage

/// `lindung claim submit|verify|approve|pay|reject|show|queue` (issue 8, docs/claims.md).
struct ClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Benefit claims: submit, verify, approve (another officer), pay or reject.",
        subcommands: [ClaimSubmit.self, ClaimStep.Verify.self, ClaimStep.Approve.self, ClaimStep.Pay.self, ClaimStep.Reject.self,
                      ClaimStep.Resubmit.self, ClaimShow.self, ClaimQueue.self])
}

/// The store, with its claim part named apart for readability.
func withClaimStore<T>(_ options: StoreOptions, _ body: (any LindungStore, any ClaimStore) async throws -> T) async throws -> T {
    try await withStore(options) { store in try await body(store, store) }
}

struct ClaimSubmit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Submit a claim; prints its id, status and amount.")
    @Option(help: "jkm, jkk, jht, jkp or jp.") var type: String
    @Option(help: "The participant's NIK.") var nik: String
    @Option(name: .customLong("event-date"), help: "Death, accident, layoff or claim day, YYYY-MM-DD.") var eventDate: String
    @Option(name: .customLong("claim-date"), help: "The day submitted (default: today).") var claimDate: String?
    @Option(help: "The user submitting.") var by: String
    @Option(help: "worker, heir, employer or officer.") var role = "worker"
    @Option(help: "JKK: report, treatment:COST, stmb:MONTHS, disability:total|PERCENT, death. JHT: left_work, pension_age, partial:10|30.")
    var detail = ""
    @Option(name: .customLong("document"), help: "KIND=FILE (e.g. death_certificate=akta.pdf); repeat per document.") var documents: [String] = []
    @Option(name: .customLong("contribution-months"), help: "Override the months derived from the registry's spells.") var contributionMonths: Int?
    @Option(name: .customLong("jp-account"), help: "JP: the account's contributions and returns (the lump sum).") var jpAccount: Int64 = 0
    @Option(name: .customLong("child-born"), help: "JKM / JKK death: a child's birth date, for the scholarship schedule; repeat per child.")
    var childrenBorn: [String] = []
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let claimType = ClaimType(rawValue: type.lowercased()) else { throw CLIError("invalid --type '\(type)': expected jkm, jkk, jht, jkp or jp") }
        guard ClaimSubmitter(rawValue: role) != nil else { throw CLIError("invalid --role '\(role)': expected worker, heir, employer or officer") }
        let benefit = try ClaimBenefit(type: claimType, detail: detail)
        let event = try ArgumentValue.date(eventDate, option: "--event-date")
        let submitted = try claimDate.map { try ArgumentValue.date($0, option: "--claim-date") } ?? ArgumentValue.today
        let id = "K" + UUID().uuidString.prefix(8).uppercased()
        let location = store.location
        try await withClaimStore(store) { registry, claims in
            let facts = try await ClaimFactsReader(registry: registry, claims: claims).facts(
                nik: nik, eventDate: event, claimDate: submitted, contributionMonths: contributionMonths, jpAccount: jpAccount)
            let verdict = try ClaimAssessor(rules: try RuleSet()).assess(benefit, eventDate: event, claimDate: submitted, facts: facts)
            let records = try ClaimDocumentFiles.read(documents, claimID: id, storeLocation: location)
            let record = ClaimRecord(
                id: id, type: claimType.rawValue, detail: benefit.detail, nik: nik, eventDate: event, submittedBy: by, submitterRole: role,
                status: ClaimStatus.submitted.rawValue, amount: verdict.amount, payer: verdict.payer.rawValue)
            try await claims.submitClaim(record, documents: records, actor: by)
            print("claim \(id): submitted, \([claimType.rawValue.uppercased(), benefit.detail].filter { !$0.isEmpty }.joined(separator: " ")), amount \(Money.format(verdict.amount)), payer \(verdict.payer.rawValue)")
            for refusal in verdict.refusals { print("  not eligible: \(refusal)") }
            for note in verdict.notes { print("  note: \(note)") }
            if let scholarship = verdict.result?.scholarship, verdict.eligible, !childrenBorn.isEmpty {
                let births = try childrenBorn.map { try ArgumentValue.date($0, option: "--child-born") }
                let payments = try ScholarshipSchedule.payments(entitlement: scholarship, deathDate: event, childrenBorn: births)
                print("  scholarship (\(scholarship.regulation)): \(payments.count) payments, \(Money.format(payments.reduce(0) { $0 + $1.amount }))")
                for payment in payments { print("    child \(payment.child)  \(payment.dueOn.iso)  \(payment.level)  \(Money.format(payment.amount))") }
            }
            let missing = ClaimDocumentChecklist.missing(for: benefit, provided: records.compactMap { ClaimDocumentKind(rawValue: $0.kind) })
            if !missing.isEmpty { print("  documents missing: \(missing.map(\.rawValue).joined(separator: ", "))") }
        }
    }
}

/// The steps after submission, each one transaction with its `claim_event`.
enum ClaimStep {
    static func apply(
        _ options: StoreOptions, id: String, user: String, action: ClaimAction, note: String? = nil, documents: [String] = [],
        _ step: (inout ClaimWorkflow, ClaimRecord, [ClaimDocumentRecord], ClaimAssessment) throws -> Void
    ) async throws {
        let location = options.location
        try await withClaimStore(options) { registry, claims in
            guard let record = try await claims.claim(id: id) else { throw CLIError("no claim \(id)") }
            guard let status = ClaimStatus(rawValue: record.status), let type = ClaimType(rawValue: record.type) else {
                throw CLIError("claim \(id) has an unknown status or type")
            }
            let benefit = try ClaimBenefit(type: type, detail: record.detail)
            let newDocuments = try ClaimDocumentFiles.read(documents, claimID: id, storeLocation: location)
            let allDocuments = try await claims.claimDocuments(id: id) + newDocuments
            // Eligibility is judged again at each step, on the facts as they are now.
            let claimDate = CalendarDate(iso: String(record.submittedAt.prefix(10))) ?? record.eventDate
            let facts = try await ClaimFactsReader(registry: registry, claims: claims).facts(
                nik: record.nik, eventDate: record.eventDate, claimDate: max(claimDate, record.eventDate), contributionMonths: nil, jpAccount: record.amount)
            let verdict = try ClaimAssessor(rules: try RuleSet()).assess(
                benefit, eventDate: record.eventDate, claimDate: max(claimDate, record.eventDate), facts: facts)
            var workflow = ClaimWorkflow(
                status: status, verifiedBy: record.verifiedBy, approvedBy: record.approvedBy, rejectionReason: record.rejectionReason,
                paymentReference: record.paymentReference, round: record.round)
            do {
                try step(&workflow, record, allDocuments, verdict)
            } catch let error as ClaimWorkflowError {
                throw CLIError(error.description)
            }
            var updated = record
            updated.status = workflow.status.rawValue
            updated.verifiedBy = workflow.verifiedBy
            updated.approvedBy = workflow.approvedBy
            updated.rejectionReason = workflow.rejectionReason
            updated.paymentReference = workflow.paymentReference
            updated.round = workflow.round
            if action == .resubmit || action == .verify {
                updated.amount = verdict.amount
                updated.payer = verdict.payer.rawValue
            }
            try await claims.applyClaimStep(
                updated, expectedStatus: record.status,
                event: ClaimEventRecord(action: action.rawValue, actor: user, statusAfter: updated.status, note: note), documents: newDocuments)
            if action == .pay, type == .jht, let reference = updated.paymentReference {
                try await claims.recordJHTEntries(
                    nik: record.nik,
                    [JHTEntryRecord(date: ArgumentValue.today, kind: "withdrawal", amount: -updated.amount, employer: nil, reference: "claim:\(id):\(reference)")])
            }
            print("claim \(id): \(updated.status), amount \(Money.format(updated.amount))")
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify documents and eligibility (officer A).")
        @Argument(help: "The claim id.") var id: String
        @Option(help: "The officer.") var by: String
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await ClaimStep.apply(store, id: id, user: by, action: .verify) { workflow, record, documents, verdict in
                let benefit = verdict.benefit
                let missing = ClaimDocumentChecklist.missing(for: benefit, provided: documents.compactMap { ClaimDocumentKind(rawValue: $0.kind) })
                if !verdict.eligible { print("not eligible: " + verdict.refusals.map(\.description).joined(separator: "; ")) }
                try workflow.verify(by: by, missingDocuments: missing, eligible: verdict.eligible)
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve a verified claim (an officer other than the verifier).")
        @Argument(help: "The claim id.") var id: String
        @Option(help: "The officer.") var by: String
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await ClaimStep.apply(store, id: id, user: by, action: .approve) { workflow, _, _, _ in try workflow.approve(by: by) }
        }
    }

    struct Pay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pay", abstract: "Record the payment of an approved claim.")
        @Argument(help: "The claim id.") var id: String
        @Option(help: "The officer.") var by: String
        @Option(help: "The payment (transfer) reference.") var reference: String
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await ClaimStep.apply(store, id: id, user: by, action: .pay, note: reference) { workflow, _, _, _ in
                try workflow.pay(by: by, reference: reference)
            }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a claim not yet paid, with a reason.")
        @Argument(help: "The claim id.") var id: String
        @Option(help: "The officer.") var by: String
        @Option(help: "The reason the claimant is told.") var reason: String
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await ClaimStep.apply(store, id: id, user: by, action: .reject, note: reason) { workflow, _, _, _ in
                try workflow.reject(by: by, reason: reason)
            }
        }
    }

    struct Resubmit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resubmit", abstract: "Submit a rejected claim again, with more documents.")
        @Argument(help: "The claim id.") var id: String
        @Option(help: "The user re-submitting.") var by: String
        @Option(name: .customLong("document"), help: "KIND=FILE; repeat per document.") var documents: [String] = []
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await ClaimStep.apply(store, id: id, user: by, action: .resubmit, documents: documents) { workflow, _, _, _ in
                try workflow.resubmit(by: by)
            }
        }
    }
}

struct ClaimShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A claim with its documents and history.")
    @Argument(help: "The claim id.") var id: String
    @OptionGroup var store: StoreOptions
    func run() async throws {
        try await withClaimStore(store) { _, claims in
            guard let claim = try await claims.claim(id: id) else { throw CLIError("no claim \(id)") }
            print("claim \(claim.id): \([claim.type.uppercased(), claim.detail].filter { !$0.isEmpty }.joined(separator: " ")) for NIK \(claim.nik), event \(claim.eventDate.iso)")
            print("  status \(claim.status) (round \(claim.round)), amount \(Money.format(claim.amount)), payer \(claim.payer)")
            if let reason = claim.rejectionReason { print("  rejected: \(reason)") }
            for document in try await claims.claimDocuments(id: id) {
                print("  document \(document.kind): \(document.fileName) (\(document.contentType), \(document.size) bytes)")
            }
            for event in try await claims.claimEvents(id: id) {
                print("  \(event.at) \(event.action) by \(event.actor) → \(event.statusAfter)" + (event.note.map { ": \($0)" } ?? ""))
            }
        }
    }
}

struct ClaimQueue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "The work queue: claims in a status, oldest first.")
    @Option(help: "submitted (default), verified, approved, paid, rejected or all.") var status = "submitted"
    @Option(help: "How many.") var limit = 50
    @OptionGroup var store: StoreOptions
    func run() async throws {
        try await withClaimStore(store) { _, claims in
            for claim in try await claims.claims(status: status == "all" ? nil : status, limit: limit) {
                print("\(claim.id)  \(claim.submittedAt)  \(claim.type.uppercased())  \(claim.nik)  \(claim.status)  \(Money.format(claim.amount))")
            }
        }
    }
}

/// Reads `KIND=FILE` documents: checked (size, magic bytes), hashed; on SQLite written beside the database
/// (`<db>.documents/<claim>/<sha256>`), on PostgreSQL kept as bytes.
enum ClaimDocumentFiles {
    static func read(_ arguments: [String], claimID: String, storeLocation: String) throws -> [ClaimDocumentRecord] {
        try arguments.map { argument in
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ClaimDocumentKind(rawValue: parts[0]) != nil else {
                throw CLIError("invalid --document '\(argument)': expected KIND=FILE with KIND one of "
                    + ClaimDocumentKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard let data = FileManager.default.contents(atPath: parts[1]) else { throw CLIError("cannot read document file \(parts[1])") }
            let type = try ClaimDocumentCheck.contentType(of: Array(data), fileName: parts[1])
            let sha = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            let name = URL(fileURLWithPath: parts[1]).lastPathComponent
            if storeLocation.hasPrefix("postgres") {
                return ClaimDocumentRecord(kind: parts[0], fileName: name, contentType: type, size: data.count, sha256: sha, path: nil, content: data)
            }
            let directory = storeLocation + ".documents/" + claimID
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = directory + "/" + sha
            if !FileManager.default.fileExists(atPath: path) { try data.write(to: URL(fileURLWithPath: path)) }
            return ClaimDocumentRecord(kind: parts[0], fileName: name, contentType: type, size: data.count, sha256: sha, path: path, content: nil)
        }
    }
}
