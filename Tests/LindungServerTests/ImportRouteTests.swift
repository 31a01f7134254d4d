import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungCore
import LindungServer
import LindungStorage
import LindungStorageSQLite
import Testing

/// Imports over the pages (upload, preview with row errors, confirm) and the API (`POST /api/v1/imports`),
/// with the CLI's rules: all or nothing, scoped per role.
@Suite struct ImportRouteTests {
    /// Two new workers for PT Maju Jaya (Kabupaten Serang, UMK 2025 Rp4.857.353, Kepgub Banten 471/2024):
    /// both wages at or above it, NIKs matching their birth dates.
    static let goodWorkers = """
        NIK,Nama,Tanggal Lahir,Upah,Tanggal Mulai
        3604011002930005,Rina Wulandari Putra,1993-02-10,5000000,2025-06-01
        3604012507880006,Joko Susilo,1988-07-25,6000000,2025-06-01

        """
    /// The second row's NIK says born 10 February 1993, the birth date says otherwise; the third row's wage is
    /// below Serang's minimum wage.
    static let badWorkers = """
        NIK,Nama,Tanggal Lahir,Upah,Tanggal Mulai
        3604011002930005,Rina Wulandari Putra,1993-02-10,5000000,2025-06-01
        3604011002930007,Salah Tanggal,1990-01-01,5000000,2025-06-01
        3604012507880006,Joko Susilo,1988-07-25,1000000,2025-06-01

        """

    static func multipart(_ fields: [(String, String)], file: String, filename: String = "pekerja.csv") -> (HTTPFields, ByteBuffer) {
        let boundary = "----lindungtest7MA4YWxkTrZu0gW"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n"
        body += file + "\r\n--\(boundary)--\r\n"
        return ([.contentType: "multipart/form-data; boundary=\(boundary)", .accept: "text/html"], ByteBuffer(string: body))
    }

    func page(_ client: any TestClientProtocol, _ uri: String, _ cookie: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { ($0.status, String(buffer: $0.body)) }
    }

    func upload(_ client: any TestClientProtocol, cookie: String, csrf: String, kind: String = "workers", employer: String, file: String)
        async throws -> (HTTPResponse.Status, String)
    {
        var (headers, body) = Self.multipart([("csrf_token", csrf), ("kind", kind), ("employer", employer)], file: file)
        headers[.cookie] = cookie
        return try await client.execute(uri: "/imports", method: .post, headers: headers, body: body) { ($0.status, String(buffer: $0.body)) }
    }

