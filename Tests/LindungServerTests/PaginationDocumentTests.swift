import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungServer
import LindungStorage
import Testing

/// One pagination for every list of the API: each operation whose answer carries `next_offset` documents
/// `limit` (1–500, default 50) and `offset` (0–2³¹−1), and answers the same `{"items","next_offset"}` shape;
/// the server holds the same bounds on every one of them.
@Suite struct PaginationDocumentTests {
    /// The GET list operations, with a query that reaches their list on the fixture.
    static let lists: [String: String] = [
        "searchEmployers": "/api/v1/employers?name=maju", "searchPersons": "/api/v1/persons?name=budi",
        "listEmployerWorkers": "/api/v1/employers/12345678/workers?on=2025-06-15", "listPersonSpells": "/api/v1/persons/\(ServerFixtures.budi.nik)/spells",
        "listBills": "/api/v1/bills?month=2025-04", "listArrears": "/api/v1/arrears?on=2025-06-15",
        "listAgencyNonASN": "/api/v1/agencies/87654321/non-asn?on=2025-06-15", "listClaims": "/api/v1/claims",
        "listBillWorkers": "/api/v1/bills/1/workers",
    ]

    /// Operation ids whose 200 answer has `next_offset`, with their parameters (resolved `$ref`s).
    func paginated() throws -> [String: [[String: Any]]] {
        let data = try OpenAPIDocument.data()
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var found: [String: [[String: Any]]] = [:]
        for (_, item) in paths {
            for (_, value) in item {
                guard let operation = value as? [String: Any], let id = operation["operationId"] as? String,
                    let ok = (operation["responses"] as? [String: Any])?["200"]
                else { continue }
                let body = String(decoding: try JSONSerialization.data(withJSONObject: ok), as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
                var schemaText = body
                // A response given as a $ref to a component schema: look it up once.
                for (name, schema) in ((document["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
                where body.contains("#/components/schemas/\(name)\"") {
                    schemaText += String(decoding: try JSONSerialization.data(withJSONObject: schema), as: UTF8.self)
                }
                if schemaText.contains("\"next_offset\"") { found[id] = operation["parameters"] as? [[String: Any]] ?? [] }
            }
        }
        return found
    }

    @Test func everyListDocumentsLimitAndOffsetTheSameWay() throws {
        let lists = try paginated()
        #expect(Set(lists.keys) == Set(Self.lists.keys), "lists: \(lists.keys.sorted()) against \(Self.lists.keys.sorted())")
        for (id, parameters) in lists {
            let byName = Dictionary(parameters.compactMap { p in (p["name"] as? String).map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
            let limit = try #require(byName["limit"]?["schema"] as? [String: Any], "\(id) has no limit")
            let offset = try #require(byName["offset"]?["schema"] as? [String: Any], "\(id) has no offset")
            #expect(limit["minimum"] as? Int == 1 && limit["maximum"] as? Int == 500 && limit["default"] as? Int == 50, "\(id) limit \(limit)")
            #expect(offset["minimum"] as? Int == 0 && offset["maximum"] as? Int == 2_147_483_647, "\(id) offset \(offset)")
        }
    }

    @Test func everyListAnswersItemsAndNextOffsetAndRefusesBadBounds() async throws {
        try await withServer(billApril: true) { client in
            for (id, uri) in Self.lists.sorted(by: { $0.key < $1.key }) {
                let joiner = uri.contains("?") ? "&" : "?"
                try await client.execute(uri: uri + joiner + "limit=1", method: .get, headers: auth()) { response in
                    #expect(response.status == .ok, "\(id)")
                    let page = try object(response)
                    let items = page["items"] as? [Any]
                    #expect(items != nil && items!.count <= 1, "\(id) items")
                    #expect(page.keys.contains("next_offset"), "\(id) next_offset")
                }
                for bad in ["limit=0", "limit=501", "offset=-1", "offset=2147483648", "limit=x"] {
                    try await client.execute(uri: uri + joiner + bad, method: .get, headers: auth()) { response in
                        #expect(response.status == .badRequest, "\(id) \(bad)")
                    }
                }
            }
        }
    }
}
