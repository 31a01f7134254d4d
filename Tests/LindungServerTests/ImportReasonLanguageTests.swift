import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungServer
import LindungStorage
import Testing

/// Import row errors in the reader's language: the pages in Bahasa Indonesia by default and in English
/// with `?lang=en`; the API in English (the CLI's words) and in Bahasa Indonesia with `Accept-Language: id`.
@Suite struct ImportReasonLanguageTests {
    /// One error of nearly every kind the worker reader, the NIK check and the store give (for PT Maju
    /// Jaya, a company in Kabupaten Serang, UMK 2025 Rp4.857.353).
    static let badWorkers = """
        NIK,Nama,Tanggal Lahir,Jenis Kelamin,Upah,Tanggal Mulai,Tanggal Selesai,Alasan Keluar,Segmen,Program,Kategori,Domisili
        360401100293000,Satu,1993-02-10,L,5000000,2025-06-01,,,PU,,,3604
        3604011002930007,Dua,1990-01-01,X,5000000,2025-06-01,,,PU,,,3604
        3604012507880006,,1988-07-25,L,abc,2025-13-01,,,PU,,,3604
        3604011002930005,Empat,1993-02-10,P,5000000,2025-06-01,,,XX,"JKK,ABC",honorer,9999
        9904011002930005,Lima,1993-02-10,L,5000000,2025-06-01,,,PU,,,3604
        3604012507880008,Enam,1988-07-25,L,5000000,2025-06-01,2025-05-01,resign,PU,JKK,,3604
        3604012507880009,Tujuh,1988-07-25,L,5000000,2025-06-01,,resign,PU,,,3604
        3604012507880010,Delapan,1988-07-25,L,1000000,2025-06-01,,,PU,,,3604
        3604012507880010,Delapan,1988-07-25,L,5000000,2025-06-01,,,PU,,,3604
        3604013207880011,Sepuluh,1988-07-32,L,5000000,2025-06-01,,,PU,,,3604
        \(ServerFixtures.budi.nik),Budi Lain,1990-05-17,L,5000000,2025-06-01,,,PU,,,3604
        3604012507880012,Sebelas,1988-07-25,L,5000000,2025-06-01,,,PU,,,3604
        3604012507880012,Sebelas,1988-07-25,L,5000000,2025-06-01,,,PU,,,3604

        """

    /// The employer reader's errors: NPP, kind, NIB, NPWP, region, risk and size, an agency without its
    /// government.
    static let badEmployers = """
        NPP,Jenis,Nama,NIB,NPWP,Wilayah,Pemda Induk,Kelas Risiko,Skala Usaha,Kantor Cabang
        123,pabrik,PT Satu,12345,01.234,9999,,7,raksasa,
        ,opd,Dinas Dua,0000000000000,000000000000000,3604,,,kecil,
        ,perusahaan,PT Tiga,,,3604,,1,kecil,KC-XXX

        """

    func errors(_ client: any TestClientProtocol, _ query: String, _ file: String, language: String?) async throws -> [[String: Any]] {
        var headers = auth(extra: [.contentType: "text/csv"])
        if let language { headers[.acceptLanguage] = language }
        return try await client.execute(uri: "/api/v1/imports?\(query)&dry_run=true", method: .post, headers: headers, body: ByteBuffer(string: file)) {
            response in
            #expect(response.status == .unprocessableContent)
            return try #require(try object(response)["errors"] as? [[String: Any]])
        }
    }

