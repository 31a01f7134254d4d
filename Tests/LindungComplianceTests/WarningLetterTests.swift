import LindungCompliance
import LindungCore
import LindungStorage
import Testing

/// The PP 86/2013 letters (REGULATIONS.md §4: two written warnings of 10 working days each, a fine of 0.1 % a
/// month for at most 30 days, then BPJS asks the government to deny public services). Dates follow
/// SanctionLadderTests: a finding opened on Friday 21 March 2025 runs to 8 April, past Nyepi and Idul Fitri.
@Suite("Warning letters")
struct WarningLetterTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    let reference: ReferenceData
    let ladder: SanctionLadder

    init() throws {
        reference = try ReferenceData()
        ladder = SanctionLadder(calendar: reference.holidays)
    }

    /// PT Maju Jaya's PDS-TK finding, opened 21 March 2025, with its ladder steps through `through`.
    func subject(through: String = "2025-03-21", curedOn: String? = nil, extraOpen: Bool = false) -> ComplianceSubject {
        let start = ladder.start(on: Self.day("2025-03-21"))
        var positions = [start] + ladder.steps(from: start, through: Self.day(through))
        var history = positions.map {
            SanctionStepRecord(
                findingID: 42, subject: "12345678", kind: .partialWorkers, stage: $0.stage, enteredOn: $0.enteredOn, dueOn: $0.dueOn,
                fine: $0.stage == .fine ? 12_500 : nil, actor: "scan@test")
        }
        if let curedOn {
            positions.append(ladder.resolve(on: Self.day(curedOn)))
            history.append(
                SanctionStepRecord(
                    findingID: 42, subject: "12345678", kind: .partialWorkers, stage: .resolved, enteredOn: Self.day(curedOn), dueOn: nil, fine: nil,
                    actor: "scan@test"))
        }
        let finding = StoredFinding(
            id: 42, kind: .partialWorkers, subject: "12345678", employerNPP: "12345678", nib: "1234567890123", regionCode: "3604",
            evidence: ["source": .text("licence"), "reported_headcount": .number(25), "registered_workers": .number(2), "missing": .number(23)],
            rule: ComplianceRules.rule(for: .partialWorkers).regulation, openedOn: Self.day("2025-03-21"), curedOn: curedOn.map(Self.day),
            lastSeenOn: Self.day("2025-03-21"), position: positions.last!, history: history)
        var findings = [finding]
        if extraOpen {
            findings.append(
                StoredFinding(
                    id: 43, kind: .partialWages, subject: "12345678", employerNPP: "12345678", nib: nil, regionCode: "3604",
                    evidence: ["workers_below": .number(1)], rule: "PP 86/2013", openedOn: Self.day("2025-03-21"), curedOn: nil,
                    lastSeenOn: Self.day("2025-03-21"), position: start))
        }
        return ComplianceSubject(npp: "12345678", nib: "1234567890123", name: "PT Maju Jaya", regionCode: "3604", licenceHeadcount: 25, findings: findings)
    }

    func letter(_ subject: ComplianceSubject, finding: Int64? = nil, stage: SanctionStage? = nil) throws -> WarningLetter {
        try WarningLetter(subject: subject, findingID: finding, stage: stage, regions: reference.regions, holidays: reference.holidays)
    }

    @Test("first warning: the employer's data, the evidence, the deadline across Nyepi and Idul Fitri, PP 86/2013, place and date")
    func firstWarning() throws {
        let letter = try letter(subject())
        #expect(letter.stage == .warning1)
        #expect(letter.dueOn == Self.day("2025-04-08"))
        #expect(letter.skippedHolidays.map(\.date.iso) == ["2025-03-31", "2025-04-01"], "Nyepi is a Saturday; cuti bersama counts")
        #expect(letter.number == "TT1/000042/3604/2025")
        let html = WarningLetterHTML.render(letter)
        #expect(html.contains("Perihal") && html.contains("Teguran Tertulis Pertama"))
        #expect(html.contains("Pimpinan <strong>PT Maju Jaya</strong>") && html.contains("NPP 12345678 · NIB 1234567890123"))
        #expect(html.contains("Kabupaten Serang"))
        #expect(html.contains("baru 2 dari 25 pekerja"))
        #expect(html.contains("paling lambat tanggal <span class=\"deadline\">8 April 2025</span>"))
        #expect(html.contains("31 Maret 2025 (Hari Raya Idul Fitri 1446 H)"))
        #expect(html.contains("UU 24/2011 Pasal 15(1)"))
        #expect(html.contains("Peraturan Pemerintah Nomor 86 Tahun 2013") && html.contains("(teguran tertulis pertama)"))
        #expect(html.contains("Serang, 21 Maret 2025"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("akan dikenai teguran tertulis kedua"))
    }

    @Test("second warning, fine and the request to deny public services, each dated the day after the last deadline")
    func laterSteps() throws {
        let subject = subject(through: "2025-06-30")
        // The second warning from 9 April runs to 24 April, Good Friday skipped
        let second = try letter(subject, stage: .warning2)
        #expect(second.date == Self.day("2025-04-09") && second.dueOn == Self.day("2025-04-24"))
        #expect(second.skippedHolidays.map(\.date.iso) == ["2025-04-18"])
        let secondHTML = WarningLetterHTML.render(second)
        #expect(secondHTML.contains("Teguran Tertulis Kedua") && secondHTML.contains("24 April 2025") && secondHTML.contains("Serang, 9 April 2025"))
        #expect(secondHTML.contains("teguran tertulis pertama tanggal 21 Maret 2025"))
        // The fine from 25 April for at most 30 days: through 24 May; the recorded amount is shown
        let fine = try letter(subject, stage: .fine)
        #expect(fine.date == Self.day("2025-04-25") && fine.dueOn == Self.day("2025-05-24"))
        let fineHTML = WarningLetterHTML.render(fine)
        #expect(fineHTML.contains("0,1%") && fineHTML.contains("Rp12.500") && fineHTML.contains("24 Mei 2025"))
        // Then the request goes to the region's licensing office, naming the services of REGULATIONS.md §4
        let denial = try letter(subject)
        #expect(denial.stage == .denialRequested && denial.dueOn == nil)
        let denialHTML = WarningLetterHTML.render(denial)
        #expect(denialHTML.contains("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu") && denialHTML.contains("Pemerintah Kabupaten Serang"))
        #expect(denialHTML.contains("Izin Mendirikan Bangunan") && denialHTML.contains("Permenaker 4/2018"))
        #expect(denialHTML.contains("Serang, 25 Mei 2025"))
    }

    @Test("no letter for a cured finding, a step not reached, another employer's finding, or an unchosen finding among several")
    func refusals() throws {
        #expect(throws: LetterError.self) { try letter(subject(curedOn: "2025-04-02"), finding: 42) }
        #expect(throws: LetterError.self, "no open finding to choose") { try letter(subject(curedOn: "2025-04-02")) }
        // An earlier step of a cured finding can still be printed
        #expect(try letter(subject(curedOn: "2025-04-02"), finding: 42, stage: .warning1).dueOn == Self.day("2025-04-08"))
        #expect(throws: LetterError.self) { try letter(subject(), stage: .fine) }
        #expect(throws: LetterError.self) { try letter(subject(), finding: 7) }
        do {
            _ = try letter(subject(extraOpen: true))
            Issue.record("two open findings need --finding")
        } catch let error as LetterError {
            #expect(error.reason.contains("42 (pds_tk, warning_1)") && error.reason.contains("43 (pds_upah, warning_1)"))
        }
        #expect(try letter(subject(extraOpen: true), finding: 43).finding.kind == .partialWages)
    }
}
