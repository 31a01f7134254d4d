import Foundation
import LindungCore
import LindungStorage
import LindungStorageSQLite
import Testing

/// `lindung import` through the real executable on a temporary SQLite file.
@Suite("lindung import", .serialized)
struct ImportCommandTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("lindung.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func lindung(_ arguments: [String]) throws -> ProcessResult {
        try runLindung(arguments + ["--db", database], environment: ["LINDUNG_ACTOR": "tester"])
    }

    private func counts() async throws -> RegistryCounts {
        let store = try SQLiteStore(path: database)
        return try await store.counts()
    }

    static let employers = """
        NPP;Nama;Jenis;NIB;Kode Wilayah;Pemda Induk;Kelas Risiko;Skala Usaha
        12345678;PT Maju Jaya;perusahaan;1234567890123;3604;;2;menengah
        87654321;Dinas Pendidikan Kabupaten Serang;OPD;;3604;3604;1;besar
        """

    @Test("employers, then workers; a re-import changes nothing; a changed wage is one more history entry")
    func importRoundTrip() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let employers = try lindung(["import", "employers", try write("employers.csv", Self.employers)])
        #expect(employers.status == 0, "\(employers.stderr)")
        #expect(employers.stdout.contains("2 new employer(s)"))

        let workers = try write(
            "workers.csv",
            """
            NIK;Nama;Tanggal Lahir;Jenis Kelamin;Upah;Tanggal Mulai
            3604014403920001;Siti Aminah;04/03/1992;P;5.500.000;01/01/2025
            3604011705900002;Budi Santoso;1990-05-17;L;6.250.000;2024-07-01
            """)
        let first = try lindung(["import", "workers", workers, "--employer", "12345678", "--as-of", "2025-04-01"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 new worker(s)"))
        let afterFirst = try await counts()
        #expect(afterFirst.persons == 2 && afterFirst.spells == 2 && afterFirst.wages == 2)

        let again = try lindung(["import", "workers", workers, "--employer", "12345678", "--as-of", "2025-04-01"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("2 unchanged"))
        #expect(try await counts() == afterFirst)

        let raised = try write(
            "raised.csv",
            """
            NIK,Nama,Upah,Tanggal Mulai
            3604011705900002,Budi Santoso,7000000,2024-07-01
            """)
        let third = try lindung(["import", "workers", raised, "--employer", "12345678", "--as-of", "2025-06-01"])
        #expect(third.stdout.contains("1 wage change(s)"))
        #expect(try await counts().wages == 3)
    }

    @Test("a bad row refuses the whole file, writes the error file and exits 1; --partial writes the rest")
    func badRows() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try lindung(["import", "employers", try write("employers.csv", Self.employers)])
        let workers = try write(
            "workers.csv",
            """
            NIK,Nama,Upah,Tanggal Mulai
            3604014403920001,Siti Aminah,5500000,2025-01-01
            3604011705900000,Budi Santoso,5500000,2025-01-01
            """)
        let refused = try lindung(["import", "workers", workers, "--employer", "12345678", "--as-of", "2025-04-01"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("Nothing was written"))
        #expect(try await counts().persons == 0)
        let errorFile = try String(contentsOf: directory.appendingPathComponent("workers.errors.csv"), encoding: .utf8)
        #expect(errorFile.contains("row,column,value,reason"))
        #expect(errorFile.contains("3,NIK,3604011705900000,"))

        let partial = try lindung(["import", "workers", workers, "--employer", "12345678", "--as-of", "2025-04-01", "--partial"])
        #expect(partial.status == 0)
        #expect(try await counts().persons == 1)
    }

    @Test("empty and damaged files are refused with a clear error and the store unchanged")
    func damagedFiles() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try lindung(["import", "employers", try write("employers.csv", Self.employers)])
        let before = try await counts()
        let empty = directory.appendingPathComponent("empty.xlsx")
        FileManager.default.createFile(atPath: empty.path, contents: Data())
        let latin1 = directory.appendingPathComponent("latin1.csv")
        try Data("NIK,Nama,Upah,Tanggal Mulai\n3604014403920001,Jos\u{E9},5500000,2025-01-01\n".utf8).write(to: latin1)
        var bytes = try Data(contentsOf: latin1)
        bytes[bytes.firstIndex(of: 0xC3)!] = 0xE9  // a Latin-1 é, not valid UTF-8
        try bytes.write(to: latin1)
        let emptyCSV = try write("empty.csv", "")
        // A real XLSX cut in half, as an interrupted download leaves it.
        let xlsx = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("LindungImportTests/Fixtures/workers.xlsx")
        let whole = try Data(contentsOf: xlsx)
        let truncated = directory.appendingPathComponent("truncated.xlsx")
        try whole.prefix(whole.count / 2).write(to: truncated)
        let cases: [(String, String)] = [
            (empty.path, "empty"), (emptyCSV, "empty"), (truncated.path, "XLSX"), (latin1.path, "UTF-8"),
            (try write("header.csv", "Nama,Upah\n"), "NIK"),
        ]
        for (path, word) in cases {
            let result = try lindung(["import", "workers", path, "--employer", "12345678"])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("error: "))
            #expect(result.stderr.contains(word), "\(result.stderr)")
        }
        #expect(try await counts() == before)
    }

    @Test("SIGKILL in the middle of an import leaves all of the file or none of it")
    func killedImport() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try lindung(["import", "employers", try write("employers.csv", Self.employers)])
        let rows = 60_000
        let path = try write("big.csv", Self.bigWorkerFile(rows: rows))
        // Time one full import into a scratch database, then kill fresh imports part-way through.
        let started = Date()
        let scratch = directory.appendingPathComponent("scratch.sqlite").path
        _ = try runLindung(["import", "employers", try write("e2.csv", Self.employers), "--db", scratch])
        let full = try runLindung(["import", "workers", path, "--employer", "12345678", "--as-of", "2025-04-01", "--db", scratch])
        #expect(full.status == 0, "\(full.stderr)")
        let duration = Date().timeIntervalSince(started)
        for fraction in [0.5, 0.8, 0.95] {
            let process = Process()
            process.executableURL = try lindungExecutable()
            process.arguments = ["import", "workers", path, "--employer", "12345678", "--as-of", "2025-04-01", "--db", database]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            try await Task.sleep(for: .milliseconds(Int(duration * fraction * 1000)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let persons = try await counts().persons
            #expect(persons == 0 || persons == rows, "after a kill at \(fraction): \(persons) persons")
            if persons == rows { break }
        }
    }

    /// A valid worker file of `rows` distinct people in Kabupaten Serang.
    static func bigWorkerFile(rows: Int) -> String {
        var text = "NIK,Nama,Upah,Tanggal Mulai\n"
        text.reserveCapacity(rows * 48)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        for index in 0..<rows {
            let district = 1 + index % 30
            let day = 1 + (index / 30) % 28
            let month = 1 + (index / 840) % 12
            let serial = 1 + index / 10_080
            let serialText = String(serial)
            let nik = "3604" + two(district) + two(day) + two(month) + "90" + String(repeating: "0", count: 4 - serialText.count) + serialText
            text += "\(nik),Pekerja \(index),5500000,2025-01-01\n"
        }
        return text
    }
}
