import Foundation
import HTTPTypes
import Hummingbird
import LindungStorage

/// `POST /login` and `POST /logout`: a session cookie for a browser (docs/server.md, "Logging in").
enum SessionHandlers {
    struct Credentials: Decodable {
        let username: String
        let password: String
    }

    struct CSRFForm: Decodable {
        let csrf_token: String?
    }

    /// Username and password as JSON or as a form; throttled per username and per address before the
    /// password is checked, every attempt recorded. Answers the account and the session's CSRF token, and
    /// sets the cookie (HttpOnly, SameSite=Lax, Secure over TLS or behind `X-Forwarded-Proto: https`).
    static func login(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        let environment = call.environment
        let credentials = try await body(Credentials.self, from: request)
        let now = environment.now()
        let since = now - environment.loginLimits.window
        let address = clientAddress(request, context, environment)
        var throttled =
            try await environment.store.recentFailedAttempts(username: credentials.username, since: since) >= environment.loginLimits.failures
        if !throttled, let address {
            throttled = try await environment.store.recentFailedAttempts(address: address, since: since) >= environment.loginLimits.addressFailures
        }
        let page = isForm(request) && LoginPage.wantsHTML(request)
        if throttled {
            if page {
                var response = try LoginPage.render(
                    PageCall.language(request), message: "throttled", username: credentials.username, status: .tooManyRequests)
                response.headers[.retryAfter] = String(Int(environment.loginLimits.window.rounded(.up)))
                return response
            }
            throw APIError(
                .tooManyRequests, "too many failed logins; try again later", retryAfter: Int(environment.loginLimits.window.rounded(.up)))
        }
        let account = try await environment.accounts.account(username: credentials.username, password: credentials.password)
        try await environment.store.recordLoginAttempt(
            LoginAttempt(username: credentials.username, at: now, succeeded: account != nil, remoteAddress: address))
        guard let account else {
            if page {
                return try LoginPage.render(
                    PageCall.language(request), message: "wrong_password", username: credentials.username, status: .unauthorized)
            }
            throw APIError(.unauthorized, "wrong username or password")
        }
        let session = try await environment.sessions.create(for: account, now: now)
        // The login page's form goes on to the dashboard; API clients get the account and the CSRF token.
        var response =
            page
            ? Response(status: .seeOther, headers: [.location: "/"])
            : try JSONBody.response(
                LoginDTO(username: account.name, role: account.role.rawValue, scope: Nullable(account.scope), csrf_token: session.csrfToken))
        response.setCookie(
            Cookie(
                name: Authentication.cookieName, value: session.id, maxAge: Int(environment.sessions.lifetime), path: "/",
                secure: overTLS(request), httpOnly: true, sameSite: .lax))
        return response
    }

    /// Ends the cookie's session (its CSRF token required, as a header or a `csrf_token` form field) and
    /// clears the cookie; without a live session there is nothing to end and the answer is the same 204
    /// (a 303 to `/login` for the pages' logout form).
    static func logout(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        if let session = try await Authentication.session(request, call.environment) {
            let form = isForm(request) ? try await body(CSRFForm.self, from: request) : nil
            try Authentication.checkCSRF(request, session, formToken: form?.csrf_token)
            try await call.environment.sessions.remove(id: session.id)
        }
        // The logout button of the pages goes back to the login page.
        var response =
            isForm(request) && LoginPage.wantsHTML(request)
            ? Response(status: .seeOther, headers: [.location: "/login"]) : Response(status: .noContent)
        response.setCookie(
            Cookie(name: Authentication.cookieName, value: "", maxAge: 0, path: "/", secure: overTLS(request), httpOnly: true, sameSite: .lax))
        return response
    }

    static func isForm(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
    }

    static func body<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        guard isForm(request) else { return try await JSONBody.decode(type, from: request) }
        let buffer = try await request.body.collect(upTo: 64 << 10)
        do {
            return try URLEncodedFormDecoder().decode(type, from: String(buffer: buffer))
        } catch {
            throw APIError.invalid("the form is not the expected one")
        }
    }

    static func overTLS(_ request: Request) -> Bool {
        request.head.scheme?.lowercased() == "https"
            || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased()
                == "https"
    }

    /// The peer's address, or with `trustForwardedFor` the first `X-Forwarded-For` entry.
    static func clientAddress(_ request: Request, _ context: ServerRequestContext, _ environment: ServerEnvironment) -> String? {
        if environment.trustForwardedFor, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!] {
            let first = forwarded.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if !first.isEmpty { return first }
        }
        return context.peerAddress
    }
}

/// The answer to a login: who is logged in, and the token unsafe requests with the cookie must send.
struct LoginDTO: Encodable, Sendable {
    let username: String
    let role: String
    let scope: Nullable<String>
    let csrf_token: String
}
