import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Logging
import Testing

/// Logging in with a password: the session cookie and its attributes, CSRF on unsafe requests that use
/// the cookie, logout, and login throttling per username and per address.
@Suite struct SessionRouteTests {
    struct Login {
        let cookie: String
        let csrf: String
    }

    static func loginBody(_ username: String, _ password: String) -> ByteBuffer {
        jsonBody(["username": username, "password": password])
    }

    /// Logs in (JSON) and returns the cookie to send back and the CSRF token.
    func login(_ client: any TestClientProtocol, _ username: String, password: String? = nil) async throws -> Login {
        try await client.execute(uri: "/login", method: .post, body: Self.loginBody(username, password ?? username + "-password")) { response in
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let setCookie = try #require(response.headers[.setCookie])
            let pair = try #require(setCookie.split(separator: ";").first)
            let csrf = try #require(try object(response)["csrf_token"] as? String)
            return Login(cookie: String(pair), csrf: csrf)
        }
    }

    func cookie(_ login: Login, csrf: String? = nil) -> HTTPFields {
        var fields: HTTPFields = [.cookie: login.cookie]
        if let csrf { fields[HTTPField.Name("X-CSRF-Token")!] = csrf }
        return fields
    }

    @Test func loginSetsAnHttpOnlyLaxCookieThatAuthenticatesWithinTheScope() async throws {
        try await withServer { client, _ in
            // Given a regional officer of 3604, When logging in with JSON
            try await client.execute(uri: "/login", method: .post, body: Self.loginBody("serang-user", "serang-user-password")) { response in
                #expect(response.status == .ok)
                let body = try object(response)
                #expect(body["username"] as? String == "serang-user")
                #expect(body["role"] as? String == "regional_officer")
                #expect(body["scope"] as? String == "3604")
                #expect((body["csrf_token"] as? String)?.count ?? 0 >= 40)
                let setCookie = try #require(response.headers[.setCookie])
                #expect(setCookie.hasPrefix("lindung_session="))
                #expect(setCookie.contains("HttpOnly"))
                #expect(setCookie.contains("SameSite=Lax"))
                #expect(setCookie.contains("Path=/"))
                #expect(!setCookie.contains("Secure"), "plain HTTP: no Secure")
            }
            // Then the cookie reads what the role's scope allows, and nothing else
            let session = try await login(client, "serang-user")
            try await client.execute(uri: "/api/v1/employers/12345678", method: .get, headers: cookie(session)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/employers/11112222", method: .get, headers: cookie(session)) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/employers/12345678", method: .get, headers: [.cookie: "lindung_session=forged"]) {
                #expect($0.status == .unauthorized)
            }
            // Behind a TLS proxy the cookie is Secure; a form login works as JSON does
            try await client.execute(
                uri: "/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Forwarded-Proto")!: "https"],
                body: ByteBuffer(string: "username=maju-user&password=maju-user-password")
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.setCookie]?.contains("Secure") == true)
            }
        }
    }

    @Test func wrongPasswordsAndUnknownUsersAreRefusedAlike() async throws {
        try await withServer { client, store in
            for (username, password) in [("serang-user", "wrong-password"), ("nobody", "whatever-password")] {
                try await client.execute(uri: "/login", method: .post, body: Self.loginBody(username, password)) { response in
                    #expect(response.status == .unauthorized)
                    #expect(errorCode(response) == "unauthorized")
                    #expect(response.headers[.setCookie] == nil)
                }
            }
            try await client.execute(uri: "/login", method: .post, body: jsonBody(["username": "serang-user"])) { #expect($0.status == .badRequest) }
            #expect(try await store.recentFailedAttempts(username: "serang-user", since: .distantPast) == 1)
            #expect(try await store.recentFailedAttempts(username: "nobody", since: .distantPast) == 1)
        }
    }

    @Test func fiveFailuresInFifteenMinutesThrottleTheUsername() async throws {
        let clock = TestClock()
        try await withServer(clock: clock) { client, _ in
            for _ in 0..<5 {
                try await client.execute(uri: "/login", method: .post, body: Self.loginBody("serang-user", "wrong-password")) {
                    #expect($0.status == .unauthorized)
                }
                clock.advance(60)
            }
            // Even the right password is refused now, with Retry-After
            try await client.execute(uri: "/login", method: .post, body: Self.loginBody("serang-user", "serang-user-password")) { response in
                #expect(response.status == .tooManyRequests)
                #expect(errorCode(response) == "too_many_requests")
                #expect(response.headers[.retryAfter] == "900")
            }
            // Another username is not affected
            _ = try await login(client, "maju-user")
            // Once the first failures are older than 15 minutes, the right password works again
            clock.advance(11 * 60)
            _ = try await login(client, "serang-user")
        }
    }

    @Test func twentyFailuresFromOneAddressThrottleTheAddress() async throws {
        try await withServer(trustForwardedFor: true) { client, _ in
            let from: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.7, 10.0.0.1"]
            for attempt in 0..<20 {
                try await client.execute(uri: "/login", method: .post, headers: from, body: Self.loginBody("guess-\(attempt)", "wrong-password")) {
                    #expect($0.status == .unauthorized)
                }
            }
            try await client.execute(uri: "/login", method: .post, headers: from, body: Self.loginBody("maju-user", "maju-user-password")) {
                #expect($0.status == .tooManyRequests)
            }
            let elsewhere: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.2"]
            try await client.execute(uri: "/login", method: .post, headers: elsewhere, body: Self.loginBody("maju-user", "maju-user-password")) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test func unsafeRequestsWithTheCookieNeedTheCSRFToken() async throws {
        try await withServer(billApril: true) { client, _ in
            let session = try await login(client, "admin-user")
            let run = jsonBody(["month": "2025-05", "employer": "12345678", "issued_on": "2025-06-01"])
            for headers in [cookie(session), cookie(session, csrf: "not-the-token")] {
                try await client.execute(uri: "/api/v1/billing-runs", method: .post, headers: headers, body: run) { response in
                    #expect(response.status == .forbidden)
                    #expect(errorCode(response) == "forbidden")
                }
            }
            try await client.execute(uri: "/api/v1/billing-runs", method: .post, headers: cookie(session, csrf: session.csrf), body: run) {
                #expect($0.status == .ok)
            }
            // Reads need no token; a bearer request needs none either
            try await client.execute(uri: "/api/v1/bills?month=2025-04", method: .get, headers: cookie(session)) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/v1/billing-runs", method: .post, headers: auth(), body: jsonBody(["month": "2025-05", "issued_on": "2025-06-01"])
            ) { #expect($0.status == .ok) }
        }
    }

    @Test func logoutNeedsTheTokenAndEndsTheSession() async throws {
        try await withServer { client, _ in
            let session = try await login(client, "serang-user")
            try await client.execute(uri: "/logout", method: .post, headers: cookie(session)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/api/v1/employers/12345678", method: .get, headers: cookie(session)) { #expect($0.status == .ok) }
            // A form with the token logs out and clears the cookie
            var form = cookie(session)
            form[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/logout", method: .post, headers: form, body: ByteBuffer(string: "csrf_token=\(session.csrf)")) {
                response in
                #expect(response.status == .noContent)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/api/v1/employers/12345678", method: .get, headers: cookie(session)) {
                #expect($0.status == .unauthorized)
            }
            // The header works too; without a session there is nothing to end
            let again = try await login(client, "serang-user")
            try await client.execute(uri: "/logout", method: .post, headers: cookie(again, csrf: again.csrf)) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/logout", method: .post) { #expect($0.status == .noContent) }
        }
    }

    @Test func aSessionOutlivesTheServerProcessAndEndsEverywhereAtLogout() async throws {
        let clock = TestClock()
        try await withServer(clock: clock) { client, store in
            let session = try await login(client, "serang-user")
            // A second server on the same database (a restart, or another process behind a load balancer)
            try await testApplication(store: store, now: { clock.now }).test(.router) { restarted in
                try await restarted.execute(uri: "/api/v1/employers/12345678", method: .get, headers: cookie(session)) { #expect($0.status == .ok) }
                try await restarted.execute(uri: "/logout", method: .post, headers: cookie(session, csrf: session.csrf)) {
                    #expect($0.status == .noContent)
                }
            }
            try await client.execute(uri: "/api/v1/employers/12345678", method: .get, headers: cookie(session)) {
                #expect($0.status == .unauthorized)
            }
        }
    }
}

