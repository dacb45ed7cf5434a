import Fluent
import Foundation
import KabinetDomain
import NIOHTTP1
import Vapor
import VaporTesting

@testable import Kabinet

/// A JSON API client for tests: bearer token, JSON bodies, and the answer's JSON as plain dictionaries.
struct APIClient {
    let app: Application
    var token: String?

    /// A client with a fresh token of `login`, made the way the profile page makes one.
    static func signedIn(_ app: Application, as login: String) async throws -> APIClient {
        let user = try await app.user(login)
        let created = try await APITokens(database: app.db, audit: .system(app.db, login: "test"))
            .create(for: try user.requireID(), name: "test")
        return APIClient(app: app, token: created.secret)
    }

    @discardableResult
    func get(_ path: String, headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil, headers: extra)
    }

    /// POSTs `json` (any JSONSerialization value) or, given a string, that exact text.
    @discardableResult
    func post(_ path: String, json: Any, headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        let text = try json as? String ?? String(decoding: JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        return try await send(.POST, path, body: text, headers: [("Content-Type", "application/json")] + extra)
    }

    func send(_ method: HTTPMethod, _ path: String, body: String?, headers extra: [(String, String)] = [])
        async throws -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }
}

extension TestingHTTPResponse {
    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// `field → message` of a problem+json answer.
    var fieldErrors: [String: String] {
        var result: [String: String] = [:]
        for entry in json["errors"] as? [[String: Any]] ?? [] {
            if let field = entry["field"] as? String, let message = entry["message"] as? String { result[field] = message }
        }
        return result
    }

    var isProblem: Bool {
        headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true
            && json["type"] as? String == "about:blank" && json["status"] as? Int == Int(status.code)
            && json["title"] as? String != nil
    }
}

/// The seed example (SeedExample) as an API body; `overrides` replace properties, nil removes one.
enum APISeed {
    static func body(_ overrides: [String: Any?] = [:]) -> [String: Any] {
        var body: [String: Any] = [
            "productCode": "product-1", "startDate": SeedExample.start.iso, "frequency": "annual", "term": 5,
            "premium": "100000", "sex": "male", "birthDate": SeedExample.birth.iso, "risks": SeedExample.allRisks,
        ]
        for (key, value) in overrides { body[key] = value }
        return body
    }

    /// The body of «Оформить»: the calculation plus agreement and names.
    static func saveBody(_ overrides: [String: Any?] = [:]) -> [String: Any] {
        var extra: [String: Any?] = [
            "agreementNumber": "1000002", "lastName": "Иванов", "firstName": "Юрий", "middleName": "Германович",
            "isPolicyholder": true,
        ]
        extra.merge(overrides) { $1 }
        return body(extra)
    }

    /// The amount of a `Money` object in a JSON answer.
    static func amount(_ value: Any?) -> String? {
        (value as? [String: Any])?["amount"] as? String
    }
}
