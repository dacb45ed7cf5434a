import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Kabinet

@Suite("Login")
struct LoginTests {
    static let seedFailure = "Неверный логин или пароль. Введите корректный логин/пароль или воспользуйтесь функцией восстановления доступа."

    @Test("The login page shows the seed's fields")
    func loginPage() async throws {
        try await withKabinet { app in
            let page = try await Browser(app).get("/login")
            #expect(page.status == .ok)
            for text in ["Логин", "Пароль", "Запомнить", "Войти", "Восстановить доступ"] {
                #expect(page.text.contains(text), "missing \(text)")
            }
        }
    }

    @Test("A right login and password open the start page with the user's tiles")
    func success() async throws {
        try await withKabinet { app in
            // given
            let browser = Browser(app)
            // when
            let response = try await browser.login("agent")
            // then
            #expect(response.status == .seeOther)
            #expect(response.location == "/")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("data-testid=\"tile\""))
            #expect(home.text.contains("Иванов Иван Иванович"))
            #expect(!home.text.contains("/admin\""), "an agent sees no administration tile")
            #expect(try await app.auditEntries("auth.login").count == 1)
        }
    }

    @Test("Login is case-insensitive in the login and ignores surrounding spaces")
    func loginNormalised() async throws {
        try await withKabinet { app in
            let response = try await Browser(app).login("  AGENT ")
            #expect(response.status == .seeOther)
        }
    }

    @Test("A wrong password, an unknown login and empty fields all get the same seed message", arguments: [
        ("agent", "wrong-password1"), ("nobody", DemoData.password), ("agent", ""), ("", ""),
    ])
    func failures(login: String, password: String) async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            let response = try await browser.login(login, password: password)
            #expect(response.status == .unauthorized)
            #expect(response.text.contains(Self.seedFailure))
            #expect(browser.cookies[SessionStore.cookieName] == nil)
            #expect(try await browser.get("/").location?.hasPrefix("/login") == true)
        }
    }

    @Test("A failed login is in the audit trail without the password")
    func failureAudited() async throws {
        try await withKabinet { app in
            try await Browser(app).login("agent", password: "Secret-guess-42")
            let entries = try await app.auditEntries("auth.login_failed")
            #expect(entries.count == 1)
            #expect(!(entries[0].summary.contains("Secret-guess-42")))
        }
    }

    @Test("Pages behind the login send visitors to the login page and back")
    func redirectToLogin() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            let response = try await browser.get("/profile")
            #expect(response.status == .seeOther)
            #expect(response.location == "/login?next=%2Fprofile")
            let login = try await browser.get("/login?next=%2Fprofile")
            #expect(login.text.contains("value=\"/profile\""))
        }
    }

    @Test("The return path after login never leaves the site")
    func noOpenRedirect() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.get("/login")
            let response = try await browser.post("/login", [("login", "agent"), ("password", DemoData.password), ("next", "//evil.example")])
            #expect(response.location == "/")
        }
    }

    @Test("Logout ends the session on the server")
    func logout() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.login("agent")
            let token = try #require(browser.cookies[SessionStore.cookieName])
            let response = try await browser.post("/logout")
            #expect(response.location == "/login")
            #expect(try await SessionStore.resolve(token: token, on: app.db) == nil)
            browser.setCookie(SessionStore.cookieName, token)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("«Запомнить» keeps the session 30 days; without it the cookie ends with the browser")
    func rememberMe() async throws {
        try await withKabinet { app in
            let remembered = try await Browser(app).login("agent", remember: true)
            let rememberedCookie = remembered.headers[.setCookie].first { $0.hasPrefix(SessionStore.cookieName) } ?? ""
            #expect(rememberedCookie.contains("Max-Age=2592000"))
            let plain = try await Browser(app).login("agent2")
            let plainCookie = plain.headers[.setCookie].first { $0.hasPrefix(SessionStore.cookieName) } ?? ""
            #expect(!plainCookie.contains("Max-Age"))
            #expect(!plainCookie.contains("Expires"))
            let sessions = try await UserSession.query(on: app.db).all()
            let long = try #require(sessions.first { $0.remember })
            #expect(long.expiresAt.timeIntervalSinceNow > 29 * 24 * 3600)
            let short = try #require(sessions.first { !$0.remember })
            #expect(short.expiresAt.timeIntervalSinceNow < 13 * 3600)
        }
    }

    @Test("An expired session no longer logs anyone in")
    func expiredSession() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.login("agent")
            try await UserSession.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("Only a hash of the session token is stored")
    func sessionTokenHashed() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.login("agent")
            let token = try #require(browser.cookies[SessionStore.cookieName])
            let stored = try await UserSession.query(on: app.db).all().map(\.tokenHash)
            #expect(!stored.contains(token))
            #expect(stored.contains(SecretToken.hash(token)))
        }
    }
}
