#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells a file's kind from its first bytes, so a renamed file is still read for what it is.
enum FileSniffer {
    enum Kind {
        case empty
        case zip
        case text
    }

    static func sniff(path: String) throws(ImportFileError) -> Kind {
        guard let file = fopen(path, "rb") else {
            throw ImportFileError(reason: "cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var head = [UInt8](repeating: 0, count: 8)
        let count = head.withUnsafeMutableBytes { fread($0.baseAddress, 1, 8, file) }
        if count == 0 {
            if ferror(file) != 0 { throw ImportFileError(reason: "cannot read '\(path)'") }
            return .empty
        }
        let bytes = head[0..<count]
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { throw .damagedXLSX("the ZIP archive holds no files") }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ImportFileError(reason: "this is an old Excel 97-2003 (.xls) workbook; save it as .xlsx or as CSV UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportFileError(reason: "the file is UTF-16 text, not UTF-8 (save it as CSV UTF-8)")
        }
        return .text
    }
}
