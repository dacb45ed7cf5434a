import OpenAPIRuntime
import OpenAPIVapor
import Vapor

/// The JSON API under `/api/v1`: the document itself, the generated operations behind the request gate and the
/// token check, and 405 with `Allow` for every method the document does not list on a path.
enum APIRoutes {
    static func register(on app: Application) throws {
        let api = app.grouped(APIErrorMiddleware())
        let document = try APIDocument.load()
        api.get("api", "v1", "openapi.yaml") { _ in document.response() }

        let operations = api.grouped(APIRequestGate(), APITokenAuthenticator())
        let transport = APITransport(VaporTransport(routesBuilder: operations), shortcuts: [.calculateQuote])
        try KabinetAPI().registerHandlers(on: transport, serverURL: Servers.Server1.url(), configuration: configuration)
        MethodNotAllowed.register(transport.registered, on: api)
    }
}

extension APIRoutes {
    /// Compact JSON (the runtime pretty-prints by default) with stable key order, the same as the problem answers.
    static let configuration = Configuration(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes])
}

/// The document as shipped in the bundle, read once at start.
struct APIDocument: Sendable {
    let text: String

    static func load() throws -> APIDocument {
        APIDocument(text: try String(contentsOfFile: BundledResources.root + "openapi.yaml", encoding: .utf8))
    }

    func response() -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
