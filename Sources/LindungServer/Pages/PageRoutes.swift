import Foundation
import HTTPTypes
import Hummingbird
import LindungStorage

/// The server-rendered pages (docs/server.md, "Pages"). Kept apart from `ServerRoutes.all`, which is the
/// API the OpenAPI document describes. Every page but `/login` needs a session cookie (otherwise a 303 to
/// `/login`) and reads through the session's `ScopedReader`, so a record outside the scope is a 404 page.
enum PageRoutes {
    typealias Handler = @Sendable (Request, ServerRequestContext, PageCall) async throws -> Response

    static let all: [(path: String, name: String, handler: Handler)] = [
        ("/", "page:dashboard", DashboardPage.show),
        ("/employers", "page:searchEmployers", EmployerPages.search),
        ("/employers/{npp}", "page:getEmployer", EmployerPages.detail),
        ("/persons", "page:searchPersons", PersonPages.search),
        ("/persons/{nik}", "page:getPerson", PersonPages.detail),
        ("/bills", "page:listBills", BillPages.list),
        ("/bills/{id}", "page:getBill", BillPages.detail),
        ("/calculator", "page:calculator", CalculatorPage.show),
        ("/imports", "page:imports", ImportPages.show),
        ("/agencies/{npp}/non-asn", "page:listAgencyNonASN", AgencyPages.nonASN),
        ("/bills/{id}/export", "page:exportBill", BillDownload.page),
        ("/claims", "page:listClaims", ClaimPages.queue),
        ("/claims/{id}", "page:getClaim", ClaimPages.detail),
        ("/persons/{nik}/jht", "page:getJHTStatement", JHTPage.show),
        ("/persons/{nik}/jht/export", "page:exportJHTStatement", JHTPage.export),
        ("/coverage", "page:coverage", CoveragePage.show),
        ("/coverage/report", "page:coverageReport", CoverageReportPage.download),
        ("/simulator", "page:simulator", SimulatorPage.show),
        ("/compliance", "page:complianceOverview", CompliancePages.overview),
        ("/compliance/{identifier}", "page:getCompliance", CompliancePages.history),
        ("/compliance/{identifier}/letters/{finding}", "page:getComplianceLetter", CompliancePages.letter),
    ]

    static func register(on router: Router<ServerRequestContext>, environment: ServerEnvironment) {
        router.get("/static/lindung.css") { request, context in try PageRenderer.css(request, context) }
        router.get("/login") { request, context in try await LoginPage.show(request, context, environment) }
        PageForms.register(on: router, environment: environment)
        for page in all {
            let handler = page.handler
            let name = page.name
            router.on(RouterPath(page.path), method: .get) { request, context in
                let language = PageCall.language(request)
                guard let session = try await Authentication.session(request, environment) else {
                    return PageCall.withLanguageCookie(Response(status: .seeOther, headers: [.location: "/login"]), request)
                }
                let call = PageCall(
                    switchLink: PageCall.switchLink(request, to: language.other),
                    call: Call(
                        environment: environment, reader: ScopedReader(Viewer(account: session.account), environment.store), operationID: name),
                    session: session, language: language)
                do {
                    return PageCall.withLanguageCookie(try await handler(request, context, call), request)
                } catch let error as APIError where error.code == .notFound || error.code == .invalidInput {
                    let notFound = error.code == .notFound
                    return try call.page(
                        "error", title: notFound ? "not_found_title" : "error_title",
                        ["message": notFound ? language.strings["not_found"]! : error.message],
                        status: notFound ? .notFound : .badRequest)
                }
            }
        }
    }
}

extension PageRoutes {
    /// The 404 page for a path nothing answers (no session needed, so no menu).
    static func notFoundPage(_ request: Request) throws -> Response {
        let language = PageCall.language(request)
        let strings = language.strings
        let values: [String: Any] = [
            "t": strings, "lang": language.rawValue, "other_lang": language.other.rawValue, "title": strings["not_found_title"]!,
            "message": strings["not_found"]!,
        ]
        return PageRenderer.html(try PageRenderer.render("error", values), status: .notFound)
    }
}

/// What a page handler runs with: the API's `Call` (scope, store, NIK disclosure), the session (its
/// CSRF token goes into the logout form) and the language.
struct PageCall: Sendable {
    /// This page in the other language (`?lang=` with the page's other query parameters kept).
    let switchLink: String
    let call: Call
    let session: SessionStore.Session
    let language: PageLanguage

    var reader: ScopedReader { call.reader! }
    var store: any LindungStore { call.store }
    var account: Account { session.account }

    static let languageCookie = "lang"

    /// `?lang=en|id` first, then the `lang` cookie, else Bahasa Indonesia.
    static func language(_ request: Request) -> PageLanguage {
        if let query = request.uri.queryParameters["lang"].flatMap({ PageLanguage(rawValue: String($0)) }) { return query }
        return request.cookies[languageCookie].flatMap { PageLanguage(rawValue: $0.value) } ?? .id
    }

    static func switchLink(_ request: Request, to language: PageLanguage) -> String {
        var items = (URLComponents(string: request.uri.description)?.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: language.rawValue))
        var components = URLComponents()
        components.path = request.uri.path
        components.queryItems = items
        return components.string ?? "?lang=\(language.rawValue)"
    }

    /// A `?lang=` switch is remembered in the `lang` cookie for the pages that follow.
    static func withLanguageCookie(_ response: Response, _ request: Request) -> Response {
        guard let query = request.uri.queryParameters["lang"].flatMap({ PageLanguage(rawValue: String($0)) }) else { return response }
        var response = response
        response.setCookie(Cookie(name: languageCookie, value: query.rawValue, maxAge: 365 * 86400, path: "/", httpOnly: true, sameSite: .lax))
        return response
    }

    /// The common values (strings, the user, the logout form's token) plus the page's own.
    func page(_ template: String, title: String, _ values: [String: Any], status: HTTPResponse.Status = .ok) throws -> Response {
        let strings = language.strings
        var all = values
        all["t"] = strings
        all["lang"] = language.rawValue
        all["title"] = strings[title] ?? title
        all["other_lang"] = language.other.rawValue
        all["switch_link"] = switchLink
        all["user"] = [
            "name": account.name, "role": strings["role_\(account.role.rawValue)"] ?? account.role.rawValue,
            "scope": account.scope ?? strings["everywhere"]!, "csrf_token": session.csrfToken,
            "can_import": RegistryImport.mayImport(account.role),
            "can_read_coverage": CoverageAccess.mayRead(account.role),
            "can_compliance": CompliancePages.mayView(account.role),
        ]
        return PageRenderer.html(try PageRenderer.render(template, all), status: status)
    }

    func money(_ amount: Int64) -> String { PageFormat.money(amount) }
}
