import Foundation
import HTTPTypes
import LindungServer
import LindungStorage
import Testing

/// The document and the router are one contract: every registered route is documented with its method,
/// and the document names no route the server does not answer.
@Suite struct OpenAPIDocumentTests {
    static let methods: Set<String> = ["get", "post", "put", "patch", "delete", "head", "options"]

    func documented() throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: try OpenAPIDocument.data()) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var routes: Set<String> = []
        for (path, item) in paths {
            for method in item.keys where Self.methods.contains(method) { routes.insert("\(method.uppercased()) \(path)") }
        }
        return routes
    }

    @Test func everyRouteIsDocumentedAndViceVersa() throws {
        let registered = Set(ServerRoutes.all.map { "\($0.method.rawValue) \($0.path)" })
        #expect(registered.count == ServerRoutes.all.count, "a route is registered twice")
        let documented = try documented()
        #expect(registered.subtracting(documented).isEmpty, "registered but not documented: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "documented but not registered: \(documented.subtracting(registered).sorted())")
    }

    @Test func operationIDsAreTheRoutesIDs() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: try OpenAPIDocument.data()) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for route in ServerRoutes.all {
            let operation = paths[route.path]?[route.method.rawValue.lowercased()]
            #expect(operation?["operationId"] as? String == route.operationID, "\(route.method) \(route.path)")
            // Open routes declare no security; every other route the bearer scheme and its 401
            let security = operation?["security"] as? [[String: Any]]
            #expect(security?.isEmpty == (route.access == .open), "\(route.method) \(route.path) security")
            if route.access != .open { #expect((operation?["responses"] as? [String: Any])?["401"] != nil) }
        }
    }

    @Test func everyOperationHasAnIDAndResponses() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: try OpenAPIDocument.data()) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        var ids: Set<String> = []
        for (path, item) in paths {
            for (method, operation) in item {
                let id = try #require(operation["operationId"] as? String, "\(method) \(path) has no operationId")
                #expect(ids.insert(id).inserted, "operationId \(id) is used twice")
                #expect((operation["responses"] as? [String: Any])?.isEmpty == false, "\(method) \(path) has no responses")
            }
        }
    }
}
