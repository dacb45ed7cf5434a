import Foundation
import Testing
import Vapor

@testable import Kabinet

@Suite("CSRF protection")
struct CSRFTests {
    @Test("A form without the token, or with a wrong one, is refused and changes nothing")
    func refused() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.get("/login")
            let missing = try await browser.post("/login", [("login", "agent"), ("password", DemoData.password)], withCSRF: false)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("Страница устарела"))
            let wrong = try await browser.post("/login", [("login", "agent"), ("password", DemoData.password)], csrf: String(repeating: "x", count: 43))
            #expect(wrong.status == .forbidden)
            #expect(try await app.auditEntries("auth.login").isEmpty)
        }
    }

    @Test("A logged-in user's state-changing form needs the token too")
    func loggedIn() async throws {
        try await withKabinet { app in
            let admin = Browser(app)
            try await admin.login("admin")
            let id = try await app.user("agent").requireID()
            let forged = try await admin.post("/admin/users/\(id)/block", withCSRF: false)
            #expect(forged.status == .forbidden)
            #expect(try await app.user("agent").status == .active)
        }
    }

    @Test("Cookies are HttpOnly and SameSite; pages carry security headers")
    func cookieFlags() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            let page = try await browser.get("/login")
            let csrfCookie = try #require(page.headers[.setCookie].first { $0.hasPrefix(CSRFMiddleware.cookieName) })
            #expect(csrfCookie.contains("HttpOnly"))
            #expect(csrfCookie.contains("SameSite=Lax"))
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
        }
    }

    @Test("With an https base URL, cookies are Secure")
    func secureCookies() async throws {
        try await withKabinet(settings: try testSettings(["KABINET_BASE_URL": "https://kabinet.example"])) { app in
            let response = try await Browser(app).login("agent")
            let session = try #require(response.headers[.setCookie].first { $0.hasPrefix(SessionStore.cookieName) })
            #expect(session.contains("Secure"))
        }
    }
}
