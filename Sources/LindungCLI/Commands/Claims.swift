import ArgumentParser
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

/// The claim service over the chosen store; documents beside a SQLite file, in the row on PostgreSQL.
func withClaimDesk<T>(_ options: StoreOptions, _ body: (ClaimDesk) async throws -> T) async throws -> T {
    let placement = ClaimDocumentPlacement.forStore(location: options.location)
    return try await withStore(options) { store in try await body(ClaimDesk(store: store, rules: try RuleSet(), placement: placement)) }
}

/// `KIND=FILE` options as uploads (the desk checks kind, size and magic bytes).
func claimDocumentUploads(_ arguments: [String]) throws -> [ClaimDocumentUpload] {
    try arguments.map { argument in
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, ClaimDocumentKind(rawValue: parts[0]) != nil else {
            throw CLIError("invalid --document '\(argument)': expected KIND=FILE with KIND one of "
                + ClaimDocumentKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let data = FileManager.default.contents(atPath: parts[1]) else { throw CLIError("cannot read document file \(parts[1])") }
        return ClaimDocumentUpload(kind: parts[0], fileName: parts[1], data: data)
    }
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
        let event = try ArgumentValue.date(eventDate, option: "--event-date")
        let submitted = try claimDate.map { try ArgumentValue.date($0, option: "--claim-date") } ?? ArgumentValue.today
        let uploads = try claimDocumentUploads(documents)
        try await withClaimDesk(store) { desk in
            let outcome = try await desk.submit(
                ClaimSubmission(
                    type: type, detail: detail, nik: nik, eventDate: event, claimDate: submitted, submittedBy: by, submitterRole: role,
                    documents: uploads, contributionMonths: contributionMonths, jpAccount: jpAccount))
            let (claim, verdict) = (outcome.claim, outcome.assessment)
            print("claim \(claim.id): submitted, \([claim.type.uppercased(), claim.detail].filter { !$0.isEmpty }.joined(separator: " ")), amount \(Money.format(verdict.amount)), payer \(verdict.payer.rawValue)")
            for refusal in verdict.refusals { print("  not eligible: \(refusal)") }
            for note in verdict.notes { print("  note: \(note)") }
            if let scholarship = verdict.result?.scholarship, verdict.eligible, !childrenBorn.isEmpty {
                let births = try childrenBorn.map { try ArgumentValue.date($0, option: "--child-born") }
                let payments = try ScholarshipSchedule.payments(entitlement: scholarship, deathDate: event, childrenBorn: births)
                print("  scholarship (\(scholarship.regulation)): \(payments.count) payments, \(Money.format(payments.reduce(0) { $0 + $1.amount }))")
                for payment in payments { print("    child \(payment.child)  \(payment.dueOn.iso)  \(payment.level)  \(Money.format(payment.amount))") }
            }
            if !outcome.missingDocuments.isEmpty { print("  documents missing: \(outcome.missingDocuments.map(\.rawValue).joined(separator: ", "))") }
        }
    }
}

/// The steps after submission, each one transaction with its `claim_event`.
enum ClaimStep {
    /// Runs one desk step, printing the claim's new status; a workflow refusal is the command's error.
    static func apply(_ options: StoreOptions, _ body: (ClaimDesk) async throws -> ClaimOutcome) async throws {
        try await withClaimDesk(options) { desk in
            let outcome: ClaimOutcome
            do {
                outcome = try await body(desk)
            } catch let error as ClaimWorkflowError {
                throw CLIError(error.description)
            }
            print("claim \(outcome.claim.id): \(outcome.claim.status), amount \(Money.format(outcome.claim.amount))")
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify documents and eligibility (officer A).")
        @Argument(help: "The claim id.") var id: String
        @Option(help: "The officer.") var by: String
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await ClaimStep.apply(store) { try await $0.verify(id: id, by: by) }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve a verified claim (an officer other than the verifier).")
        @Argument(help: "The claim id.") var id: String
        @Option(help: "The officer.") var by: String
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await ClaimStep.apply(store) { try await $0.approve(id: id, by: by) }
        }
    }

    struct Pay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pay", abstract: "Record the payment of an approved claim.")
        @Argument(help: "The claim id.") var id: String
        @Option(help: "The officer.") var by: String
        @Option(help: "The payment (transfer) reference.") var reference: String
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await ClaimStep.apply(store) { try await $0.pay(id: id, by: by, reference: reference, on: ArgumentValue.today) }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a claim not yet paid, with a reason.")
        @Argument(help: "The claim id.") var id: String
        @Option(help: "The officer.") var by: String
        @Option(help: "The reason the claimant is told.") var reason: String
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await ClaimStep.apply(store) { try await $0.reject(id: id, by: by, reason: reason) }
        }
    }

    struct Resubmit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resubmit", abstract: "Submit a rejected claim again, with more documents.")
        @Argument(help: "The claim id.") var id: String
        @Option(help: "The user re-submitting.") var by: String
        @Option(name: .customLong("document"), help: "KIND=FILE; repeat per document.") var documents: [String] = []
        @OptionGroup var store: StoreOptions
        func run() async throws {
            let uploads = try claimDocumentUploads(documents)
            try await ClaimStep.apply(store) { try await $0.resubmit(id: id, by: by, documents: uploads) }
        }
    }
}

struct ClaimShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A claim with its documents and history.")
    @Argument(help: "The claim id.") var id: String
    @OptionGroup var store: StoreOptions
    func run() async throws {
        try await withStore(store) { claims in
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
        try await withStore(store) { claims in
            for claim in try await claims.claims(status: status == "all" ? nil : status, limit: limit) {
                print("\(claim.id)  \(claim.submittedAt)  \(claim.type.uppercased())  \(claim.nik)  \(claim.status)  \(Money.format(claim.amount))")
            }
        }
    }
}