    static func confirmID(_ page: String) throws -> String {
        let marker = "action=\"/imports/"
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix { $0 != "/" })
    }

    @Test func anEmployerUploadsChecksAndConfirmsItsWorkers() async throws {
        try await withServer { client, store in
            let cookie = try await PageRouteTests.pageLogin(client, "maju-user")
            let (formStatus, form) = try await page(client, "/imports", cookie)
            #expect(formStatus == .ok)
            #expect(form.contains("method=\"post\" action=\"/imports\" enctype=\"multipart/form-data\""))
            #expect(form.contains("id=\"import-submit\"") && form.contains("name=\"file\"") && form.contains("value=\"12345678\""))
            #expect(!form.contains("value=\"employers\""), "an employer imports only its workers")
            let csrf = try PageRouteTests.csrfToken(form)
            // The preview: nothing written yet
            let (status, preview) = try await upload(client, cookie: cookie, csrf: csrf, employer: "12345678", file: Self.goodWorkers)
            #expect(status == .ok)
            #expect(preview.contains("id=\"import-summary\""))
            #expect(preview.contains("<dd id=\"import-rows-read\">2</dd>") && preview.contains("<dd id=\"import-valid\">2</dd>"))
            #expect(preview.contains("<dd id=\"import-with-errors\">0</dd>"))
            #expect(preview.contains("id=\"import-errors\"") && preview.contains("Tidak ada kesalahan."))
            #expect(preview.contains("id=\"import-confirm\""))
            #expect(try await store.person(nik: "3604011002930005") == nil)
            let id = try Self.confirmID(preview)
            // Confirming needs the CSRF token too
            let form403: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"]
            try await client.execute(uri: "/imports/\(id)/confirm", method: .post, headers: form403, body: ByteBuffer(string: "csrf_token=forged")) {
                #expect($0.status == .forbidden)
                #expect(String(buffer: $0.body).contains("Tidak diizinkan"))
            }
            #expect(try await store.person(nik: "3604011002930005") == nil)
            // Another user cannot confirm this upload: it is bound to its uploader
            let admin = try await PageRouteTests.pageLogin(client, "admin-user")
            let adminCSRF = try PageRouteTests.csrfToken(try await page(client, "/", admin).1)
            try await client.execute(
                uri: "/imports/\(id)/confirm", method: .post, headers: [.cookie: admin, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf_token=\(adminCSRF)")
            ) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/imports/\(id)/confirm", method: .post, headers: form403, body: ByteBuffer(string: "csrf_token=\(csrf)")) {
                response in
                #expect(response.status == .ok)
                let result = String(buffer: response.body)
                #expect(result.contains("id=\"import-result\"") && result.contains("Data telah diimpor."))
                #expect(result.contains("<dt>Peserta baru</dt><dd>2</dd>"))
            }
            let rina = try #require(try await store.person(nik: "3604011002930005"))
            #expect(rina.spells.first?.employerNPP == "12345678")
            #expect(rina.spells.first?.wages.first?.amount == 5_000_000)
            // The upload is gone once confirmed
            try await client.execute(uri: "/imports/\(id)/confirm", method: .post, headers: form403, body: ByteBuffer(string: "csrf_token=\(csrf)")) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func aFileWithRowErrorsListsThemAndCannotBeConfirmed() async throws {
        try await withServer { client, store in
            let cookie = try await PageRouteTests.pageLogin(client, "admin-user")
            let csrf = try PageRouteTests.csrfToken(try await page(client, "/imports", cookie).1)
            let (status, preview) = try await upload(client, cookie: cookie, csrf: csrf, employer: "12345678", file: Self.badWorkers)
            #expect(status == .ok)
            #expect(preview.contains("<dd id=\"import-rows-read\">3</dd>") && preview.contains("<dd id=\"import-valid\">1</dd>"))
            #expect(preview.contains("<dd id=\"import-with-errors\">2</dd>"))
            #expect(preview.contains("<th class=\"num\">Baris</th><th>Kolom</th><th>Nilai</th><th>Alasan</th>"))
            #expect(preview.contains("<td class=\"num\">3</td><td>Tanggal Lahir</td>"))
            #expect(preview.contains("<td class=\"num\">4</td><td>Upah</td>"))
            #expect(!preview.contains("id=\"import-confirm\""), "all or nothing, as lindung import without --partial")
            #expect(try await store.person(nik: "3604011002930005") == nil)
            // No CSRF token: refused
            var (headers, body) = Self.multipart([("kind", "workers"), ("employer", "12345678")], file: Self.goodWorkers)
            headers[.cookie] = cookie
            try await client.execute(uri: "/imports", method: .post, headers: headers, body: body) { #expect($0.status == .forbidden) }
            // A file that is not a worker file: the form again with the reason
            let (badFile, formAgain) = try await upload(client, cookie: cookie, csrf: csrf, employer: "12345678", file: "a,b\n1,2\n")
            #expect(badFile == .badRequest)
            #expect(formAgain.contains("id=\"import-submit\"") && formAgain.contains("id=\"import-message\""))
        }
    }

    @Test func importsAreScopedPerRole() async throws {
        try await withServer { client, _ in
            // An employer may not import employers nor another employer's workers; an auditor nothing
            let maju = try await PageRouteTests.pageLogin(client, "maju-user")
            let csrf = try PageRouteTests.csrfToken(try await page(client, "/imports", maju).1)
            #expect(try await upload(client, cookie: maju, csrf: csrf, kind: "employers", employer: "", file: "x").0 == .forbidden)
            #expect(try await upload(client, cookie: maju, csrf: csrf, employer: "11112222", file: Self.goodWorkers).0 == .notFound)
            let auditor = try await PageRouteTests.pageLogin(client, "auditor-user")
            #expect(try await page(client, "/imports", auditor).0 == .forbidden)
            #expect(!(try await page(client, "/", auditor).1.contains("href=\"/imports\"")))
            // A regional officer of Serang: not Tangerang's employer
            let serang = try await PageRouteTests.pageLogin(client, "serang-user")
            let serangCSRF = try PageRouteTests.csrfToken(try await page(client, "/imports", serang).1)
            #expect(try await upload(client, cookie: serang, csrf: serangCSRF, employer: "11112222", file: Self.goodWorkers).0 == .notFound)
            #expect(try await upload(client, cookie: serang, csrf: serangCSRF, employer: "12345678", file: Self.goodWorkers).0 == .ok)
        }
    }

    /// An employer file: a new company in Serang and one in Tangerang (3603).
    static let employers = """
        Jenis,Nama,Wilayah,Kelas Risiko,Skala Usaha
        perusahaan,PT Baru Serang,3604,1,kecil
        perusahaan,PT Baru Tangerang,3603,2,mikro

        """

    @Test func theAPIChecksAndImportsARawFile() async throws {
        try await withServer { client, store in
            let csv: HTTPFields = [.contentType: "text/csv"]
            // A dry run writes nothing
            try await client.execute(
                uri: "/api/v1/imports?kind=workers&employer=12345678&dry_run=true", method: .post, headers: auth(extra: csv),
                body: ByteBuffer(string: Self.goodWorkers)
            ) { response in
                #expect(response.status == .ok)
                let summary = try object(response)
                #expect(summary["rows_read"] as? Int == 2 && summary["valid"] as? Int == 2 && summary["written"] as? Bool == false)
                #expect(summary["dry_run"] as? Bool == true && (summary["errors"] as? [Any])?.isEmpty == true)
            }
            #expect(try await store.person(nik: "3604011002930005") == nil)
            // Row errors: 422 with each row, field and reason; nothing written
            try await client.execute(
                uri: "/api/v1/imports?kind=workers&employer=12345678", method: .post, headers: auth(extra: csv), body: ByteBuffer(string: Self.badWorkers)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let summary = try object(response)
                #expect(summary["with_errors"] as? Int == 2 && summary["written"] as? Bool == false)
                let errors = try #require(summary["errors"] as? [[String: Any]])
                #expect(errors.map { $0["row"] as? Int } == [3, 4])
                #expect(errors.first?["field"] as? String == "Tanggal Lahir")
                #expect((errors.last?["reason"] as? String)?.contains("below the 2025 UMK of region 3604, Rp4.857.353") == true)
            }
            #expect(try await store.person(nik: "3604011002930005") == nil)
            // The good file is written
            try await client.execute(
                uri: "/api/v1/imports?kind=workers&employer=12345678", method: .post, headers: auth(extra: csv), body: ByteBuffer(string: Self.goodWorkers)
            ) { response in
                #expect(response.status == .ok)
                let summary = try object(response)
                #expect(summary["written"] as? Bool == true && summary["persons_created"] as? Int == 2 && summary["created"] as? Int == 2)
            }
            #expect(try await store.person(nik: "3604011002930005") != nil)
            // A regional officer of 3604 imports employers of its region only: Tangerang's row is a row error
            try await client.execute(
                uri: "/api/v1/imports?kind=employers", method: .post, headers: auth("region-3604", extra: csv), body: ByteBuffer(string: Self.employers)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let errors = try #require(try object(response)["errors"] as? [[String: Any]])
                #expect(errors.count == 1 && errors.first?["row"] as? Int == 3 && errors.first?["reason"] as? String == "is outside your scope")
            }
            // Refusals by role and scope, and unreadable files
            let refusals: [(String, String, HTTPResponse.Status)] = [
                ("auditor-token", "kind=workers&employer=12345678", .forbidden), ("branch-srg", "kind=workers&employer=12345678", .forbidden),
                ("employer-a", "kind=employers", .forbidden), ("employer-a", "kind=workers&employer=11112222", .notFound),
                ("agency-token", "kind=workers&employer=12345678", .notFound), ("admin-token", "kind=workers", .badRequest),
                ("admin-token", "kind=people", .badRequest), ("admin-token", "kind=workers&employer=12345678&dry_run=maybe", .badRequest),
            ]
            for (token, query, expected) in refusals {
                try await client.execute(uri: "/api/v1/imports?\(query)", method: .post, headers: auth(token, extra: csv), body: ByteBuffer(string: Self.goodWorkers)) {
                    #expect($0.status == expected, "\(token) \(query)")
                }
            }
            try await client.execute(uri: "/api/v1/imports?kind=workers&employer=12345678", method: .post, headers: auth(extra: csv), body: ByteBuffer()) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(
                uri: "/api/v1/imports?kind=employers", method: .post, headers: auth(extra: csv), body: ByteBuffer(string: "nothing,here\n1,2\n")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(errorCode(response) == "invalid_input")
            }
        }
    }
}
