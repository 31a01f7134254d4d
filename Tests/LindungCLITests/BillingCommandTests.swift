import Foundation
import GRDB
import LindungImport
import Testing

/// `lindung bill`, `bill show`, `pay` and `arrears` through the real executable, on a generated province.
@Suite("lindung bill and pay")
struct BillingCommandTests {
    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-billing-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appendingPathComponent("lindung.sqlite").path
    }

    func json(_ result: ProcessResult) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// scripts/billing-reference-2025-04.sql: April 2025 priced in plain SQL from the registry tables.
    static let referenceSQL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/billing-reference-2025-04.sql")

    @Test("a month's bills add up to the hand-written SQL total; a re-run issues nothing; bills export as CSV and XLSX; pay twice counts once")
    func billPayExport() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try runLindung(["demo", "--workers", "3000", "--seed", "7", "--db", db])
        #expect(demo.status == 0, "\(demo.stderr)")

        let run = try json(try runLindung(["bill", "--month", "2025-04", "--issued-on", "2025-05-01", "--db", db, "--json"]))
        let contribution = try #require(run["contribution"] as? Int64)
        #expect((run["regular_bills"] as? Int ?? 0) > 0 && (run["workers"] as? Int ?? 0) > 2_000)

        // The independent total: the reference SQL knows nothing of Lindung's code, only the tables and rates.
        let queue = try DatabaseQueue(path: db)
        let (reference, billed) = try queue.inDatabase { db -> (Int64, Int64) in
            try db.execute(sql: String(contentsOf: Self.referenceSQL, encoding: .utf8))
            let reference = try Int64.fetchOne(db, sql: "SELECT SUM(total) FROM temp.reference_bill") ?? -1
            let billed = try Int64.fetchOne(db, sql: "SELECT SUM(l.amount) FROM bill b JOIN bill_line l ON l.bill_id = b.id WHERE b.month = '2025-04'") ?? -2
            return (reference, billed)
        }
        try queue.close()
        #expect(reference == contribution && billed == contribution)

        let again = try json(try runLindung(["bill", "--month", "2025-04", "--issued-on", "2025-05-02", "--db", db, "--json"]))
        #expect(again["regular_bills"] as? Int == 0 && again["adjustment_bills"] as? Int == 0 && again["contribution"] as? Int64 == 0)

        let list = try runLindung(["bill", "list", "--month", "2025-04", "--db", db, "--json"])
        let bills = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let bill = try #require(bills.filter { $0["debtor"] as? String == "employer" }.max { ($0["workers"] as? Int ?? 0) < ($1["workers"] as? Int ?? 0) })
        #expect(bill["adjusts_bill_id"] is NSNull)  // absent values are null, not left out (docs/cli.md)
        let id = try #require(bill["id"] as? Int)
        let workers = try #require(bill["workers"] as? Int)
        let total = try #require(bill["total"] as? Int64)

        let csv = try runLindung(["bill", "show", String(id), "--format", "csv", "--db", db])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("bill_number,month,npp,nik,kpj,name,segment,base,jp_stopped,employer_jkk,") == true)
        #expect(lines.count == workers + 1)
        #expect(lines.dropFirst().map { Int64($0.split(separator: ",").last!)! }.reduce(0, +) == total)

        let xlsx = folder.appendingPathComponent("tagihan.xlsx").path
        let export = try runLindung(["bill", "show", String(id), "--format", "xlsx", "--out", xlsx, "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        let reader = try SpreadsheetReader(path: xlsx)
        #expect(try reader.header() == ["Uraian", "Nilai"])
        #expect(try reader.nextRow()?.fields == ["No. Tagihan", bill["number"] as? String ?? "?"])

        let piped = try runLindung(["bill", "show", String(id), "--format", "xlsx", "--db", db])
        #expect(piped.status == 0 && piped.stdout.hasPrefix("PK"))  // a ZIP archive on standard output

        let arguments = ["pay", "--bill", String(id), "--amount", String(total), "--paid-on", "2025-05-10", "--reference", "VA-0001", "--db", db, "--json"]
        let first = try json(try runLindung(arguments))
        let second = try json(try runLindung(arguments))
        #expect(first["newly_posted"] as? Bool == true && second["newly_posted"] as? Bool == false)
        #expect(first["payment_id"] as? Int == second["payment_id"] as? Int)
        let shown = try json(try runLindung(["bill", "show", String(id), "--format", "json", "--db", db]))
        #expect((shown["bill"] as? [String: Any])?["paid"] as? Int64 == total)

        let bad = try runLindung(["pay", "--bill", String(id), "--amount", "-5", "--paid-on", "2025-05-10", "--reference", "X", "--db", db])
        #expect(bad.status == 1 && bad.stderr.contains("--amount"))
        let unknown = try runLindung(["bill", "show", "999999", "--db", db])
        #expect(unknown.status == 1 && unknown.stderr.contains("no bill with id 999999"))
        let arrears = try runLindung(["arrears", "--on", "2025-09-01", "--by", "region", "--db", db, "--json"])
        #expect(arrears.status == 0 && arrears.stdout.contains("\"over_3_months\""))
    }
}
