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
    /// Bytes gathered in an array and copied into a `ByteBuffer` once: appending to an array is cheaper
    /// than `ByteBuffer`'s per-write capacity and uniqueness checks, about twenty writes a field.
    private var bytes: [UInt8] = []
    private var fields = 0
    #if DEBUG
        private var lastKey = ""
    #endif

    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func field(_ key: StaticString, _ value: String?) {
        writeKey(key)
        if let value { writeString(value) } else { write("null") }
    }

    mutating func field(_ key: StaticString, _ value: Int64?) {
        writeKey(key)
        if let value { bytes.append(contentsOf: String(value).utf8) } else { write("null") }
    }

    mutating func field(_ key: StaticString, _ value: Int?) {
        field(key, value.map(Int64.init))
    }

    /// The finished object.
    mutating func finish() -> ByteBuffer {
        bytes.append(UInt8(ascii: "}"))
        return ByteBuffer(bytes: bytes)
    }

    private mutating func write(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func writeKey(_ key: StaticString) {
        #if DEBUG
            // JSONEncoder's `.sortedKeys` order for ASCII keys is plain byte order.
            let name = key.description
            assert(fields == 0 || lastKey < name, "JSONObjectWriter: key \(name) written after \(lastKey), out of sorted order")
            lastKey = name
        #endif
        if fields > 0 { bytes.append(UInt8(ascii: ",")) }
        fields += 1
        bytes.append(UInt8(ascii: "\""))
        write(key)
        write("\":")
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00XX`, everything
    /// else (slashes, non-ASCII) as its UTF-8 bytes, as `JSONEncoder` does with `.withoutEscapingSlashes`.
    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        if value.utf8.contains(where: Self.needsEscape) {
            for byte in value.utf8 {
                if Self.needsEscape(byte) { writeEscape(byte) } else { bytes.append(byte) }
            }
        } else {
            // Nearly every name and code: copied whole.
            bytes.append(contentsOf: value.utf8)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func writeEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): write("\\\"")
        case UInt8(ascii: "\\"): write("\\\\")
        case 0x08: write("\\b")
        case 0x0C: write("\\f")
        case 0x0A: write("\\n")
        case 0x0D: write("\\r")
        case 0x09: write("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            write("\\u00")
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }
}

/// A DTO that can write itself as a flat JSON object, for the hot routes (see `JSONObjectWriter`).
protocol JSONObjectWritable: Encodable {
    /// Writes every field, keys in sorted order.
    func writeFields(to json: inout JSONObjectWriter)
}
