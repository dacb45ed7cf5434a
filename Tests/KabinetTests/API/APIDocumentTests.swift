import Foundation
import HTTPTypes
import KabinetDomain
import OpenAPIRuntime
import Testing
import Vapor

@testable import Kabinet

@Suite("The OpenAPI document: served, readable, and the one the server was generated from")
struct APIDocumentTests {
    static func bundled() throws -> String {
        try String(contentsOfFile: BundledResources.root + "openapi.yaml", encoding: .utf8)
    }

    /// `paths:` of the document as path → methods, read line by line (the document keeps to two-space indents).
    static func documentedOperations(_ text: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" "), !line.isEmpty { inPaths = line == "paths:" }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"),
                ["get:", "post:", "put:", "patch:", "delete:"].contains(line.trimmingCharacters(in: .whitespaces))
            {
                result["/api/v1" + path, default: []].insert(String(line.trimmingCharacters(in: .whitespaces).dropLast()).uppercased())
            }
        }
        return result
    }

    /// A transport that only takes note of what the generated server registers.
    final class NotingTransport: ServerTransport, @unchecked Sendable {
        var operations: [String: Set<String>] = [:]
        func register(
            _ handler: @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
            method: HTTPRequest.Method, path: String
        ) throws {
            operations[path, default: []].insert(method.rawValue)
        }
    }

    @Test("GET /api/v1/openapi.yaml serves the bundled document as YAML, without a token")
    func served() async throws {
        try await withKabinet { app in
            let answer = try await APIClient(app: app, token: nil).get("/api/v1/openapi.yaml")

            #expect(answer.status == .ok)
            #expect(answer.headers.contentType?.subType == "yaml")
            #expect(answer.body.string == (try Self.bundled()))
            #expect(answer.body.string.hasPrefix("openapi: 3.1.0\n"))
        }
    }

    @Test("Every path and method of the document is served by the generated code, and nothing else")
    func generatedFromThisDocument() throws {
        let transport = NotingTransport()
        try KabinetAPI().registerHandlers(on: transport, serverURL: Servers.Server1.url())

        let documented = Self.documentedOperations(try Self.bundled())

        #expect(documented["/api/v1/quotes"] == ["GET", "POST"] && documented["/api/v1/ping"] == ["GET"])
        #expect(transport.operations == documented, "regenerate with scripts/generate-openapi.sh")
    }

    @Test("Every domain value the API can send is in the document's enums")
    func enumsMirrorTheDomain() throws {
        for currency in CurrencyCode.allCases { _ = try APIMirror.value(currency, as: Components.Schemas.Currency.self) }
        for frequency in PaymentFrequency.allCases { _ = try APIMirror.value(frequency, as: Components.Schemas.Frequency.self) }
        for sex in Sex.allCases { _ = try APIMirror.value(sex, as: Components.Schemas.Sex.self) }
        for kind in ProductKind.allCases { _ = try APIMirror.value(kind, as: Components.Schemas.ProductKind.self) }
        for basis in [QuoteField.premium, .sumInsured] { _ = try APIMirror.value(basis, as: Components.Schemas.Basis.self) }
    }

    @Test("Every product of the catalog is described by GET /products/{code}")
    func everyProduct() async throws {
        try await withKabinet { app in
            let client = try await APIClient.signedIn(app, as: "agent")
            let codes = (try await client.get("/api/v1/products").json["items"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }

            #expect(codes.count == 15)
            for code in codes {
                let product = try await client.get("/api/v1/products/\(code)")
                #expect(product.status == .ok, "\(code)")
                #expect((product.json["risks"] as? [Any])?.isEmpty == false)
                #expect((product.json["premiumLimits"] as? [Any])?.count == (product.json["frequencies"] as? [Any])?.count)
            }
        }
    }
}
