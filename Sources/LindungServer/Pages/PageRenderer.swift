import Foundation
import Hummingbird
import Mustache

/// The Mustache templates (resources `Resources/templates/*.mustache`), read once, and the stylesheet.
enum PageRenderer {
    static let library: Result<MustacheLibrary, any Error> = Result {
        guard let directory = Bundle.module.url(forResource: "templates", withExtension: nil, subdirectory: "Resources") else {
            throw APIError(.internal, "the page templates are missing from the server's resources")
        }
        var library = MustacheLibrary()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            try library.register(text, named: String(file.dropLast(".mustache".count)))
        }
        return library
    }

    static let stylesheet: Result<String, any Error> = Result {
        guard let url = Bundle.module.url(forResource: "lindung", withExtension: "css", subdirectory: "Resources/static") else {
            throw APIError(.internal, "the stylesheet is missing from the server's resources")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func render(_ template: String, _ values: [String: Any]) throws -> String {
        guard let html = try library.get().render(values, withTemplate: template) else {
            throw APIError(.internal, "no page template \(template)")
        }
        return html
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func css(_ request: Request, _ context: ServerRequestContext) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: try stylesheet.get())))
    }
}
