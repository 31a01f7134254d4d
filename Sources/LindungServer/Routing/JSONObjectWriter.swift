import NIOCore

/// A flat JSON object written straight into a `ByteBuffer`, byte for byte what `JSONBody`'s encoder
/// writes (sorted keys, unescaped slashes, `null` for an absent value).
///
/// Why: on the hottest API route (`GET /api/v1/employers/{npp}`) `JSONEncoder` took more server time
/// than the SQLite read and the token check together, about 15 µs of the request's 130 µs
/// (docs/BENCHMARKS.md, the server's read path): Codable goes through existential containers and builds
/// a value tree before writing a byte. A DTO on such a route conforms to `JSONObjectWritable` and writes
/// its fields here, in key order; `JSONObjectWriterTests` holds its output equal to `JSONEncoder`'s, so
/// the API answers the same bytes either way. Everything else keeps Codable.
struct JSONObjectWriter {
    private(set) var buffer: ByteBuffer
    private var fields = 0
    #if DEBUG
        private var lastKey = ""
    #endif

    init(capacity: Int = 512) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
        buffer.writeInteger(UInt8(ascii: "{"))
    }

    mutating func field(_ key: StaticString, _ value: String?) {
        writeKey(key)
        if let value { writeString(value) } else { buffer.writeStaticString("null") }
    }

    mutating func field(_ key: StaticString, _ value: Int64?) {
        writeKey(key)
        if let value { buffer.writeString(String(value)) } else { buffer.writeStaticString("null") }
    }

    mutating func field(_ key: StaticString, _ value: Int?) {
        field(key, value.map(Int64.init))
    }

    /// The finished object.
    mutating func finish() -> ByteBuffer {
        buffer.writeInteger(UInt8(ascii: "}"))
        return buffer
    }

    private mutating func writeKey(_ key: StaticString) {
        #if DEBUG
            // JSONEncoder's `.sortedKeys` order for ASCII keys is plain byte order.
            let name = key.description
            assert(fields == 0 || lastKey < name, "JSONObjectWriter: key \(name) written after \(lastKey), out of sorted order")
            lastKey = name
        #endif
        if fields > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
        fields += 1
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeStaticString(key)
        buffer.writeStaticString("\":")
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00XX`, everything
    /// else (slashes, non-ASCII) as its UTF-8 bytes, as `JSONEncoder` does with `.withoutEscapingSlashes`.
    private mutating func writeString(_ value: String) {
        buffer.writeInteger(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index]))
                writeEscape(byte)
                start = index + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    private mutating func writeEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
        case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
        case 0x08: buffer.writeStaticString("\\b")
        case 0x0C: buffer.writeStaticString("\\f")
        case 0x0A: buffer.writeStaticString("\\n")
        case 0x0D: buffer.writeStaticString("\\r")
        case 0x09: buffer.writeStaticString("\\t")
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            buffer.writeStaticString("\\u00")
            buffer.writeInteger(hex[Int(byte >> 4)])
            buffer.writeInteger(hex[Int(byte & 0x0F)])
        }
    }
}

/// A DTO that can write itself as a flat JSON object, for the hot routes (see `JSONObjectWriter`).
protocol JSONObjectWritable: Encodable {
    /// Writes every field, keys in sorted order.
    func writeFields(to json: inout JSONObjectWriter)
}
