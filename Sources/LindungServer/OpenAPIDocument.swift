public import Foundation

/// The OpenAPI 3.1 document served at `/api/openapi.json`, kept as a resource and held to
/// `ServerRoutes.all` by a test.
public enum OpenAPIDocument {
    public static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources") else {
            throw APIError(.internal, "openapi.json is missing from the server's resources")
        }
        return try Data(contentsOf: url)
    }
}
