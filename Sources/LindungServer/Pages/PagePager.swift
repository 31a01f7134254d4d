import Foundation
import Hummingbird

/// Paging of the pages' lists: `?offset=` (or another parameter when a page holds two long lists) picks the
/// rows, `PagePager.size` a page, and the list gets "previous" and "next" links that keep the page's other
/// query parameters (the search text, the month, the language). As the API's `offset`, but with a fixed
/// page size: a person reading a table needs no `limit`.
struct PagePager {
    static let size = 50

    let parameter: String
    let offset: Int
    private let path: String
    private let query: [URLQueryItem]

    /// A malformed or negative offset is a 400 page, as any malformed parameter.
    init(_ request: Request, parameter: String = "offset") throws {
        self.parameter = parameter
        let text = request.uri.queryParameters[Substring(parameter)].map(String.init)
        if let text {
            guard let offset = Int(text), (0...Pagination.maxOffset).contains(offset) else {
                throw APIError.invalid("invalid \(parameter) '\(text)': must be 0 to \(Pagination.maxOffset)")
            }
            self.offset = offset
        } else {
            offset = 0
        }
        path = request.uri.path
        query = (URLComponents(string: request.uri.description)?.queryItems ?? []).filter { $0.name != parameter }
    }

    /// This page's rows of the whole list.
    func rows<Row>(_ all: [Row]) -> [Row] { Array(all.dropFirst(offset).prefix(Self.size)) }

    /// The page's rows from a read of up to `size + 1` rows starting at `offset`.
    func rows<Row>(afterOffset read: [Row]) -> [Row] { Array(read.prefix(Self.size)) }

    /// The `pager` value for the `pager` partial: links to the previous page (when this is not the first)
    /// and to the next (when `more`), `nil` when there is only one page.
    func values(more: Bool) -> [String: Any]? {
        guard offset > 0 || more else { return nil }
        var values: [String: Any] = [
            "from": offset + 1, "parameter": parameter,
        ]
        if offset > 0 { values["previous"] = link(max(0, offset - Self.size)) }
        if more { values["next"] = link(offset + Self.size) }
        return values
    }

    /// `pager` values for a list read whole (`total` rows).
    func values(total: Int) -> [String: Any]? { values(more: offset + Self.size < total) }

    private func link(_ offset: Int) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query + (offset > 0 ? [URLQueryItem(name: parameter, value: String(offset))] : [])
        if components.queryItems?.isEmpty == true { components.queryItems = nil }
        return components.string ?? path
    }
}

extension Request {
    /// A query parameter as a browser's GET form sends it (`application/x-www-form-urlencoded`: `+` is a
    /// space, then percent-decoding), so a search for "Budi Santoso" typed into a page's box finds him.
    func formQuery(_ name: String) -> String? {
        guard let query = uri.query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.first.map(String.init) == name else { continue }
            let raw = parts.count > 1 ? String(parts[1]) : ""
            return raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? raw
        }
        return nil
    }
}
