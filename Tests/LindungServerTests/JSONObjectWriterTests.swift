import Foundation
import LindungCore
import LindungStorage
import NIOCore
import Testing

@testable import LindungServer

/// The hand-written employer body must be byte for byte what `JSONEncoder` writes for the same DTO, so
/// the fast path on `GET /api/v1/employers/{npp}` changes nothing a client can see.
@Suite struct JSONObjectWriterTests {
    static func dto(name: String, nib: String? = nil, npwp: String? = nil, parent: String? = nil, branch: String? = nil) -> EmployerDTO {
        EmployerDTO(
            Employer(
                id: 7, npp: "12345678",
                record: EmployerRecord(
                    npp: "12345678", kind: .agency, name: name, nib: nib, npwp: npwp, regionCode: "3604", parentRegionCode: parent,
                    riskClass: 3, sizeClass: .large, branchCode: branch)))
    }

    static func written(_ dto: some JSONObjectWritable) -> String {
        var json = JSONObjectWriter(capacity: 16)
        dto.writeFields(to: &json)
        var buffer = json.finish()
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }

    static func encoded(_ dto: some Encodable) throws -> String {
        String(decoding: try JSONBody.encoded(dto), as: UTF8.self)
    }

    @Test(arguments: [
        "Dinas Pendidikan Kabupaten Serang",
        "PT \"Maju\" Jaya \\ Tbk",
        "CV Sinar/Tangerang",
        "line\nbreak\ttab\rreturn\u{08}back\u{0C}feed",
        "control \u{01}\u{1F}\u{7F} end",
        "Koperasi Karyawan Cipta Karsa Nusantara Jaya Abadi Sentosa Makmur Sejahtera Bersama",
        "Yayasan Pendidikan Ḥaḍrami · Café — 雅加达 🇮🇩",
        "",
    ])
    func employerBodyMatchesJSONEncoder(name: String) throws {
        let full = Self.dto(name: name, nib: "1234567890123", npwp: "01.234.567.8-901.000", parent: "3604", branch: "KC-SRG")
        #expect(Self.written(full) == (try Self.encoded(full)))
        let bare = Self.dto(name: name)
        #expect(Self.written(bare) == (try Self.encoded(bare)))
    }

    @Test func absentValuesAreWrittenAsNull() throws {
        let text = Self.written(Self.dto(name: "PT Maju Jaya"))
        #expect(text.contains("\"nib\":null"))
        #expect(text.contains("\"branch_code\":null"))
        #expect(text.hasPrefix("{\"branch_code\":null,\"kind\":\"agency\""))
        #expect(text.hasSuffix("\"risk_class\":3,\"size_class\":\"large\"}"))
    }

    @Test func integersMatchJSONEncoder() throws {
        struct Numbers: JSONObjectWritable {
            let a: Int64?
            let b: Int
            let c: Int64?
            func writeFields(to json: inout JSONObjectWriter) {
                json.field("a", a)
                json.field("b", b)
                json.field("c", c)
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(Nullable(a), forKey: .a)
                try container.encode(b, forKey: .b)
                try container.encode(Nullable(c), forKey: .c)
            }
            enum CodingKeys: String, CodingKey { case a, b, c }
        }
        for numbers in [Numbers(a: Int64.min, b: 0, c: nil), Numbers(a: nil, b: -42, c: Int64.max), Numbers(a: 1_958_044_256_432, b: 7, c: 0)] {
            #expect(Self.written(numbers) == (try Self.encoded(numbers)))
        }
    }
}
