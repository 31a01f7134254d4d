#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams records out of a UTF-8 CSV file: RFC 4180 quoting (doubled quotes, quoted line breaks), CRLF,
/// LF or CR line ends, an optional BOM, and a delimiter (comma, semicolon or tab) detected from the header
/// line, because Indonesian Excel writes semicolons. An Excel "sep=;" first line is honoured and skipped.
///
/// The file is read in 1 MiB chunks into one byte buffer and parsed as bytes; only a record cut by the end
/// of a chunk is parsed again after the next read. A record may not exceed 64 MiB, which also bounds the
/// memory a stray unclosed quote can take.
///
/// Record numbers count every line the way a spreadsheet program would show it, blank lines included
/// (a quoted line break stays inside its row).
final class CSVRecordReader {
    static let chunkSize = 1 << 20
    static let maxRecordBytes = 64 << 20

    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes `start..<end` of `buffer` are read but not yet parsed.
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// The last record ended with CR: a LF right after it belongs to the same line end.
    private var skipLineFeed = false
    private var recordNumber = 0
    private var lastFieldCount = 8
    /// Unescaped bytes of the quoted field being parsed.
    private var scratch: [UInt8] = []
    private(set) var delimiter = UInt8(ascii: ",")

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    init(path: String) throws(ImportFileError) {
        guard let file = fopen(path, "rb") else {
            throw ImportFileError(reason: "cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        self.file = file
        capacity = Self.chunkSize
        buffer = .allocate(capacity: capacity)
        try refill()
        if end - start >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
        try detectDelimiter()
    }

    deinit {
        fclose(file)
        buffer.deallocate()
    }

    /// The next record, or nil at the end of the file.
    func nextRecord() throws(ImportFileError) -> SpreadsheetRow? {
        while true {
            if skipLineFeed {
                if start < end {
                    if buffer[start] == Self.lineFeed { start += 1 }
                    skipLineFeed = false
                } else if !atEOF {
                    try refill()
                    continue
                } else {
                    skipLineFeed = false
                }
            }
            if start >= end {
                if atEOF { return nil }
                try refill()
                continue
            }
            if let (fields, next, endedWithCR) = try parseRecord() {
                start = next
                skipLineFeed = endedWithCR
                recordNumber += 1
                lastFieldCount = fields.count
                return SpreadsheetRow(number: recordNumber, fields: fields)
            }
            try refill()
        }
    }

    /// Parses the record at `start`; nil when it runs past the bytes read so far and more may follow.
    private func parseRecord() throws(ImportFileError) -> (fields: [String], next: Int, endedWithCR: Bool)? {
        let delimiter = self.delimiter
        let buffer = self.buffer
        let end = self.end
        var fields: [String] = []
        fields.reserveCapacity(lastFieldCount)
        var i = start
        while true {
            if i == end {
                // A delimiter was the last byte of the file: one more, empty, field.
                guard atEOF else { return nil }
                fields.append("")
                return (fields, i, false)
            }
            if buffer[i] == Self.quote {
                guard let after = try parseQuotedField(from: i + 1) else { return nil }
                i = after
                fields.append(try makeString(scratch))
            } else {
                let fieldStart = i
                while i < end {
                    let byte = buffer[i]
                    if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    i += 1
                }
                if i == end && !atEOF { return nil }
                fields.append(try makeString(UnsafeBufferPointer(start: buffer + fieldStart, count: i - fieldStart)))
            }
            if i == end { return (fields, i, false) }
            switch buffer[i] {
            case delimiter: i += 1
            case Self.lineFeed: return (fields, i + 1, false)
            default: return (fields, i + 1, true)
            }
        }
    }

    /// Unescapes the quoted field whose content starts at `from` into `scratch`; returns the index of the
    /// byte after the field (a delimiter, a line end, or `end`), or nil when more bytes are needed.
    /// Text between the closing quote and the delimiter is kept as it is, as spreadsheet programs do.
    private func parseQuotedField(from: Int) throws(ImportFileError) -> Int? {
        scratch.removeAll(keepingCapacity: true)
        var i = from
        while true {
            var closing = i
            while closing < end && buffer[closing] != Self.quote { closing += 1 }
            if closing == end {
                guard atEOF else { return nil }
                throw ImportFileError(row: recordNumber + 1, reason: "a quoted field is not closed (a \" is missing)")
            }
            scratch.append(contentsOf: UnsafeBufferPointer(start: buffer + i, count: closing - i))
            if closing + 1 == end && !atEOF { return nil }
            if closing + 1 < end && buffer[closing + 1] == Self.quote {
                scratch.append(Self.quote)
                i = closing + 2
                continue
            }
            i = closing + 1
            break
        }
        while i < end {
            let byte = buffer[i]
            if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { return i }
            scratch.append(byte)
            i += 1
        }
        return atEOF ? i : nil
    }

    private func makeString(_ bytes: UnsafeBufferPointer<UInt8>) throws(ImportFileError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(row: recordNumber + 1) }
        return text
    }

    private func makeString(_ bytes: [UInt8]) throws(ImportFileError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(row: recordNumber + 1) }
        return text
    }

