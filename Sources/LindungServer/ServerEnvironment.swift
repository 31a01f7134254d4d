public import LindungCore
public import LindungStorage

/// What every handler needs, built once by the caller (the `serve` command or a test): the store (any
/// backend), the rules and holidays billing prices with, the clock as a closure, and the metrics text.
public struct ServerEnvironment: Sendable {
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

    public init(
        store: any LindungStore, accounts: any ServerAccounts, rules: RuleSet, holidays: HolidayCalendar, today: @escaping @Sendable () -> CalendarDate,
        actor: String = "server", metricsText: @escaping @Sendable () -> String = { "" }
    ) {
        self.store = store
        self.accounts = accounts
        self.rules = rules
        self.holidays = holidays
        self.today = today
        self.actor = actor
        self.metricsText = metricsText
    }
}
