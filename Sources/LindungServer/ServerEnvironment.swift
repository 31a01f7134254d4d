public import LindungCore
public import LindungStorage

/// What every handler needs, built once by the caller (the `serve` command or a test): the store (any
/// backend), the rules and holidays billing prices with, the clock as a closure, and the metrics text.
public struct ServerEnvironment: Sendable {
    public let store: any LindungStore
    public let rules: RuleSet
    public let holidays: HolidayCalendar
    /// Today in Indonesia (WIB); injected so tests pin it.
    public let today: @Sendable () -> CalendarDate
    /// Who changes are audited as when no account is attached (this slice has no login yet).
    public let actor: String
    /// The Prometheus exposition text for `/metrics`; the serve command passes its registry's.
    public let metricsText: @Sendable () -> String

    public init(
        store: any LindungStore, rules: RuleSet, holidays: HolidayCalendar, today: @escaping @Sendable () -> CalendarDate,
        actor: String = "server", metricsText: @escaping @Sendable () -> String = { "" }
    ) {
        self.store = store
        self.rules = rules
        self.holidays = holidays
        self.today = today
        self.actor = actor
        self.metricsText = metricsText
    }
}
