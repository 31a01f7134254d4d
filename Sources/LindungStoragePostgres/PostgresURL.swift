import Foundation
import LindungStorage
import PostgresNIO

/// `postgres://user[:password]@host[:port]/database[?sslmode=…]`, parsed.
///
/// TLS follows libpq's `sslmode` where it can: `disable`; `prefer` (the default for other hosts than this
/// machine) and `require` encrypt without checking the certificate; `verify-ca` checks it against the
/// system's roots, `verify-full` the host name too. Without `sslmode`, 127.0.0.1, ::1 and localhost use
/// no TLS.
struct PostgresURL {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    var sslmode: String

    init(_ text: String) throws {
        guard let url = URLComponents(string: text), url.scheme == "postgres" || url.scheme == "postgresql" else {
            throw StoreError.invalid("not a postgres:// URL: \(Self.redacted(text))")
        }
        guard let host = url.host, !host.isEmpty, let user = url.user, !user.isEmpty else {
            throw StoreError.invalid("a PostgreSQL URL needs a user and a host: postgres://user[:password]@host[:port]/database")
        }
        self.host = host
        self.port = url.port ?? 5432
        self.user = user
        self.password = url.password
        let database = String(url.path.drop { $0 == "/" })
        self.database = database.isEmpty ? user : database
        let local = ["127.0.0.1", "::1", "[::1]", "localhost"].contains(host)
        sslmode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? (local ? "disable" : "prefer")
    }

    /// The pool's configuration.
    func clientConfiguration() throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch try tlsConfiguration() {
            case nil: .disable
            case let (configuration, required)?: required ? .require(configuration) : .prefer(configuration)
            }
        return PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
    }

    /// The same for one connection outside the pool (the first one, whose errors the pool would hide).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch try tlsConfiguration() {
            case nil: .disable
            case let (configuration, required)?:
                required ? .require(try NIOSSLContext(configuration: configuration)) : .prefer(try NIOSSLContext(configuration: configuration))
            }
        return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
    }

    /// nil for no TLS; otherwise the client TLS settings and whether the server must accept TLS.
    private func tlsConfiguration() throws -> (TLSConfiguration, required: Bool)? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch sslmode {
        case "disable": return nil
        case "allow", "prefer", "require":
            configuration.certificateVerification = .none
            return (configuration, sslmode == "require")
        case "verify-ca":
            configuration.certificateVerification = .noHostnameVerification
            return (configuration, true)
        case "verify-full": return (configuration, true)
        default: throw StoreError.invalid("unknown sslmode '\(sslmode)' (disable, prefer, require, verify-ca, verify-full)")
        }
    }

    /// The URL without its password, for messages.
    static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? "postgres://…"
    }
}
