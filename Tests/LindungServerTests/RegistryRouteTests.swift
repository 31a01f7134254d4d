import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungStorage
import Testing

@Suite struct RegistryRouteTests {
    @Test func anEmployerByNPP() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/employers/12345678", method: .get, headers: auth()) { response in
                #expect(response.status == .ok)
                let body = try object(response)
                #expect(body["npp"] as? String == "12345678")
                #expect(body["name"] as? String == "PT Maju Jaya")
                #expect(body["risk_class"] as? Int == 2)
                #expect(body["parent_region"] is NSNull, "absent fields are null, not left out")
            }
            try await client.execute(uri: "/api/v1/employers/99999999", method: .get, headers: auth()) { response in
                #expect(response.status == .notFound)
                #expect(errorCode(response) == "not_found")
            }
        }
    }

    @Test func anEmployersWorkersOnADayArePaginated() async throws {
        try await withServer { client in
            // Given two workers from 2025-01-01, when they are read a page of one at a time
            let first = try await client.execute(uri: "/api/v1/employers/12345678/workers?on=2025-04-15&limit=1", method: .get, headers: auth()) { try object($0) }
            let items = try #require(first["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(first["next_offset"] as? Int == 1)
            let second = try await client.execute(uri: "/api/v1/employers/12345678/workers?on=2025-04-15&limit=1&offset=1", method: .get, headers: auth()) {
                try object($0)
            }
            #expect((second["items"] as? [[String: Any]])?.count == 1)
            #expect(second["next_offset"] is NSNull)
            let names = Set([items[0]["name"] as? String, (second["items"] as? [[String: Any]])?.first?["name"] as? String])
            #expect(names == ["Budi Santoso", "Siti Aminah"])
            // Before their spells began there is no one
            let before = try await client.execute(uri: "/api/v1/employers/12345678/workers?on=2024-12-31", method: .get, headers: auth()) { try object($0) }
            #expect((before["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func badQueryValuesAreInvalidInput() async throws {
        try await withServer { client in
            for uri in [
                "/api/v1/employers/12345678/workers?on=15-04-2025", "/api/v1/employers/12345678/workers?limit=0",
                "/api/v1/employers/12345678/workers?limit=501", "/api/v1/employers/12345678/workers?offset=-1", "/api/v1/persons?name=a",
                "/api/v1/persons", "/api/v1/employers/12345678/workers?on=", "/api/v1/employers/12345678/workers?offset=99999999999999999999",
                "/api/v1/employers/12345678/workers?offset=2147483648", "/api/v1/calculator/contribution?segment=bpu&income=1000000&month=2025-04&jht=maybe",
            ] {
                try await client.execute(uri: uri, method: .get, headers: auth()) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(errorCode(response) == "invalid_input", "\(uri)")
                }
            }
        }
    }

    @Test func aPersonWithSpellsAndWages() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/persons/\(ServerFixtures.siti.nik)", method: .get, headers: auth()) { response in
                #expect(response.status == .ok)
                let body = try object(response)
                #expect(body["name"] as? String == "Siti Aminah")
                #expect(body["sex"] as? String == "female")
                let spells = try #require(body["spells"] as? [[String: Any]])
                #expect(spells.first?["employer_npp"] as? String == "12345678")
                #expect((spells.first?["wages"] as? [[String: Any]])?.first?["amount"] as? Int == 12_000_000)
            }
            try await client.execute(uri: "/api/v1/persons/3604010101900099", method: .get, headers: auth()) { response in
                #expect(errorCode(response) == "not_found")
            }
        }
    }

    @Test func personsByName() async throws {
        try await withServer { client in
            let body = try await client.execute(uri: "/api/v1/persons?name=siti", method: .get, headers: auth()) { try object($0) }
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(items.map { $0["nik"] as? String } == [ServerFixtures.siti.nik])
            #expect(items.first?["spells"] is NSNull)
            #expect(body["next_offset"] is NSNull)
        }
    }
}
