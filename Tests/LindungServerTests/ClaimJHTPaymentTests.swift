import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// A partial JHT claim paid over the API debits the ledger, and the ledger then refuses a second partial
/// claim (PP 60/2015: 10 % or 30 % once, after 10 years of membership).
@Suite struct ClaimJHTPaymentTests {
    /// Rina, with PT Maju Jaya since 2012 (over 120 months by June 2025), and a JHT balance of Rp40,000,000.
    static let rina = PersonRecord(
        nik: ServerFixtures.nik(born: ServerFixtures.day("1980-02-11"), sex: .female, serial: 9), name: "Rina Wati",
        birthDate: ServerFixtures.day("1980-02-11"), sex: .female, domicileRegion: "3604")

    static func seed(_ store: SQLiteStore) async throws {
        let row = WorkerRow(
            line: 2, person: rina, segment: .pu, programs: [.jkk, .jkm, .jht, .jp], category: nil, startDate: ServerFixtures.day("2012-03-01"),
            endDate: nil, exitReason: nil, wage: 6_000_000)
        let summary = try await store.importWorkers(
            WorkerImportPlan(employerNPP: "12345678", rows: [row], asOf: ServerFixtures.day("2025-04-01"), partial: false, actor: "test"))
        precondition(summary.errors.isEmpty, "\(summary.errors)")
        try await store.recordJHTEntries(
            nik: rina.nik,
            [JHTEntryRecord(date: ServerFixtures.day("2024-12-31"), kind: "contribution", amount: 40_000_000, employer: "12345678", reference: "opening:2024")])
    }

    @Test("partial 10 %: Rp4,000,000 paid and debited with a partial reference; a second partial claim is not eligible")
    func partialOnce() async throws {
        try await withClaimServer { client, store, _ in
            try await Self.seed(store)
            let claims = ClaimClient(client: client)
            let body: [String: Any] = ["type": "jht", "detail": "partial:10", "nik": Self.rina.nik, "event_date": "2025-06-10", "submitter_role": "worker"]
            let (status, submitted) = try await claims.post("/api/v1/claims", token: "branch-srg", body: body)
            #expect(status == .created)
            #expect(submitted["eligible"] as? Bool == true)
            #expect(submitted.claim["amount"] as? Int == 4_000_000)
            let id = try #require(submitted.claim["id"] as? String)
            for kind in try #require(submitted["missing_documents"] as? [String]) {
                #expect(try await claims.upload(id, kind: kind, data: ClaimClient.pdf).0 == .created)
            }
            #expect(try await claims.post("/api/v1/claims/\(id)/verify", token: "branch-srg").0 == .ok)
            #expect(try await claims.post("/api/v1/claims/\(id)/approve", token: "admin-token").0 == .ok)
            #expect(try await claims.post("/api/v1/claims/\(id)/pay", token: "admin-token", body: ["reference": "TRF-9"]).0 == .ok)
            let withdrawal = try #require(try await store.jhtEntries(nik: Self.rina.nik).first { $0.kind == "withdrawal" })
            #expect(withdrawal.amount == -4_000_000)
            #expect(withdrawal.reference == "claim:\(id):partial:10:TRF-9")
            #expect(withdrawal.date == ServerFixtures.today)
            let (_, statement) = try await claims.get("/api/v1/persons/\(Self.rina.nik)/jht", token: "branch-srg")
            #expect(statement["balance"] as? Int == 36_000_000)
            // The second partial claim: refused by the rule, the amount 0
            let (_, again) = try await claims.post("/api/v1/claims", token: "branch-srg", body: body)
            #expect(again["eligible"] as? Bool == false)
            #expect(again.claim["amount"] as? Int == 0)
            #expect((again["refusals"] as? [String])?.contains { $0.contains("a partial JHT withdrawal was already paid") } == true)
        }
    }
}
