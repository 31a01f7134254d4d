import Foundation
import Testing

@testable import LindungServer

@Suite("Bearer tokens remembered for a few seconds")
struct TokenCacheTests {
    let officer = Account(name: "kc-serang", role: .branchOfficer, scope: "KC-SERANG")

    @Test("an accepted token is remembered until its lifetime ends, then checked again")
    func expiry() {
        let cache = TokenCache(lifetime: .seconds(5))
        let start = ContinuousClock.now
        #expect(cache.account(token: "lnd_a", now: start) == nil)
        cache.remember(token: "lnd_a", account: officer, now: start)
        #expect(cache.account(token: "lnd_a", now: start + .seconds(4)) == officer)
        #expect(cache.account(token: "lnd_b", now: start + .seconds(4)) == nil)
        #expect(cache.account(token: "lnd_a", now: start + .seconds(5)) == nil)
        #expect(cache.count == 0, "the expired entry is dropped when seen")
    }

    @Test("a full cache starts over rather than growing; a zero lifetime remembers nothing")
    func bounds() {
        let cache = TokenCache(lifetime: .seconds(5), capacity: 2)
        for token in ["t1", "t2", "t3"] { cache.remember(token: token, account: officer) }
        #expect(cache.count == 1)
        #expect(cache.account(token: "t3") == officer)
        let off = TokenCache(lifetime: .zero)
        off.remember(token: "t1", account: officer)
        #expect(off.account(token: "t1") == nil)
    }
}
