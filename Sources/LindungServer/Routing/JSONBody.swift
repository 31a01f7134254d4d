import Foundation
import HTTPTypes
import Hummingbird

/// JSON in and out the way the CLI prints it (docs/cli.md): keys sorted, amounts as integer rupiah.
enum JSONBody {
    /// One encoder for every response: its options never change after this, and making one per request
    /// showed in the server's profile (docs/BENCHMARKS.md, the server's read path).
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        jsonResponse(ByteBuffer(bytes: try encoded(value)), status: status)
    }

    /// A value's JSON as every Codable response carries it.
    static func encoded(_ value: some Encodable) throws -> Data {
        try encoder.encode(value)
    }

    /// The same bytes as the generic `response`, written without Codable (`JSONObjectWriter` says why).
    static func response(_ value: some JSONObjectWritable, status: HTTPResponse.Status = .ok) -> Response {
        var json = JSONObjectWriter()
        value.writeFields(to: &json)
        return jsonResponse(json.finish(), status: status)
    }

    private static func jsonResponse(_ body: ByteBuffer, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    /// Decodes a request body, refusing malformed JSON as `invalid_input` (at most 1 MB is read).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        do {
            return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
        } catch {
            throw APIError.invalid("the body is not the expected JSON: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: "malformed JSON"
        }
    }
}

/// A value that is written as `null` when absent, never left out (the CLI's JSON contract).
struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    let value: Value?

    init(_ value: Value?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
