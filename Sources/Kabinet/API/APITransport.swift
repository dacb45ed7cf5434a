import HTTPTypes
import OpenAPIRuntime
import Vapor

/// VaporTransport plus what the generated server leaves out: it remembers every documented method of every
/// path (for `MethodNotAllowed`), it sends `Location` as the plain URI reference it is — the runtime writes
/// header values in URI "simple" style, which would turn `/api/v1/quotes/…` into `%2Fapi%2Fv1%2Fquotes%2F…` —
/// and it lets the hot operations' ordinary calls take their `APIShortcut`.
final class APITransport: ServerTransport, @unchecked Sendable {
    private let wrapped: any ServerTransport
    private let shortcuts: [APIShortcut]
    /// Path template (`/api/v1/quotes/{id}`) → documented methods. Written only while routes are registered.
    private(set) var registered: [String: [HTTPRequest.Method]] = [:]

    init(_ wrapped: any ServerTransport, shortcuts: [APIShortcut] = []) {
        self.wrapped = wrapped
        self.shortcuts = shortcuts
    }

    func register(
        _ handler: @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
        method: HTTPRequest.Method, path: String
    ) throws {
        registered[path, default: []].append(method)
        let shortcut = shortcuts.first { $0.method == method && $0.path == path }
        try wrapped.register({ request, body, metadata in
            var (response, responseBody) = if let shortcut {
                try await shortcut.respond(to: request, body: body) { try await handler(request, $0, metadata) }
            } else {
                try await handler(request, body, metadata)
            }
            if let location = response.headerFields[.location], let plain = location.removingPercentEncoding {
                response.headerFields[.location] = plain
            }
            return (response, responseBody)
        }, method: method, path: path)
    }
}

/// RFC 9110: a method the resource does not support is 405 with `Allow`, not the router's 404.
enum MethodNotAllowed {
    /// The methods a client might try; HEAD is Vapor's GET and OPTIONS stays unrouted.
    static let candidates: [HTTPMethod] = [.GET, .POST, .PUT, .PATCH, .DELETE, .TRACE, .RAW(value: "QUERY")]

    static func register(_ documented: [String: [HTTPRequest.Method]], on routes: any RoutesBuilder) {
        for (path, methods) in documented {
            let allowed = methods.map(\.rawValue)
            let components = path.split(separator: "/").map { part -> PathComponent in
                part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .constant(String(part))
            }
            let allow = allowed.joined(separator: ", ")
            for method in candidates where !allowed.contains(method.rawValue) {
                routes.on(method, components) { _ -> Response in
                    throw Abort(.methodNotAllowed, headers: ["Allow": allow])
                }
            }
        }
    }
}
