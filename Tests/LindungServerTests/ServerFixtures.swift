import Foundation
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite

/// A small registry seeded through the store's public methods: branch office KC-SRG (Kabupaten Serang,
/// 3604) with a company (12345678, risk class 2, two PU workers from 2025-01-01) and an agency (87654321,
/// one honorer); branch office KC-TGR (Kabupaten Tangerang, 3603) with a second company (11112222, one
/// worker living in 3603).
enum ServerFixtures {
    static let rules = try! RuleSet()
    static let holidays = try! ReferenceData().holidays
    static let today = CalendarDate(iso: "2025-06-15")!

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    /// A NIK in Kabupaten Serang (3604) for the birth date and sex, with a serial.
    static func nik(born: CalendarDate, sex: NIK.Sex, serial: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let serialText = String(serial)
        return "360401" + two(born.day + (sex == .female ? 40 : 0)) + two(born.month) + two(born.year % 100)
            + String(repeating: "0", count: 4 - serialText.count) + serialText
    }

    static func person(_ serial: Int, _ name: String, born: String = "1990-05-17", sex: NIK.Sex = .male) -> PersonRecord {
        PersonRecord(nik: nik(born: day(born), sex: sex, serial: serial), name: name, birthDate: day(born), sex: sex, domicileRegion: "3604")
    }

    static let budi = person(1, "Budi Santoso")
    static let siti = person(2, "Siti Aminah", born: "1985-03-09", sex: .female)
    static let ahmad = person(3, "Ahmad Fauzi", born: "1992-11-02")
    static let dewi = PersonRecord(
        nik: nik(born: day("1995-07-21"), sex: .female, serial: 4), name: "Dewi Lestari", birthDate: day("1995-07-21"), sex: .female,
        domicileRegion: "3603")

    /// One account per role, by token; the scoped roles scoped to Serang's side of the registry, with a
    /// second officer and employer on Tangerang's side.
    static let accounts: [String: Account] = [
        "admin-token": Account(name: "admin", role: .administrator),
        "auditor-token": Account(name: "auditor", role: .auditor),
        "region-36": Account(name: "banten", role: .regionalOfficer, scope: "36"),
        "region-3604": Account(name: "serang", role: .regionalOfficer, scope: "3604"),
        "region-3603": Account(name: "tangerang", role: .regionalOfficer, scope: "3603"),
        "agency-token": Account(name: "disdik", role: .agencyOperator, scope: "87654321"),
        "branch-srg": Account(name: "kc-serang", role: .branchOfficer, scope: "KC-SRG"),
        "branch-tgr": Account(name: "kc-tangerang", role: .branchOfficer, scope: "KC-TGR"),
        "employer-a": Account(name: "maju-jaya", role: .employer, scope: "12345678"),
        "employer-b": Account(name: "sinar", role: .employer, scope: "11112222"),
        "client-calc": Account(name: "sso", role: .systemClient, grants: ["calculateContribution", "getPerson"]),
    ]

    /// bcrypt's lowest cost: a test login takes a millisecond, not a quarter second.
    static let bcryptCost: UInt8 = 4

    /// Users who log in, by username; each one's password is `<username>-password`.
    static let users: [(username: String, role: String, scope: String?)] = [
        ("admin-user", "administrator", nil), ("serang-user", "regional_officer", "3604"), ("maju-user", "employer", "12345678"),
        ("auditor-user", "auditor", nil),
    ]

    /// The fixture tokens as API clients in the store (only their hashes), and the users.
    static func addAccounts(to store: some LindungStore) async throws {
        for user in users {
            try await AccountCreation.addUser(
                username: user.username, password: user.username + "-password", role: user.role, scope: user.scope, to: store, cost: bcryptCost)
        }
        for (token, account) in accounts {
            try await store.addAPIClient(
                APIClientRecord(
                    name: account.name, tokenHash: TokenHash.sha256(token), role: account.role.rawValue, scope: account.scope, grants: account.grants,
                    createdAt: Date(timeIntervalSince1970: 1_745_000_000)))
        }
    }

    static let company = EmployerRecord(
        npp: "12345678", kind: .company, name: "PT Maju Jaya", nib: "1234567890123", npwp: "012345678901000", regionCode: "3604",
        riskClass: 2, sizeClass: .medium, branchCode: "KC-SRG")
    static let tangerang = EmployerRecord(
        npp: "11112222", kind: .company, name: "CV Sinar Tangerang", regionCode: "3603", riskClass: 1, sizeClass: .small, branchCode: "KC-TGR")
    static let agency = EmployerRecord(
        npp: "87654321", kind: .agency, name: "Dinas Pendidikan Kabupaten Serang", regionCode: "3604", parentRegionCode: "3604",
        riskClass: 1, sizeClass: .large, branchCode: "KC-SRG")

    static func row(_ line: Int, _ person: PersonRecord, wage: Rupiah, category: NonASNCategory? = nil, programs: [Program] = [.jkk, .jkm, .jht, .jp, .jkp])
        -> WorkerRow
    {
        WorkerRow(
            line: line, person: person, segment: .pu, programs: programs, category: category, startDate: day("2025-01-01"), endDate: nil,
            exitReason: nil, wage: wage)
    }

    /// A migrated in-memory store with the registry above; with `billApril`, April 2025 billed on 2025-05-01.
    static func store(billApril: Bool = false, now: @escaping @Sendable () -> Date = Date.init) async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(now: now)
        _ = try await store.migrate()
        try await store.saveBranchOffices(
            [
                BranchOffice(code: "KC-SRG", name: "Kantor Cabang Serang", kind: .kc, regionCodes: ["3604"]),
                BranchOffice(code: "KC-TGR", name: "Kantor Cabang Tangerang", kind: .kc, regionCodes: ["3603"]),
            ], actor: "test")
        _ = try await store.importEmployers(
            EmployerImportPlan(
                rows: [.init(line: 2, record: company), .init(line: 3, record: agency), .init(line: 4, record: tangerang)], partial: false, actor: "test"))
        try await store.saveAgreement(
            Agreement(
                number: "PKS/3604/NON-ASN/2025", kind: .pks, regionCode: "3604", counterpart: "BPJS Ketenagakerjaan Serang", group: .nonASN,
                programs: [.jkk, .jkm], effectiveFrom: day("2025-01-01")),
            actor: "test")
        let plan = WorkerImportPlan(
            employerNPP: "12345678", rows: [row(2, budi, wage: 5_000_000), row(3, siti, wage: 12_000_000)], asOf: day("2025-04-01"), partial: false,
            actor: "test")
        let summary = try await store.importWorkers(plan)
        precondition(summary.errors.isEmpty, "\(summary.errors)")
        _ = try await store.importWorkers(
            WorkerImportPlan(
                employerNPP: "87654321", rows: [row(2, ahmad, wage: 2_500_000, category: .honorer, programs: [.jkk, .jkm, .jht])],
                asOf: day("2025-04-01"), partial: false, actor: "test"))
        _ = try await store.importWorkers(
            WorkerImportPlan(employerNPP: "11112222", rows: [row(2, dewi, wage: 4_500_000)], asOf: day("2025-04-01"), partial: false, actor: "test"))
        if billApril {
            _ = try await store.issueBills(
                try BillingRequest(month: YearMonth(iso: "2025-04")!, issuedOn: day("2025-05-01"), actor: "test", rules: rules, holidays: holidays))
        }
        return store
    }
}
