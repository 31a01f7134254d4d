public import Foundation

/// Accounts, login attempts and the log of full-NIK views, as intents (migration 0006); each method one
/// transaction. Implemented by both backends and held to the same contract tests. The store keeps hashes
/// only: a bcrypt hash for a user's password, the SHA-256 of an API client's token; hashing and checking
/// are the server's.
public protocol AccountStore: Sendable {
    /// Adds a user; a username already taken is `StoreError.conflict`.
    func addUser(_ user: UserRecord) async throws
    /// The user by name (exact); nil when there is none.
    func user(username: String) async throws -> UserRecord?
    /// Adds an API client; a name or token hash already taken is `StoreError.conflict`.
    func addAPIClient(_ client: APIClientRecord) async throws
    /// The API client whose token hashes to `tokenHash` (lowercase hex SHA-256); nil when there is none.
    func apiClient(tokenHash: String) async throws -> APIClientRecord?
    /// How many users and API clients there are (the demo adds its accounts only to an empty list).
    func accountCounts() async throws -> (users: Int, apiClients: Int)

    /// Records one login attempt (successful or not), for throttling.
    func recordLoginAttempt(_ attempt: LoginAttempt) async throws
    /// Failed attempts for the username at or after `since`.
    func recentFailedAttempts(username: String, since: Date) async throws -> Int
    /// Failed attempts from the remote address at or after `since`, whatever the username.
    func recentFailedAttempts(address: String, since: Date) async throws -> Int

    /// Keeps a new login session, and removes the sessions that expired by its creation time.
    func addSession(_ session: SessionRecord) async throws
    /// The session whose id hashes to `idHash`, nil when there is none or it has expired at `now`.
    func session(idHash: String, now: Date) async throws -> SessionRecord?
    /// Ends a session (logout); an unknown one is no error.
    func removeSession(idHash: String) async throws

    /// Appends rows to the access log (append-only): who saw which full NIK, when and why.
    func logAccess(_ records: [AccessRecord]) async throws
    /// The access log of one entity (`person`/NIK), oldest first.
    func accessLog(entity: String, key: String) async throws -> [AccessLogEntry]
}
