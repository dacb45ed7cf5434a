import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("API errors: one problem+json shape for 400, 401, 403, 404, 405, 406, 413, 415 and 422")
struct APIErrorTests {
    @Test("No token, an unknown token or another scheme: 401 with a Bearer challenge", arguments: [
        nil, "Bearer kab_not-a-real-token", "Bearer ", "Basic YWdlbnQ6S2FiaW5ldDIwMjQ=",
    ])
    func unauthorized(header: String?) async throws {
        try await withKabinet { app in
            let client = APIClient(app: app, token: nil)

            let answer = try await client.get("/api/v1/products", headers: header.map { [("Authorization", $0)] } ?? [])

            #expect(answer.status == .unauthorized)
            #expect(answer.isProblem)
            #expect(answer.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
        }
    }

    @Test("ping needs no token")
    func pingIsOpen() async throws {
        try await withKabinet { app in
            let answer = try await APIClient(app: app, token: nil).get("/api/v1/ping")

            #expect(answer.status == .ok)
            #expect(answer.json["status"] as? String == "ok")
        }
    }

    @Test("API answers set no cookie: the CSRF token is for the web's forms only")
    func noCookies() async throws {
        try await withKabinet { app in
            let ping = try await APIClient(app: app, token: nil).get("/api/v1/ping")
            let products = try await APIClient.signedIn(app, as: "agent").get("/api/v1/products")

            #expect(ping.status == .ok && products.status == .ok)
            #expect(ping.headers[.setCookie].isEmpty)
            #expect(products.headers[.setCookie].isEmpty)
            let page = try await app.sendRequest(.GET, "/login")
            #expect(page.headers[.setCookie].contains { $0.hasPrefix(CSRFMiddleware.cookieName + "=") }, "the web still gets one")
        }
    }

    @Test("A role without «Продукты» gets 403 on every operation that needs it")
    func forbiddenWithoutProducts() async throws {
        try await withKabinet { app in
            // given: a custom role that may only see reports
            let role = Role(code: "reporter", name: "Отчёты", isBuiltIn: false,
                permissions: .sections([.reports: [.view]]), scope: .own)
            try await role.create(on: app.db)
            let user = try await app.user("agent")
            user.roleCode = "reporter"
            try await user.save(on: app.db)
            let client = try await APIClient.signedIn(app, as: "agent")

            // when
            let answers = [
                try await client.get("/api/v1/products"), try await client.get("/api/v1/products/product-1"),
                try await client.post("/api/v1/quotes/calculate", json: APISeed.body()),
                try await client.post("/api/v1/quotes", json: APISeed.saveBody()), try await client.get("/api/v1/quotes"),
                try await client.get("/api/v1/quotes/\(UUID())"),
            ]

            // then
            for answer in answers {
                #expect(answer.status == .forbidden && answer.isProblem)
            }
        }
    }

    @Test("A team lead may price but not save (no «Договоры: создание»): 403, nothing stored")
    func teamLeadCannotSave() async throws {
        try await withKabinet { app in
            let client = try await APIClient.signedIn(app, as: "teamlead")

            let priced = try await client.post("/api/v1/quotes/calculate", json: APISeed.body())
            let saved = try await client.post("/api/v1/quotes", json: APISeed.saveBody())

            #expect(priced.status == .ok)
            #expect(saved.status == .forbidden && saved.isProblem)
            #expect(try await SavedQuote.query(on: app.db).count() == 0)
        }
    }

    @Test("Unknown product, unknown quote and a malformed quote id: 404", arguments: [
        "/api/v1/products/no-such-product", "/api/v1/quotes/8d6f2a3e-0000-4000-8000-000000000000", "/api/v1/quotes/not-a-uuid",
    ])
    func notFound(path: String) async throws {
        try await withKabinet { app in
            let answer = try await APIClient.signedIn(app, as: "agent").get(path)

            #expect(answer.status == .notFound && answer.isProblem)
        }
    }

    @Test("Malformed JSON, an empty body or a body that is not an object: 400", arguments: ["{\"productCode\": ", "", "[1, 2]", "null"])
    func malformedJSON(body: String) async throws {
        try await withKabinet { app in
            let answer = try await APIClient.signedIn(app, as: "agent").post("/api/v1/quotes/calculate", json: body)

            #expect(answer.status == .badRequest && answer.isProblem)
        }
    }

