public import Foundation
public import LindungClaims
public import LindungCompliance
public import LindungCore
public import LindungStorage

/// What every handler needs, built once by the caller (the `serve` command or a test): the store (any
/// backend), the rules and holidays billing prices with, the clock as a closure, and the metrics text.
///
/// A class, not a struct: every request hands it to its handler, and copying fifteen fields (each a
/// retain and a release) showed in the server's profile on the hottest route (docs/BENCHMARKS.md).
/// Every property is a constant, so sharing one instance changes nothing else.
public final class ServerEnvironment: Sendable {
    public let store: any LindungStore
    /// Whose bearer tokens the API accepts.
    public let accounts: any ServerAccounts
    public let rules: RuleSet
    public let holidays: HolidayCalendar
    /// Today in Indonesia (WIB); injected so tests pin it.
    public let today: @Sendable () -> CalendarDate
    /// The prefix changes are audited under; the account name follows (`server:branch-serang`).
    public let actor: String
    /// The Prometheus exposition text for `/metrics`; the serve command passes its registry's.
    public let metricsText: @Sendable () -> String
    /// Logged-in browsers (in the store; a test may pass one with a short lifetime).
    public let sessions: SessionStore
    public let loginLimits: LoginLimits
    /// The clock for sessions and login attempts; injected so tests move it.
    public let now: @Sendable () -> Date
    /// Behind a reverse proxy: take the client's address from the first `X-Forwarded-For` entry (login
    /// throttling per address). Off by default, since anyone can send that header.
    public let trustForwardedFor: Bool
    /// The reference tables imports validate with (regions, minimum wages); the bundled ones when nil.
    public let reference: ReferenceData?
    /// Uploaded import files waiting for their confirmation (`/imports`), kept on disk for a while.
    public let uploads: ImportUploads
    /// The instance's certificate signing key (kept outside the database); without it the compliance API
    /// answers without a certificate token.
    public let certificateKeys: CertificateKeys?
    /// Where claim documents go: beside a SQLite file, or in the store (PostgreSQL, tests).
    public let claimDocuments: ClaimDocumentPlacement

    public init(
        store: any LindungStore, accounts: any ServerAccounts, rules: RuleSet, holidays: HolidayCalendar, today: @escaping @Sendable () -> CalendarDate,
        actor: String = "server", metricsText: @escaping @Sendable () -> String = { "" }, sessions: SessionStore? = nil,
        loginLimits: LoginLimits = LoginLimits(), now: @escaping @Sendable () -> Date = Date.init, trustForwardedFor: Bool = false,
        reference: ReferenceData? = nil, uploads: ImportUploads = ImportUploads(),
        certificateKeys: CertificateKeys? = nil, claimDocuments: ClaimDocumentPlacement = .inStore
    ) {
        self.store = store
        self.accounts = accounts
        self.rules = rules
        self.holidays = holidays
        self.today = today
        self.actor = actor
        self.metricsText = metricsText
        self.sessions = sessions ?? SessionStore(store: store)
        self.loginLimits = loginLimits
        self.now = now
        self.trustForwardedFor = trustForwardedFor
        self.reference = reference
        self.uploads = uploads
        self.certificateKeys = certificateKeys
        self.claimDocuments = claimDocuments
    }
}
