import Foundation
import LindungStorage
import Testing

@Suite("Account contract: users, API clients, login attempts, access log")
struct AccountContractTests {
    /// Whole milliseconds: both backends keep at least that (SQLite's Date text has three decimals).
    static let created = Date(timeIntervalSince1970: 1_745_000_000.25)
    static let hash = "$2b$04$abcdefghijklmnopqrstuu5Nq7Yh0nQp7Qe8J1k5vD2m3o4p5q6r7s"

    @Test("users: added once, read back by exact name; the schema wants a scope for scoped roles", arguments: Backend.available)
    func users(backend: Backend) async throws {
        try await withStore(backend) { store in
            let officer = UserRecord(username: "serang", passwordHash: Self.hash, role: "regional_officer", scope: "3604", createdAt: Self.created)
            try await store.addUser(officer)
            try await store.addUser(
                UserRecord(username: "admin", passwordHash: Self.hash, role: "administrator", scope: nil, createdAt: Self.created))
            #expect(try await store.user(username: "serang") == officer)
            #expect(try await store.user(username: "Serang") == nil)
            #expect(try await store.user(username: "nobody") == nil)
            #expect(try await store.accountCounts() == (2, 0))

            // Given a taken name, When it is added again, Then it is a conflict
            await #expect(throws: StoreError.self) { try await store.addUser(officer) }
            do { try await store.addUser(officer) } catch let error as StoreError {
                guard case .conflict = error else { Issue.record("expected conflict, got \(error)"); return }
            }
            // A scoped role without a scope, an unscoped one with a scope, a system client, a plain password
            for bad in [
                UserRecord(username: "a", passwordHash: Self.hash, role: "employer", scope: nil, createdAt: Self.created),
                UserRecord(username: "b", passwordHash: Self.hash, role: "auditor", scope: "36", createdAt: Self.created),
                UserRecord(username: "c", passwordHash: Self.hash, role: "system_client", scope: nil, createdAt: Self.created),
                UserRecord(username: "d", passwordHash: "secret", role: "auditor", scope: nil, createdAt: Self.created),
            ] {
                do {
                    try await store.addUser(bad)
                    Issue.record("\(bad.username) was accepted")
                } catch let error as StoreError {
                    guard case .invalid = error else { Issue.record("expected invalid for \(bad.username), got \(error)"); continue }
                }
            }
        }
    }

    @Test("API clients: found by token hash only; name and hash unique; grants kept in order", arguments: Backend.available)
    func apiClients(backend: Backend) async throws {
        try await withStore(backend) { store in
            let hashA = String(repeating: "a", count: 64)
            let hashB = String(repeating: "b", count: 64)
            let sso = APIClientRecord(
                name: "sso", tokenHash: hashA, role: "system_client", scope: nil, grants: ["getPerson", "calculateContribution"],
                createdAt: Self.created)
            let branch = APIClientRecord(
                name: "kc-serang", tokenHash: hashB, role: "branch_officer", scope: "KC-SRG", grants: [], createdAt: Self.created)
            try await store.addAPIClient(sso)
            try await store.addAPIClient(branch)
            #expect(try await store.apiClient(tokenHash: hashA) == sso)
            #expect(try await store.apiClient(tokenHash: hashB) == branch)
            #expect(try await store.apiClient(tokenHash: String(repeating: "c", count: 64)) == nil)
            #expect(try await store.accountCounts() == (0, 2))

            let sameName = APIClientRecord(
                name: "sso", tokenHash: String(repeating: "d", count: 64), role: "auditor", scope: nil, grants: [], createdAt: Self.created)
            let sameHash = APIClientRecord(name: "other", tokenHash: hashA, role: "auditor", scope: nil, grants: [], createdAt: Self.created)
            for clash in [sameName, sameHash] {
                do {
                    try await store.addAPIClient(clash)
                    Issue.record("\(clash.name) was accepted")
                } catch let error as StoreError {
                    guard case .conflict = error else { Issue.record("expected conflict, got \(error)"); continue }
                }
            }
            // Grants belong to system clients only
            let grantedAuditor = APIClientRecord(
                name: "x", tokenHash: String(repeating: "e", count: 64), role: "auditor", scope: nil, grants: ["getPerson"], createdAt: Self.created)
            await #expect(throws: StoreError.self) { try await store.addAPIClient(grantedAuditor) }
        }
    }