    @Test("Well-formed JSON the document refuses: 422 naming the property")
    func schemaViolations() async throws {
        try await withKabinet { app in
            let client = try await APIClient.signedIn(app, as: "agent")
            let cases: [([String: Any?], String, String)] = [
                (["term": "5"], "term", "Неверный тип значения"),
                (["frequency": "weekly"], "frequency", "Недопустимое значение"),
                (["sex": nil], "sex", "Обязательное поле"),
                (["extra": 1], "extra", "Неизвестное поле"),
                (["premium": 100000], "premium", "Неверный тип значения"),
                (["risks": ["survival", 7]], "risks[1]", "Неверный тип значения"),
            ]
            for (override, field, message) in cases {
                let answer = try await client.post("/api/v1/quotes/calculate", json: APISeed.body(override))

                #expect(answer.status == .unprocessableEntity && answer.isProblem, "\(override)")
                #expect(answer.fieldErrors[field] == message, "\(override): \(answer.fieldErrors)")
            }
        }
    }

    @Test("Formats the document promises: ISO days, dot amounts, lengths, page ranges: 422 per field")
    func formats() async throws {
        try await withKabinet { app in
            let client = try await APIClient.signedIn(app, as: "agent")

            let body = try await client.post("/api/v1/quotes/calculate", json: APISeed.body([
                "startDate": SeedExample.start.russian, "premium": "100 000", "birthDate": "1992-1-1",
                "risks": Array(repeating: "survival", count: 51),
            ]))
            let query = try await client.get("/api/v1/quotes?page=0&size=201&product=&name=" + String(repeating: "я", count: 101)
                .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)

            #expect(body.status == .unprocessableEntity)
            #expect(Set(body.fieldErrors.keys) == ["startDate", "premium", "birthDate", "risks"])
            #expect(body.fieldErrors["startDate"]?.contains("ГГГГ-ММ-ДД") == true)
            #expect(query.status == .unprocessableEntity)
            #expect(Set(query.fieldErrors.keys) == ["page", "size", "product", "name"])
        }
    }

    @Test("Methods the document does not list: 405 with Allow", arguments: [
        (HTTPMethod.DELETE, "/api/v1/products", "GET"), (.PUT, "/api/v1/quotes/calculate", "POST"),
        (.GET, "/api/v1/quotes/calculate", "POST"), (.PATCH, "/api/v1/quotes", "GET, POST"), (.POST, "/api/v1/ping", "GET"),
    ])
    func methodNotAllowed(method: HTTPMethod, path: String, allow: String) async throws {
        try await withKabinet { app in
            let answer = try await APIClient.signedIn(app, as: "agent").send(method, path, body: nil)

            #expect(answer.status == .methodNotAllowed && answer.isProblem)
            #expect(answer.headers.first(name: .allow) == allow)
        }
    }

    @Test("Accept without JSON: 406 before anything runs; a body that is not JSON: 415; an oversized body: 413")
    func negotiation() async throws {
        try await withKabinet { app in
            let client = try await APIClient.signedIn(app, as: "agent")

            let html = try await client.post("/api/v1/quotes", json: APISeed.saveBody(), headers: [("Accept", "text/html")])
            let text = try await client.post("/api/v1/quotes/calculate", json: APISeed.body(), headers: [("Content-Type", "text/plain")])
            let huge = try await client.post("/api/v1/quotes/calculate",
                json: APISeed.body(["productCode": String(repeating: "x", count: APIRequestGate.maxBodyBytes)]))

            #expect(html.status == .notAcceptable && html.isProblem)
            #expect(try await SavedQuote.query(on: app.db).count() == 0)
            #expect(text.status == .unsupportedMediaType && text.isProblem)
            #expect(huge.status == .payloadTooLarge && huge.isProblem)
        }
    }

    @Test("Messages follow Accept-Language")
    func english() async throws {
        try await withKabinet { app in
            let client = try await APIClient.signedIn(app, as: "agent")

            let answer = try await client.post("/api/v1/quotes/calculate", json: APISeed.body(["frequency": "weekly"]),
                headers: [("Accept-Language", "en-GB,en;q=0.9")])

            #expect(answer.json["title"] as? String == "Please check the fields.")
            #expect(answer.fieldErrors["frequency"] == "Invalid value")

            // a risk is named in the message's language
            let risks = SeedExample.allRisks.filter { $0 != "survival" }
            let english = try await client.post("/api/v1/quotes/calculate", json: APISeed.body(["risks": risks]),
                headers: [("Accept-Language", "en")])
            let russian = try await client.post("/api/v1/quotes/calculate", json: APISeed.body(["risks": risks]))
            #expect(english.fieldErrors["risks"]?.contains("“Survival with return of contributions”") == true)
            #expect(russian.fieldErrors["risks"]?.contains("Дожитие с возвратом взносов") == true)
        }
    }
}
