import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungStorage
import LindungStorageSQLite
import Testing

/// `GET /api/v1/persons/{nik}/jht`: the statement's amounts are the ledger's, scoped as the person.
@Suite struct JHTStatementRouteTests {
    static let budi = ServerFixtures.budi.nik

    /// Budi's JHT at a wage of Rp5,000,000: employer 3.7 % = 185,000 and worker 2 % = 100,000 a month
    /// (PP 46/2015), credited in the month paid; then a 10 % partial withdrawal.
    static let entries = [
        JHTEntryRecord(date: ServerFixtures.day("2025-02-14"), kind: "contribution", amount: 285_000, employer: "12345678", reference: "B-2025-01:1"),
        JHTEntryRecord(date: ServerFixtures.day("2025-03-14"), kind: "contribution", amount: 285_000, employer: "12345678", reference: "B-2025-02:1"),
        JHTEntryRecord(date: ServerFixtures.day("2025-04-15"), kind: "contribution", amount: 285_000, employer: "12345678", reference: "B-2025-03:1"),
        JHTEntryRecord(date: ServerFixtures.day("2025-05-20"), kind: "withdrawal", amount: -85_500, employer: nil, reference: "claim:K1:partial"),
    ]

    @Test("the statement's opening, entries with running balances, closing and today's balance equal the ledger")
    func amountsEqualTheLedger() async throws {
        try await withClaimServer { client, store, _ in
            try await store.recordJHTEntries(nik: Self.budi, Self.entries)
            let claims = ClaimClient(client: client)
            let (status, body) = try await claims.get("/api/v1/persons/\(Self.budi)/jht?from=2025-03-01&to=2025-04-30", token: "branch-srg")
            #expect(status == .ok)
            #expect(body["opening"] as? Int == 285_000)
            let lines = try #require(body["entries"] as? [[String: Any]])
            #expect(lines.map { $0["amount"] as? Int } == [285_000, 285_000])
            #expect(lines.map { $0["balance"] as? Int } == [570_000, 855_000])
            #expect(lines.first?["employer"] as? String == "12345678")
            #expect(body["closing"] as? Int == 855_000)
            // Today's balance is every ledger line through today, as the store holds them
            let ledger = try await store.jhtEntries(nik: Self.budi).reduce(0) { $0 + $1.amount }
            #expect(ledger == 769_500)
            #expect(body["balance"] as? Int == Int(ledger))
            #expect(body["balance_on"] as? String == "2025-06-15")
            // Default range: 1 January to today, the withdrawal last with its negative amount
            let (_, year) = try await claims.get("/api/v1/persons/\(Self.budi)/jht", token: "admin-token")
            #expect(year["from"] as? String == "2025-01-01")
            #expect(year["opening"] as? Int == 0)
            #expect((year["entries"] as? [[String: Any]])?.last?["kind"] as? String == "withdrawal")
            #expect(year["closing"] as? Int == Int(ledger))
        }
    }

    @Test("scoped as the person: masked for the employer, 404 for another branch, 400 for a range backwards")
    func scope() async throws {
        try await withClaimServer { client, store, _ in
            try await store.recordJHTEntries(nik: Self.budi, Self.entries)
            let claims = ClaimClient(client: client)
            let (own, body) = try await claims.get("/api/v1/persons/\(Self.budi)/jht", token: "employer-a")
            #expect(own == .ok)
            #expect(body["nik"] as? String == "3604••••••••0001")
            #expect(try await claims.get("/api/v1/persons/\(Self.budi)/jht", token: "branch-tgr").0 == .notFound)
            #expect(try await claims.get("/api/v1/persons/\(Self.budi)/jht", token: "employer-b").0 == .notFound)
            #expect(try await claims.get("/api/v1/persons/\(Self.budi)/jht?from=2025-05-01&to=2025-04-01", token: "admin-token").0 == .badRequest)
            #expect(try await claims.get("/api/v1/persons/\(Self.budi)/jht?from=2025-13-01", token: "admin-token").0 == .badRequest)
        }
    }
}
