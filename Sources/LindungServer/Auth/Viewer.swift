import LindungCore
import LindungStorage
import Synchronization

/// The account a request runs as, and what it may see. Every lookup goes through here, so a record
/// outside the account's scope is answered exactly like one that does not exist: 404.
struct Viewer: Sendable {
    let account: Account

    /// Administrators, auditors and system clients see the whole registry.
    var seesEverything: Bool { !account.role.isScoped }
    private var scope: String { account.scope ?? "" }

    func sees(_ employer: Employer) -> Bool {
        switch account.role {
        case .administrator, .auditor, .systemClient: true
        case .regionalOfficer: employer.record.regionCode.hasPrefix(scope)
        case .agencyOperator, .employer: employer.npp == scope
        case .branchOfficer: employer.record.branchCode == scope
        }
    }

    /// A region as a debtor (a Pemda paying for its non-ASN or vulnerable workers).
    func sees(regionCode: String) -> Bool {
        seesEverything || (account.role == .regionalOfficer && regionCode.hasPrefix(scope))
    }

    /// Only the unscoped roles and administrators may change anything; branch officers post payments and
    /// bill employers of their branch.
    var writes: Bool { [.administrator, .branchOfficer, .systemClient].contains(account.role) }
}

/// Scoped reads: each throws `not_found` for what is missing or outside the scope alike.
struct ScopedReader {
    let viewer: Viewer
    let store: any LindungStore
    private let cache = EmployerCache()

    init(_ viewer: Viewer, _ store: any LindungStore) {
        self.viewer = viewer
        self.store = store
    }

    func employer(_ npp: String) async throws -> Employer {
        guard let employer = try await cache.employer(npp, store), viewer.sees(employer) else {
            throw APIError.notFound("no employer with NPP \(npp)")
        }
        return employer
    }

    func seesEmployer(_ npp: String) async throws -> Bool {
        if viewer.seesEverything { return true }
        guard let employer = try await cache.employer(npp, store) else { return false }
        return viewer.sees(employer)
    }

    func sees(_ detail: PersonDetail) async throws -> Bool {
        if viewer.seesEverything { return true }
        if viewer.account.role == .regionalOfficer && viewer.sees(regionCode: detail.person.record.domicileRegion) { return true }
        for spell in detail.spells where try await seesEmployer(spell.employerNPP) { return true }
        return false
    }

    func person(_ nik: String) async throws -> PersonDetail {
        guard let detail = try await store.person(nik: nik), try await sees(detail) else { throw APIError.notFound("no person with NIK \(nik)") }
        return detail
    }

    func sees(_ bill: Bill) async throws -> Bool {
        if case .region(let code) = bill.debtor, viewer.sees(regionCode: code) { return true }
        return try await seesEmployer(bill.employerNPP)
    }

    func bill(_ id: Int64) async throws -> Bill {
        guard let bill = try await store.bill(id: id), try await sees(bill) else { throw APIError.notFound("no bill \(id)") }
        return bill
    }

    func sees(_ row: ArrearsRow) async throws -> Bool {
        switch row.debtor {
        case .employer(let npp): try await seesEmployer(npp)
        case .region(let code): viewer.sees(regionCode: code)
        case .government: viewer.seesEverything
        case .participant(let nik): try await store.person(nik: nik).asyncMap { try await sees($0) } ?? false
        }
    }
}

/// Employers looked up once per request (a list of bills names the same few employers many times).
///
/// A lock, not an actor: every API request makes one of these and reads through it, and an actor costs
/// two executor hops per lookup (onto the actor and back), which on the employer route cost more server
/// time than the SQLite read itself (docs/BENCHMARKS.md, the server's read path). The store is asked
/// outside the lock; two concurrent misses for one NPP both read, and the second answer wins (the same).
private final class EmployerCache: Sendable {
    private let employers = Mutex<[String: Employer?]>([:])

    func employer(_ npp: String, _ store: any LindungStore) async throws -> Employer? {
        if let cached = employers.withLock({ $0[npp] }) { return cached }
        let employer = try await store.employer(npp: npp)
        employers.withLock { $0[npp] = employer }
        return employer
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
