import Foundation
import LindungStorage

/// A response value that shows NIKs: it hands each one to `show` and keeps what comes back (the NIK
/// itself, or its masked form).
protocol ShowsNIKs {
    mutating func disclose(_ show: (String) -> String)
}

/// NIKs in responses: full for the roles that need them (`Account.Role.seesFullNIK`), every full NIK
/// shown written to `access_log` (who, when, which NIK, by which operation) before the response leaves;
/// masked for the others: the region code (4 digits) and the serial (last 4) stay, `3604••••••••0001`.
enum NIKDisclosure {
    static func masked(_ nik: String) -> String {
        guard nik.count > 8 else { return String(repeating: "•", count: nik.count) }
        return String(nik.prefix(4)) + String(repeating: "•", count: nik.count - 8) + String(nik.suffix(4))
    }
}

extension Call {
    func disclose<T: ShowsNIKs>(_ value: T) async throws -> T {
        try await disclose([value])[0]
    }

    func disclose<T: ShowsNIKs & Encodable & Sendable>(_ page: Page<T>) async throws -> Page<T> {
        Page(items: try await disclose(page.items), nextOffset: page.nextOffset)
    }

    func disclose<T: ShowsNIKs>(_ values: [T]) async throws -> [T] {
        let account = try scoped().viewer.account
        var values = values
        guard account.role.seesFullNIK else {
            for index in values.indices { values[index].disclose(NIKDisclosure.masked) }
            return values
        }
        var shown: [String] = []
        for index in values.indices {
            values[index].disclose { nik in
                shown.append(nik)
                return nik
            }
        }
        let now = environment.now()
        var seen: Set<String> = []
        let records = shown.filter { seen.insert($0).inserted }.map {
            AccessRecord(at: now, actor: account.logName, entity: "person", entityKey: $0, reason: operationID)
        }
        try await store.logAccess(records)
        return values
    }
}

extension PersonDTO: ShowsNIKs {
    mutating func disclose(_ show: (String) -> String) { nik = show(nik) }
}

extension EmployedWorkerDTO: ShowsNIKs {
    mutating func disclose(_ show: (String) -> String) { nik = show(nik) }
}

extension BillWorkerDTO: ShowsNIKs {
    mutating func disclose(_ show: (String) -> String) { nik = show(nik) }
}

extension StandingDTO: ShowsNIKs {
    mutating func disclose(_ show: (String) -> String) { nik = show(nik) }
}

/// A participant debtor's key is a NIK (a BPU participant paying for themself), and so is the tail of
/// the bill number (`…-P<NIK>`).
extension ArrearsDTO: ShowsNIKs {
    mutating func disclose(_ show: (String) -> String) {
        if debtor == "participant" { debtor_key = show(debtor_key) }
    }
}

extension BillDTO: ShowsNIKs {
    mutating func disclose(_ show: (String) -> String) {
        guard debtor == "participant" else { return }
        let full = debtor_key
        debtor_key = show(full)
        number = number.replacingOccurrences(of: full, with: debtor_key)
    }
}

extension ReceiptDTO: ShowsNIKs {
    mutating func disclose(_ show: (String) -> String) {
        if debtor == "participant" { debtor_key = show(debtor_key) }
    }
}
