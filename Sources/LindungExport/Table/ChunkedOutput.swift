import Foundation

/// Collects UTF-8 text and hands it to a file in chunks of about 256 KiB, so a long table is written
/// without ever holding its whole CSV or worksheet XML in memory.
final class ChunkedOutput {
    static let chunkSize = 256 << 10

    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []

    init(handle: FileHandle, path: String) {
        self.handle = handle
        self.path = path
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    func append(_ text: String) throws(ExportError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunkSize { try flush() }
    }

    func flush() throws(ExportError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw .cannotWrite(path, error)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
