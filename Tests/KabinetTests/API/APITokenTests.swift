import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("API tokens: created on the profile page, shown once, stored hashed, revoked")
struct APITokenTests {
    /// The secret on the page right after «Создать токен».
    static func secret(in page: String) throws -> String {
        let secret = try PageText.element("token-secret", in: page)
        guard secret.hasPrefix("kab_"), secret.dropFirst(4).allSatisfy({ $0.isLetter || $0.isNumber || "_-".contains($0) })
        else { throw TestFailure("not a token: \(secret)") }
        return secret
    }

    @Test("The profile creates a token, shows it once, stores only its hash and audits it")
    func createShowsOnce() async throws {
        try await withKabinet { app in
            // given
            let browser = Browser(app)
            try await browser.login("agent")

            // when
            let created = try await browser.post("/profile/tokens", [("name", "Интеграция с 1С")])
            let secret = try Self.secret(in: created.text)
            let later = try await browser.get("/profile")

            // then
            #expect(created.status == .ok)
            #expect(created.headers.first(name: .cacheControl) == "no-store")
            #expect(created.text.contains("Токен «Интеграция с 1С» создан"))
            #expect(!later.text.contains(secret))
            #expect(later.text.contains("Интеграция с 1С") && later.text.contains("не использовался"))
            let stored = try #require(try await APIToken.query(on: app.db).first())
            #expect(stored.tokenHash == SecretToken.hash(secret) && stored.tokenHash != secret)
            let agentID = try await app.user("agent").requireID()
            #expect(stored.$user.id == agentID)
            #expect(try await app.auditEntries("api_token.created").count == 1)
            let entry = try #require(try await app.auditEntries("api_token.created").first)
            #expect(!(entry.after ?? "").contains(secret))
        }
    }

    @Test("A token authenticates the API as its owner and records when it was last used")
    func tokenAuthenticates() async throws {
        try await withKabinet { app in
            // given
            let client = try await APIClient.signedIn(app, as: "agent")

            // when
            let products = try await client.get("/api/v1/products")

            // then
            #expect(products.status == .ok)
            #expect((products.json["items"] as? [Any])?.count == 15)
            #expect(try await APIToken.query(on: app.db).first()?.lastUsedAt != nil)
        }
    }

    @Test("«Отозвать» revokes the token: the API answers 401 from then on, and the revocation is audited")
    func revokeThen401() async throws {
        try await withKabinet { app in
            // given
            let browser = Browser(app)
            try await browser.login("agent")
            let secret = try Self.secret(in: try await browser.post("/profile/tokens", [("name", "скрипт")]).text)
            let client = APIClient(app: app, token: secret)
            #expect(try await client.get("/api/v1/products").status == .ok)
            let id = try #require(try await APIToken.query(on: app.db).first()?.requireID())

            // when
            let revoked = try await browser.post("/profile/tokens/\(id)/revoke")

            // then
            #expect(revoked.status == .seeOther)
            let answer = try await client.get("/api/v1/products")
            #expect(answer.status == .unauthorized && answer.isProblem)
            #expect(try await APIToken.query(on: app.db).count() == 0)
            #expect(try await app.auditEntries("api_token.revoked").count == 1)
        }
    }

    @Test("Another user's token cannot be revoked: 404, and it keeps working")
    func othersTokenIsNotFound() async throws {
        try await withKabinet { app in
            // given
            let owner = try await APIClient.signedIn(app, as: "agent")
            let id = try #require(try await APIToken.query(on: app.db).first()?.requireID())
            let other = Browser(app)
            try await other.login("agent2")

            // when
            let answer = try await other.post("/profile/tokens/\(id)/revoke")

            // then
            #expect(answer.status == .notFound)
            #expect(try await owner.get("/api/v1/products").status == .ok)
        }
    }

    @Test("A token needs a name of at most 100 characters; nothing is created otherwise", arguments: ["", "   ", String(repeating: "я", count: 101)])
    func nameIsChecked(name: String) async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.login("agent")

            let page = try await browser.post("/profile/tokens", [("name", name)])

            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("field-error"))
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }

    @Test("A blocked user's token stops working")
    func blockedUser() async throws {
        try await withKabinet { app in
            // given
            let client = try await APIClient.signedIn(app, as: "agent")
            let user = try await app.user("agent")
            user.status = .blocked
            try await user.save(on: app.db)

            // when
            let answer = try await client.get("/api/v1/products")

            // then
            #expect(answer.status == .unauthorized)
        }
    }

    @Test("Blocking a user through administration stops their token at once, even right after a cached call")
    func blockedThroughAdministration() async throws {
        try await withKabinet { app in
            // given: a call that puts the token's actor in the short-lived cache
            let client = try await APIClient.signedIn(app, as: "agent")
            #expect(try await client.get("/api/v1/products").status == .ok)
            let admin = Browser(app)
            try await admin.login("admin")
            // when
            let id = try await app.user("agent").requireID()
            #expect(try await admin.post("/admin/users/\(id)/block").status == .seeOther)
            // then
            #expect(try await client.get("/api/v1/products").status == .unauthorized)
        }
    }

    @Test("The token cache forgets an actor after its lifetime")
    func cacheExpires() async throws {
        try await withKabinet { app in
            let actor = try await ActorLoader.load(try await app.user("agent"), sessionID: nil, on: app.db)
            let cache = APIActorCache()
            let now = Date()
            cache.remember(actor, forTokenHash: "h", now: now)
            #expect(cache.actor(forTokenHash: "h", now: now.addingTimeInterval(1))?.userID == actor.userID)
            #expect(cache.actor(forTokenHash: "h", now: now.addingTimeInterval(APIActorCache.lifetime + 1)) == nil)
        }
    }

    @Test("The API ignores the session cookie: a logged-in browser without a token gets 401")
    func sessionCookieDoesNotAuthenticate() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.login("agent")

            let answer = try await browser.get("/api/v1/products", accept: "application/json")

            #expect(answer.status == .unauthorized)
        }
    }
}
