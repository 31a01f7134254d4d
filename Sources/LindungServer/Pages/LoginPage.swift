import Hummingbird

/// `GET /login`: the form that posts to `POST /login` (username, password). A browser's form post is
/// answered in HTML (a 303 to `/` on success, this page again with the message otherwise); see
/// `SessionHandlers.login`.
enum LoginPage {
    static func show(_ request: Request, _ context: ServerRequestContext, _ environment: ServerEnvironment) async throws -> Response {
        if try await Authentication.session(request, environment) != nil { return Response(status: .seeOther, headers: [.location: "/"]) }
        return PageCall.withLanguageCookie(try render(PageCall.language(request), message: nil), request)
    }

    /// The form, with a message (`wrong_password`, `throttled`) and the status it goes with.
    static func render(_ language: PageLanguage, message: String?, username: String = "", status: HTTPResponse.Status = .ok) throws -> Response {
        let strings = language.strings
        var values: [String: Any] = [
            "t": strings, "lang": language.rawValue, "other_lang": language.other.rawValue, "title": strings["login_title"]!, "username": username,
        ]
        if let message { values["message"] = strings[message] ?? message }
        return PageRenderer.html(try PageRenderer.render("login", values), status: status)
    }

    /// A browser navigating (a form post) asks for HTML first; API clients ask for JSON or nothing.
    static func wantsHTML(_ request: Request) -> Bool {
        request.headers[.accept]?.lowercased().contains("text/html") == true
    }
}
