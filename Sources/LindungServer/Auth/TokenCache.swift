import Foundation
import Synchronization

/// Recently checked bearer tokens and their accounts, kept for a few seconds.
///
/// Why: checking a token (its SHA-256, then the `api_client` row) cost about 30 µs a request on this kind of
/// machine, more than reading the employer the request asked for (docs/BENCHMARKS.md, the server's read
/// path). A client sends the same token on every request, so a short memory of it removes that cost from
/// all but the first. Only accepted tokens are kept (a stream of wrong ones cannot fill it), at most
/// `capacity` of them; a client disabled in the store is refused again once its entry expires.
final class TokenCache: Sendable {
    private struct Entry {
        let account: Account
        let expires: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Entry]>([:])
    let lifetime: Duration
    let capacity: Int

    init(lifetime: Duration = .seconds(5), capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The account remembered for `token`, if its entry has not expired.
    func account(token: String, now: ContinuousClock.Instant = .now) -> Account? {
        entries.withLock { entries in
            guard let entry = entries[token] else { return nil }
            guard entry.expires > now else {
                entries[token] = nil
                return nil
            }
            return entry.account
        }
    }

    /// Remembers an accepted token; when full, forgets everything first (simple, and rare).
    func remember(token: String, account: Account, now: ContinuousClock.Instant = .now) {
        guard lifetime > .zero else { return }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[token] = Entry(account: account, expires: now + lifetime)
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
