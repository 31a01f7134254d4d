import Foundation

/// Hands batches of rows from the thread that parses a worksheet to the reader's caller.
///
/// `XMLParser` pushes events and cannot pause, while `SpreadsheetReader` is pulled one row at a time; so
/// the parser runs on its own thread and blocks here once `capacity` batches wait. Memory stays bounded
/// by a few thousand rows whatever the sheet's length. `@unchecked Sendable`: every stored property is
/// read and written only with `condition` locked.
final class XLSXRowChannel: @unchecked Sendable {
    static let batchSize = 512
    static let capacity = 4

    private let condition = NSCondition()
    private var batches: [[SpreadsheetRow]] = []
    private var finished = false
    private var failure: ImportFileError?
    private var cancelled = false

    /// Queues a batch, waiting for room; false once the reader is gone and parsing should stop.
    func put(_ batch: [SpreadsheetRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// Marks the end of the sheet, with the error that ended it early if any.
    func finish(_ error: ImportFileError?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil at the end; throws the parser's error after the rows read before it.
    func take() throws(ImportFileError) -> [SpreadsheetRow]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Called when the reader is dropped before the end: wakes and stops the parsing thread.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
