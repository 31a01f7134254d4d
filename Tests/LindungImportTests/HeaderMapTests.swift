import Foundation
import Testing

@testable import LindungImport

@Suite("HeaderMap")
struct HeaderMapTests {
    static let workerFields: [HeaderField] = [.nik, .name, .birthDate, .sex, .wage, .startDate, .category]

    @Test func matchesIndonesianAndEnglishNamesLoosely() throws {
        let header = ["No. KTP", "NAMA_LENGKAP", "Tgl. Lahir (DD/MM/YYYY)", "gender", " Gaji ", "Catatan", "start-date"]
        let map = try HeaderMap(header: header, fields: Self.workerFields, required: [.nik, .name, .birthDate])
        #expect(map.index(of: .nik) == 0)
        #expect(map.index(of: .name) == 1)
        #expect(map.index(of: .birthDate) == 2)
        #expect(map.index(of: .sex) == 3)
        #expect(map.index(of: .wage) == 4)
        #expect(map.index(of: .startDate) == 6)
        #expect(map.index(of: .category) == nil)
        #expect(map.columnName(of: .birthDate) == "Tgl. Lahir (DD/MM/YYYY)")
    }

    @Test func valuesAreTrimmedAndAbsentColumnsAreNil() throws {
        let map = try HeaderMap(header: ["NIK", "Nama", "Upah"], fields: Self.workerFields, required: [.nik])
        let row = SpreadsheetRow(number: 2, fields: [" 3201010101900001 ", "  ", "5000000"])
        #expect(map.value(.nik, in: row) == "3201010101900001")
        #expect(map.value(.name, in: row) == "")
        #expect(map.value(.category, in: row) == nil)
    }

    @Test func everyAcceptedNameMatchesItsField() throws {
        for field in HeaderField.allCases {
            for name in field.acceptedNames {
                let map = try HeaderMap(header: ["x", name], fields: [field], required: [field])
                #expect(map.index(of: field) == 1, "\(name) → \(field)")
            }
        }
    }

    @Test func employerFieldsShareTheNameColumn() throws {
        let map = try HeaderMap(
            header: ["NPP", "Jenis Pemberi Kerja", "Nama", "Kode Wilayah", "Pemda Induk", "Kelas Risiko", "Skala Usaha", "Kantor Cabang"],
            fields: [.npp, .kind, .employerName, .nib, .npwp, .region, .parentRegion, .riskClass, .sizeClass, .branch],
            required: [.npp, .kind, .employerName])
        #expect(map.index(of: .employerName) == 2)
        #expect(map.index(of: .name) == nil)
        #expect(map.index(of: .branch) == 7)
        #expect(!map.contains(.nib))
    }

    @Test func missingRequiredColumnsAreAllListed() {
        let error = #expect(throws: ImportFileError.self) {
            try HeaderMap(header: ["Nama", "Upah"], fields: Self.workerFields, required: [.nik, .birthDate, .name])
        }
        #expect(error?.row == 1)
        #expect(error?.reason == "the header lacks required columns: 'NIK' or 'No. KTP', 'Tanggal Lahir' or 'Tgl Lahir'")
    }

    @Test func twoColumnsForOneFieldAreRefused() {
        let error = #expect(throws: ImportFileError.self) {
            try HeaderMap(header: ["NIK", "Nama", "Name"], fields: Self.workerFields, required: [.nik])
        }
        #expect(error?.row == 1)
        #expect(error?.reason.contains("columns B ('Nama') and C ('Name')") == true)
    }

    @Test func normalization() {
        #expect(HeaderField.normalize("Tgl. Lahir (DD/MM/YYYY)") == "tgllahir")
        #expect(HeaderField.normalize("  Di_Bawah UMK ") == "dibawahumk")
        #expect(HeaderField.normalize("(catatan)") == "(catatan)")
    }

    @Test func docsListEveryAcceptedName() throws {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/import-formats.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for field in HeaderField.allCases {
            let line = "| `\(field.rawValue)` | \(field.acceptedNames.joined(separator: ", ")) |"
            #expect(text.contains(line), "docs/import-formats.md lacks: \(line)")
        }
    }
}
