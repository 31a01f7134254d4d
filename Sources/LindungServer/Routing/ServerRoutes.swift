import HTTPTypes

/// Every route the server answers, in one place (see `Route`).
public enum ServerRoutes {
    public static let all: [Route] = [
        Route(.get, "/health", "health", .open, HealthHandlers.health),
        Route(.get, "/ping", "ping", .open, HealthHandlers.ping),
        Route(.get, "/metrics", "metrics", .open, HealthHandlers.metrics),
        Route(.get, "/api/openapi.json", "openAPIDocument", .open, HealthHandlers.openAPI),
        Route(.post, "/login", "login", .open, SessionHandlers.login),
        Route(.post, "/logout", "logout", .open, SessionHandlers.logout),
        Route(.get, "/api/v1/employers", "searchEmployers", .read, EmployerSearchHandlers.search),
        Route(.get, "/api/v1/employers/{npp}", "getEmployer", .read, RegistryHandlers.employer),
        Route(.get, "/api/v1/employers/{npp}/workers", "listEmployerWorkers", .read, RegistryHandlers.workers),
        Route(.get, "/api/v1/persons", "searchPersons", .read, RegistryHandlers.searchPersons),
        Route(.get, "/api/v1/persons/{nik}", "getPerson", .read, RegistryHandlers.person),
        Route(.get, "/api/v1/persons/{nik}/standing", "getStanding", .read, BillingHandlers.standing),
        Route(.get, "/api/v1/persons/{nik}/spells", "listPersonSpells", .read, SpellHandlers.list),
        Route(.get, "/api/v1/bills", "listBills", .read, BillingHandlers.bills),
        Route(.get, "/api/v1/bills/{id}", "getBill", .read, BillingHandlers.bill),
        Route(.get, "/api/v1/bills/{id}/workers", "listBillWorkers", .read, BillingHandlers.billWorkers),
        Route(.get, "/api/v1/bills/{id}/export", "exportBill", .read, BillDownload.api),
        Route(.post, "/api/v1/bills/{id}/payments", "postPayment", .write, PaymentHandlers.post),
        Route(.post, "/api/v1/billing-runs", "runBilling", .write, BillingHandlers.run),
        Route(.get, "/api/v1/arrears", "listArrears", .read, BillingHandlers.arrears),
        Route(.get, "/api/v1/calculator/contribution", "calculateContribution", .read, CalculatorHandlers.contribution),
        Route(.post, "/api/v1/imports", "importRegistry", .read, ImportHandlers.post),
        Route(.get, "/api/v1/agencies/{npp}/non-asn", "listAgencyNonASN", .read, AgencyHandlers.nonASN),
        Route(.get, "/api/v1/compliance/{identifier}", "getCompliance", .read, ComplianceHandlers.get),
        Route(.post, "/api/v1/compliance/check", "checkCompliance", .read, ComplianceHandlers.check),
        Route(.get, "/verify", "verifyCertificate", .open, ComplianceHandlers.verifyPage),
        Route(.get, "/api/v1/coverage", "getCoverage", .read, CoverageHandlers.figures),
        Route(.get, "/api/v1/coverage/targets", "listCoverageTargets", .read, CoverageHandlers.targets),
        Route(.put, "/api/v1/coverage/targets", "setCoverageTarget", .write, CoverageHandlers.setTarget),
        Route(.get, "/api/v1/simulate/budget", "simulateBudget", .read, CoverageHandlers.budget),
        Route(.post, "/api/v1/claims", "submitClaim", .read, ClaimHandlers.submit),
        Route(.get, "/api/v1/claims", "listClaims", .read, ClaimHandlers.list),
        Route(.get, "/api/v1/claims/{id}", "getClaim", .read, ClaimHandlers.get),
        Route(.post, "/api/v1/claims/{id}/verify", "verifyClaim", .write, ClaimHandlers.verify),
        Route(.post, "/api/v1/claims/{id}/approve", "approveClaim", .write, ClaimHandlers.approve),
        Route(.post, "/api/v1/claims/{id}/pay", "payClaim", .write, ClaimHandlers.pay),
        Route(.post, "/api/v1/claims/{id}/reject", "rejectClaim", .write, ClaimHandlers.reject),
        Route(.post, "/api/v1/claims/{id}/resubmit", "resubmitClaim", .read, ClaimHandlers.resubmit),
        Route(.post, "/api/v1/claims/{id}/documents", "uploadClaimDocument", .read, ClaimHandlers.upload),
        Route(.get, "/api/v1/persons/{nik}/jht", "getJHTStatement", .read, JHTHandlers.statement),
    ]
}

extension ServerRoutes {
    /// The methods registered for a request path (`/api/v1/bills/7` matches `/api/v1/bills/{id}`), so an
    /// unregistered method on a known path answers 405 with `Allow` rather than 404.
    static func methods(forPath path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return all.filter { route in
            let pattern = route.path.split(separator: "/", omittingEmptySubsequences: false)
            guard pattern.count == segments.count else { return false }
            return zip(pattern, segments).allSatisfy { expected, actual in
                (expected.hasPrefix("{") && !actual.isEmpty) || expected == actual
            }
        }.map(\.method)
    }
}
