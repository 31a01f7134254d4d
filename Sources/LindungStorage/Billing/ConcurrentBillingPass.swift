import Foundation
public import LindungCore

/// Runs a `BillingPass` on a thread of its own while the caller reads rows from the database: reading
/// and pricing then share the machine's two cores instead of taking turns (docs/BENCHMARKS.md). Rows
/// travel in batches through a small bounded queue, so memory stays flat however large the month.
///
/// Use from one thread: `add` each row, then `finish()` once to get the pass back (or its error).
public final class ConcurrentBillingPass: @unchecked Sendable {
    private static let batchSize = 8_192
    private static let queueCapacity = 8

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [[BillingWorkerRow]] = []
    private var closed = false
    private var finished = false
    private var failure: DomainError?
    // Touched only by the pricing thread until `finished`, then only by the caller.
    private var pass: BillingPass
    public private(set) var busy: Double = 0
    // Touched only by the caller.
    private var batch: [BillingWorkerRow] = []

    public init(_ pass: BillingPass) {
        self.pass = pass
        batch.reserveCapacity(Self.batchSize)
        let thread = Thread { [self] in self.consume() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    public func add(_ row: BillingWorkerRow) {
        batch.append(row)
        if batch.count == Self.batchSize { flush() }
    }

    /// Waits for every row to be priced and returns the pass; rethrows the first pricing error.
    public func finish() throws(DomainError) -> BillingPass {
        flush()
        condition.lock()
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        let failure = failure
        condition.unlock()
        if let failure { throw failure }
        return pass
    }

    private func flush() {
        guard !batch.isEmpty else { return }
        condition.lock()
        while queue.count >= Self.queueCapacity && failure == nil { condition.wait() }
        if failure == nil { queue.append(batch) }
        condition.signal()
        condition.unlock()
        batch.removeAll(keepingCapacity: true)
    }

    private func consume() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            guard !queue.isEmpty else {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let rows = queue.removeFirst()
            condition.signal()
            condition.unlock()
            let started = Date()
            defer { busy += Date().timeIntervalSince(started) }
            do {
                for row in rows { try pass.add(row) }
            } catch {
                condition.lock()
                failure = error
                queue.removeAll()
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
