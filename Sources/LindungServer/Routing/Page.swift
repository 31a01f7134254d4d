import Hummingbird

/// `?limit=&offset=` on every list: limit 1 to 500 (default 50), offset 0 to 2³¹−1 (openapi.json says so).
struct Pagination {
    static let defaultLimit = 50
    static let maxLimit = 500
    static let maxOffset = Int(Int32.max)

    let limit: Int
    let offset: Int

    init(_ request: Request) throws {
        let limit = try request.integer("limit") ?? Int64(Self.defaultLimit)
        let offset = try request.integer("offset") ?? 0
        guard (1...Int64(Self.maxLimit)).contains(limit) else { throw APIError.invalid("invalid limit '\(limit)': must be 1 to \(Self.maxLimit)") }
        guard (0...Int64(Self.maxOffset)).contains(offset) else { throw APIError.invalid("invalid offset '\(offset)': must be 0 to \(Self.maxOffset)") }
        self.limit = Int(limit)
        self.offset = Int(offset)
    }

    /// One page of `all`, with the offset of the next page when there is one.
    func page<Item: Encodable & Sendable>(_ all: [Item]) -> Page<Item> {
        let start = min(offset, all.count)
        let end = min(start + limit, all.count)
        return Page(items: Array(all[start..<end]), nextOffset: Nullable(end < all.count ? end : nil))
    }
}

extension Pagination {
    /// One page from `read`, which the store answered with up to `limit + 1` items starting at `offset` (the
    /// extra item only tells that a next page exists).
    func page<Item: Encodable & Sendable>(afterOffset read: [Item]) -> Page<Item> {
        Page(items: Array(read.prefix(limit)), nextOffset: Nullable(read.count > limit ? offset + limit : nil))
    }
}

/// A list response: `{"items":[...],"next_offset":N|null}`.
struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
    let nextOffset: Nullable<Int>

    enum CodingKeys: String, CodingKey { case items, nextOffset = "next_offset" }
}