    /// Moves the unparsed bytes to the front, grows the buffer if one record fills it, and reads more.
    private func refill() throws(ImportFileError) {
        if start > 0 {
            let pending = end - start
            if pending > 0 { memmove(buffer, buffer + start, pending) }
            end = pending
            start = 0
        }
        if end == capacity {
            guard capacity < Self.maxRecordBytes else {
                throw ImportFileError(
                    row: recordNumber + 1, reason: "the row is longer than 64 MiB (is a quoted field not closed?)")
            }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        let requested = capacity - end
        let count = fread(buffer + end, 1, requested, file)
        end += count
        if count < requested {
            if ferror(file) != 0 { throw ImportFileError(reason: "the file cannot be read (an I/O error)") }
            if feof(file) != 0 { atEOF = true }
        }
    }

    /// Picks the delimiter that occurs most often outside quotes in the header line, the first line with
    /// text (ties go to comma), unless the file starts with Excel's "sep=X" hint, which is then skipped.
    private func detectDelimiter() throws(ImportFileError) {
        let sepHint: [UInt8] = Array("sep=".utf8)
        if end - start >= 5, (0..<4).allSatisfy({ buffer[start + $0] == sepHint[$0] }) {
            let hinted = buffer[start + 4]
            let after = start + 5
            if after == end || buffer[after] == Self.lineFeed || buffer[after] == Self.carriageReturn {
                delimiter = hinted
                start = after
                if after < end {
                    start += 1
                    skipLineFeed = buffer[after] == Self.carriageReturn
                }
                return
            }
        }
        let candidates = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var firstCounts: [Int]?
        var hasText = false
        var inQuotes = false
        var i = start
        while i < end {
            let byte = buffer[i]
            if byte == Self.quote {
                inQuotes.toggle()
                hasText = true
            } else if !inQuotes {
                if byte == Self.lineFeed || byte == Self.carriageReturn {
                    if hasText { break }
                    if firstCounts == nil && counts != [0, 0, 0] { firstCounts = counts }
                    counts = [0, 0, 0]
                } else if let index = candidates.firstIndex(of: byte) {
                    counts[index] += 1
                } else if byte != UInt8(ascii: " ") {
                    hasText = true
                }
            }
            i += 1
        }
        if !hasText, let firstCounts { counts = firstCounts }
        let (comma, semicolon, tab) = (counts[0], counts[1], counts[2])
        if semicolon > comma && semicolon >= tab {
            delimiter = UInt8(ascii: ";")
        } else if tab > comma && tab > semicolon {
            delimiter = UInt8(ascii: "\t")
        }
    }
}