    @Test("login attempts: failures counted per username and per address since a time", arguments: Backend.available)
    func loginAttempts(backend: Backend) async throws {
        try await withStore(backend) { store in
            let start = Self.created
            for minute in 0..<4 {
                try await store.recordLoginAttempt(
                    LoginAttempt(username: "serang", at: start.addingTimeInterval(Double(minute) * 60), succeeded: false, remoteAddress: "10.0.0.1"))
            }
            try await store.recordLoginAttempt(
                LoginAttempt(username: "serang", at: start.addingTimeInterval(300), succeeded: true, remoteAddress: "10.0.0.1"))
            try await store.recordLoginAttempt(
                LoginAttempt(username: "other", at: start.addingTimeInterval(300), succeeded: false, remoteAddress: "10.0.0.1"))
            try await store.recordLoginAttempt(
                LoginAttempt(username: "serang", at: start.addingTimeInterval(360), succeeded: false, remoteAddress: nil))

            #expect(try await store.recentFailedAttempts(username: "serang", since: start) == 5)
            #expect(try await store.recentFailedAttempts(username: "serang", since: start.addingTimeInterval(120)) == 3)
            #expect(try await store.recentFailedAttempts(username: "nobody", since: start) == 0)
            #expect(try await store.recentFailedAttempts(address: "10.0.0.1", since: start) == 5)
            #expect(try await store.recentFailedAttempts(address: "10.0.0.1", since: start.addingTimeInterval(61)) == 3)
            #expect(try await store.recentFailedAttempts(address: "10.0.0.2", since: start) == 0)
        }
    }

    @Test("access log: rows appended in one call, read back by entity and key, oldest first", arguments: Backend.available)
    func accessLog(backend: Backend) async throws {
        try await withStore(backend) { store in
            let first = AccessRecord(at: Self.created, actor: "user:serang", entity: "person", entityKey: "3604015705900001", reason: "getPerson")
            let second = AccessRecord(
                at: Self.created.addingTimeInterval(1), actor: "client:sso", entity: "person", entityKey: "3604015705900002",
                reason: "listEmployerWorkers")
            let third = AccessRecord(
                at: Self.created.addingTimeInterval(2), actor: "user:admin", entity: "person", entityKey: "3604015705900001", reason: "getStanding")
            try await store.logAccess([first, second])
            try await store.logAccess([third])
            try await store.logAccess([])
            let log = try await store.accessLog(entity: "person", key: "3604015705900001")
            #expect(log.map(\.record) == [first, third])
            #expect(log[0].id < log[1].id)
            #expect(try await store.accessLog(entity: "person", key: "3604015705900002").map(\.record) == [second])
            #expect(try await store.accessLog(entity: "person", key: "0000000000000000").isEmpty)
            // Only persons are logged
            await #expect(throws: StoreError.self) {
                try await store.logAccess([AccessRecord(at: Self.created, actor: "x", entity: "bill", entityKey: "1", reason: "getBill")])
            }
        }
    }

    static func sessionRecord(_ letter: Character, created: Date, hours: Double = 12, role: String = "regional_officer", scope: String? = "3604")
        -> SessionRecord
    {
        SessionRecord(
            idHash: String(repeating: letter, count: 64), csrfToken: "csrf-\(letter)", username: "serang", role: role, scope: scope,
            createdAt: created, expiresAt: created + hours * 3600)
    }

    @Test("sessions: kept by the id's hash until they expire, removed at logout, pruned as new ones come", arguments: Backend.available)
    func sessions(backend: Backend) async throws {
        try await withStore(backend) { store in
            let morning = Self.sessionRecord("a", created: Self.created)
            try await store.addSession(morning)
            #expect(try await store.session(idHash: morning.idHash, now: Self.created + 3600) == morning)
            #expect(try await store.session(idHash: String(repeating: "f", count: 64), now: Self.created) == nil)
            // Expired at its end, not one moment later
            #expect(try await store.session(idHash: morning.idHash, now: morning.expiresAt) == nil)

            let other = Self.sessionRecord("b", created: Self.created, role: "administrator", scope: nil)
            try await store.addSession(other)
            try await store.removeSession(idHash: other.idHash)
            #expect(try await store.session(idHash: other.idHash, now: Self.created) == nil)
            try await store.removeSession(idHash: other.idHash)  // unknown: no error

            // A login the next day removes the expired one: asked with a time it was still valid, it is gone.
            try await store.addSession(Self.sessionRecord("c", created: Self.created + 24 * 3600))
            #expect(try await store.session(idHash: morning.idHash, now: Self.created + 3600) == nil)

            // The schema refuses a system client's role and a session that ends before it begins.
            for bad in [Self.sessionRecord("d", created: Self.created + 24 * 3600, role: "system_client", scope: nil),
                        Self.sessionRecord("e", created: Self.created + 24 * 3600, hours: -1)] {
                await #expect(throws: StoreError.self) { try await store.addSession(bad) }
            }
        }
    }
}

