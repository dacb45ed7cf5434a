import Foundation
import NIOHTTP1
import Vapor
import VaporTesting

@testable import Kabinet

/// A test client that behaves like a browser: keeps cookies, sends the CSRF token with every form, and can log in.
final class Browser {
    let app: Application
    private(set) var cookies: [String: String] = [:]

    init(_ app: Application) {
        self.app = app
    }

    var csrf: String? { cookies[CSRFMiddleware.cookieName] }

    @discardableResult
    func get(_ path: String, accept: String = "text/html") async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: .accept, value: accept)
        return try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form the way the page would: with the CSRF token from the cookie unless `csrf` overrides it.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)] = [], csrf override: String? = nil, withCSRF: Bool = true)
        async throws -> TestingHTTPResponse
    {
        if withCSRF, csrf == nil { try await get("/login") }
        var all = fields
        if withCSRF, let token = override ?? csrf { all.append((CSRFMiddleware.fieldName, token)) }
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        headers.add(name: .accept, value: "text/html")
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Sends a ready-made body (a multipart upload) with the browser's cookies.
    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, contentType: String, body: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        headers.add(name: .accept, value: "text/html")
        return try await send(method, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Logs in through the login form; returns the response of the POST.
    @discardableResult
    func login(_ login: String, password: String = DemoData.password, remember: Bool = false) async throws -> TestingHTTPResponse {
        try await get("/login")
        var fields = [("login", login), ("password", password), ("next", "/")]
        if remember { fields.append(("remember", "1")) }
        return try await post("/login", fields)
    }

    private func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> TestingHTTPResponse {
        var headers = headers
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count >= 1 else { continue }
            let name = String(pair[0])
            let value = pair.count == 2 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return response
    }

    func setCookie(_ name: String, _ value: String?) {
        cookies[name] = value
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }
    var location: String? { headers.first(name: .location) }
}