    @Test func theAPIGivesRowReasonsInEnglishOrInBahasaIndonesia() async throws {
        try await withServer { client in
            for (query, file) in [("kind=workers&employer=12345678", Self.badWorkers), ("kind=employers", Self.badEmployers)] {
                let english = try await errors(client, query, file, language: nil)
                let indonesian = try await errors(client, query, file, language: "id-ID,id;q=0.9,en;q=0.8")
                #expect(english.count == indonesian.count && english.count >= 8, "\(query): \(english.count) errors")
                // Every reason the readers gave is translated: the table knows them all.
                for (en, id) in zip(english, indonesian) {
                    #expect(en["row"] as? Int == id["row"] as? Int && en["field"] as? String == id["field"] as? String)
                    #expect(en["reason"] as? String != id["reason"] as? String, "untranslated: \(en["reason"] ?? "")")
                }
                let explicitEnglish = try await errors(client, query, file, language: "en-US")
                #expect(explicitEnglish.map { $0["reason"] as? String } == english.map { $0["reason"] as? String })
            }
            // Spot checks, worded as the CLI and as an Indonesian officer reads them
            let english = try await errors(client, "kind=workers&employer=12345678", Self.badWorkers, language: nil).compactMap { $0["reason"] as? String }
            let indonesian = try await errors(client, "kind=workers&employer=12345678", Self.badWorkers, language: "id").compactMap { $0["reason"] as? String }
            #expect(english.contains("must have 16 digits, found 15 characters"))
            #expect(indonesian.contains("harus 16 digit, ditemukan 15 karakter"))
            #expect(english.contains("does not match the birth date 1993-02-10 in the NIK"))
            #expect(indonesian.contains("tidak sesuai dengan tanggal lahir 1993-02-10 dalam NIK"))
            #expect(indonesian.contains("province code 99 (digits 1-2) does not exist") == false)
            #expect(indonesian.contains("kode provinsi 99 (digit 1-2) tidak ada"))
            #expect(indonesian.contains("di bawah UMK 2025 wilayah 3604, Rp4.857.353 (tandai baris 'Di Bawah UMK' bila memang benar)"))
            #expect(indonesian.contains("sama dengan baris 13"))
        }
    }

    @Test func thePageShowsRowReasonsInItsLanguage() async throws {
        try await withServer { client in
            let cookie = try await PageRouteTests.pageLogin(client, "maju-user")
            let form = try await client.execute(uri: "/imports", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            let csrf = try PageRouteTests.csrfToken(form)
            func preview(_ uri: String, cookie: String) async throws -> String {
                var (headers, body) = ImportRouteTests.multipart([("csrf_token", csrf), ("kind", "workers"), ("employer", "12345678")], file: Self.badWorkers)
                headers[.cookie] = cookie
                return try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .unprocessableContent || response.status == .ok, "\(response.status)")
                    return String(buffer: response.body)
                }
            }
            // Bahasa Indonesia by default
            let indonesian = try await preview("/imports", cookie: cookie)
            #expect(indonesian.contains("id=\"import-errors\""))
            #expect(indonesian.contains("harus 16 digit, ditemukan 15 karakter"))
            #expect(indonesian.contains("kode provinsi 99 (digit 1-2) tidak ada"))
            #expect(!indonesian.contains("must have 16 digits"))
            // English once the page is switched (the lang cookie)
            let english = try await preview("/imports", cookie: cookie + "; lang=en")
            #expect(english.contains("must have 16 digits, found 15 characters"))
            #expect(english.contains("province code 99 (digits 1-2) does not exist"))
            #expect(!english.contains("harus 16 digit"))
        }
    }

    @Test func anUnreadableFileIsExplainedInThePagesLanguage() async throws {
        try await withServer { client in
            let cookie = try await PageRouteTests.pageLogin(client, "maju-user")
            let form = try await client.execute(uri: "/imports", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            let csrf = try PageRouteTests.csrfToken(form)
            func upload(_ file: String, cookie: String) async throws -> String {
                var (headers, body) = ImportRouteTests.multipart([("csrf_token", csrf), ("kind", "workers"), ("employer", "12345678")], file: file)
                headers[.cookie] = cookie
                return try await client.execute(uri: "/imports", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .badRequest)
                    return String(buffer: response.body)
                }
            }
            // No worker column at all: the header lacks the required ones (row 1)
            let indonesian = try await upload("nothing,here\n1,2\n", cookie: cookie)
            #expect(indonesian.contains("baris 1: baris judul tidak memiliki kolom-kolom wajib: "), "\(indonesian)")
            let english = try await upload("nothing,here\n1,2\n", cookie: cookie + "; lang=en")
            #expect(english.contains("row 1: the header lacks required columns: "))
            // A quoted field never closed
            let quoted = try await upload("NIK,Nama,Tanggal Lahir,Upah,Tanggal Mulai\n\"3604011002930005,Rina\n", cookie: cookie)
            #expect(quoted.contains("ada isian bertanda kutip yang tidak ditutup"), "\(quoted)")
        }
    }
}
