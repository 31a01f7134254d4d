import ArgumentParser
import Foundation
import LindungCompliance
import LindungCore
import LindungExport
import LindungStorage

extension ComplianceCommand {
    /// `lindung compliance letter --employer NPP-or-NIB [--finding ID] [--stage STAGE] --format html|pdf --out FILE`:
    /// the PP 86/2013 letter of a finding's ladder step, as the server's letter page shows it.
    struct Letter: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a finding's warning letter (first or second warning, fine, request to deny public services) as HTML or PDF.")
        @Option(help: "The employer's NPP (8 digits) or the business's NIB (13 digits).") var employer: String
        @Option(help: "The finding's id (needed when the employer has more than one open finding).") var finding: Int64?
        @Option(help: "The ladder step: warning_1, warning_2, fine or denial_requested (default: where the finding stands).") var stage: String?
        @Option(help: "html or pdf (PDF needs Chromium).") var format = "html"
        @Option(help: "The file to write.") var out: String
        @Option(help: "Where the letter is signed (default: the region's name).") var place: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard ["html", "pdf"].contains(format) else { throw CLIError("--format must be html or pdf, not '\(format)'") }
            let wanted = try stage.map { text in
                guard let stage = SanctionStage(rawValue: text), WarningLetter.stages.contains(stage) else {
                    throw CLIError("--stage must be one of \(WarningLetter.stages.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
                }
                return stage
            }
            let chromium = ChromiumPDF()
            if format == "pdf" && !chromium.isAvailable {
                throw CLIError("--format pdf needs Chromium, which is not installed: apt-get install chromium (or set LINDUNG_CHROMIUM)")
            }
            let reference = try ReferenceData()
            try await withStore(store) { store in
                guard let subject = try await store.complianceSubject(identifier: employer) else {
                    throw CLIError("\(employer) is not registered: no employer or licence with this NPP or NIB")
                }
                let letter: WarningLetter
                do {
                    letter = try WarningLetter(
                        subject: subject, findingID: finding, stage: wanted, regions: reference.regions, holidays: reference.holidays, place: place)
                } catch let error as LetterError {
                    throw CLIError(error.reason)
                }
                let html = WarningLetterHTML.render(letter)
                let url = URL(fileURLWithPath: out)
                if format == "pdf" {
                    try await chromium.print(html: html, to: url)
                } else {
                    try Data(html.utf8).write(to: url)
                }
                let due = letter.dueOn.map { ", deadline \($0.iso)" } ?? ""
                print("\(letter.stage.rawValue) letter \(letter.number) for \(subject.name), dated \(letter.date.iso)\(due): written to \(out).")
            }
        }
    }
}
