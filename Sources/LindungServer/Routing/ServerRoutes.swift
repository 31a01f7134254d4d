import HTTPTypes

/// Every route the server answers, in one place (see `Route`).
public enum ServerRoutes {
    public static let all: [Route] = [
        Route(.get, "/health", HealthHandlers.health),
        Route(.get, "/metrics", HealthHandlers.metrics),
        Route(.get, "/api/openapi.json", HealthHandlers.openAPI),
        Route(.get, "/api/v1/employers/{npp}", RegistryHandlers.employer),
        Route(.get, "/api/v1/employers/{npp}/workers", RegistryHandlers.workers),
        Route(.get, "/api/v1/persons", RegistryHandlers.searchPersons),
        Route(.get, "/api/v1/persons/{nik}", RegistryHandlers.person),
        Route(.get, "/api/v1/persons/{nik}/standing", BillingHandlers.standing),
        Route(.get, "/api/v1/bills", BillingHandlers.bills),
        Route(.get, "/api/v1/bills/{id}", BillingHandlers.bill),
        Route(.get, "/api/v1/bills/{id}/workers", BillingHandlers.billWorkers),
        Route(.post, "/api/v1/bills/{id}/payments", PaymentHandlers.post),
        Route(.post, "/api/v1/billing-runs", BillingHandlers.run),
        Route(.get, "/api/v1/arrears", BillingHandlers.arrears),
        Route(.get, "/api/v1/calculator/contribution", CalculatorHandlers.contribution),
    ]
}
