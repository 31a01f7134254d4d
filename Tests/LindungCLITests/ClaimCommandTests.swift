import Foundation
import GRDB
import Testing

/// `lindung claim` and `lindung jht` through the real executable on a small demo province (docs/claims.md).
@Suite("Claim and JHT commands")
struct ClaimCommandTests {
    @Test("a JKM claim: documents checked, verified, the verifier refused as approver, approved by another, paid; a JHT statement")
    func jkmClaimEndToEnd() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-claim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("claims.sqlite").path
        let pdf = folder.appendingPathComponent("akta.pdf").path
        let exe = folder.appendingPathComponent("not-a-pdf.pdf").path
        try Data("%PDF-1.4 test".utf8).write(to: URL(fileURLWithPath: pdf))
        try Data("MZ\u{0}\u{0}".utf8).write(to: URL(fileURLWithPath: exe))
        #expect(try runLindung(["demo", "--workers", "300", "--seed", "3", "--db", db]).status == 0)
        let nik = try DatabaseQueue(path: db).read { db in
            try String.fetchOne(db, sql: "SELECT p.nik FROM person p JOIN spell s ON s.person_id = p.id WHERE s.end_date IS NULL LIMIT 1")
        }
        let person = try #require(nik)

        // Magic bytes, not the name, decide whether a document is a PDF.
        let refused = try runLindung(["claim", "submit", "--type", "jkm", "--nik", person, "--event-date", "2025-06-10", "--by", "heir",
                                      "--document", "identity_card=\(exe)", "--db", db])
        #expect(refused.status == 1 && refused.stderr.contains("not a PDF, JPEG or PNG"))

        let kinds = ["identity_card", "membership_card", "death_certificate", "heir_statement", "family_card", "bank_book"]
        let submitted = try runLindung(
            ["claim", "submit", "--type", "jkm", "--nik", person, "--event-date", "2025-06-10", "--claim-date", "2025-06-20", "--by", "heir.siti",
             "--role", "heir", "--db", db] + kinds.flatMap { ["--document", "\($0)=\(pdf)"] })
        #expect(submitted.status == 0, "\(submitted.stderr)")
        // PP 82/2019 (ruling 6): Rp42,000,000 for a death from 2 December 2019.
        #expect(submitted.stdout.contains("submitted, JKM, amount Rp42.000.000"))
        let id = try #require(submitted.stdout.split(separator: " ").dropFirst().first.map { String($0.dropLast()) })

        #expect(try runLindung(["claim", "verify", id, "--by", "officer.a", "--db", db]).status == 0)
        let sameOfficer = try runLindung(["claim", "approve", id, "--by", "officer.a", "--db", db])
        #expect(sameOfficer.status == 1 && sameOfficer.stderr.contains("another officer must approve"))
        #expect(try runLindung(["claim", "approve", id, "--by", "officer.b", "--db", db]).stdout.contains("approved"))
        #expect(try runLindung(["claim", "pay", id, "--by", "officer.c", "--reference", "TRF-1", "--db", db]).stdout.contains("paid"))
        let shown = try runLindung(["claim", "show", id, "--db", db]).stdout
        #expect(["submit by heir.siti", "verify by officer.a", "approve by officer.b", "pay by officer.c"].allSatisfy(shown.contains))

        #expect(try runLindung(["jht", "rate", "set", "--year", "2025", "--percent", "7.0", "--db", db]).status == 0)
        #expect(try runLindung(["jht", "post-return", "--year", "2025", "--db", db]).stdout.contains("0 ledgers credited"))
        let csv = try runLindung(["jht", "statement", "--nik", person, "--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv", "--db", db])
        #expect(csv.stdout.hasPrefix("date,kind,employer,reference,amount,balance\n2025-01-01,opening,,,,0\n"))
    }
}
