import Hummingbird
import LindungCore

/// Reading path and query values, each refusal naming the parameter.
extension Request {
    /// The parameter as sent; an empty value (`?on=`) is a value, refused by the typed readers below.
    func query(_ name: String) -> String? {
        uri.queryParameters.get(name)
    }

    func requiredQuery(_ name: String) throws -> String {
        guard let value = query(name), !value.isEmpty else { throw APIError.invalid("the query parameter '\(name)' is required") }
        return value
    }

    func date(_ name: String) throws -> CalendarDate? {
        guard let text = query(name) else { return nil }
        guard let date = CalendarDate(iso: text) else { throw APIError.invalid("invalid \(name) '\(text)': expected YYYY-MM-DD") }
        return date
    }

    func month(_ name: String) throws -> YearMonth {
        let text = try requiredQuery(name)
        guard let month = YearMonth(iso: text) else { throw APIError.invalid("invalid \(name) '\(text)': expected YYYY-MM") }
        return month
    }

    func integer(_ name: String) throws -> Int64? {
        guard let text = query(name) else { return nil }
        guard let value = Int64(text) else {
            let digits = text.drop { $0 == "-" || $0 == "+" }
            let tooLarge = !digits.isEmpty && digits.allSatisfy(\.isNumber)
            throw APIError.invalid("invalid \(name) '\(text)': \(tooLarge ? "too large" : "expected a whole number")")
        }
        return value
    }
}

extension ServerRequestContext {
    func path(_ name: String) throws -> String {
        guard let value = parameters.get(name) else { throw APIError.invalid("missing path parameter '\(name)'") }
        return value
    }

    func pathID(_ name: String) throws -> Int64 {
        let text = try path(name)
        guard let value = Int64(text), value > 0 else { throw APIError.notFound("no \(name) '\(text)'") }
        return value
    }
}
