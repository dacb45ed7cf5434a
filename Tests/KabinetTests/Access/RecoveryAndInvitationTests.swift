import Fluent
import Foundation
import Testing
import Vapor

@testable import Kabinet

/// Finds the link with `path` in the newest e-mail to `recipient`.
func emailedLink(in app: Application, to recipient: String, path: String) async throws -> String {
    let messages = try await app.outboxMessages(to: recipient)
    let body = try #require(messages.last?.body)
    let word = try #require(body.split(whereSeparator: { $0.isWhitespace }).first { $0.contains(path) })
    return String(word).replacingOccurrences(of: "http://kabinet.test", with: "")
}

@Suite("Password recovery and invitations")
struct RecoveryAndInvitationTests {
    @Test("Recovery: e-mailed link, new password, old password stops working, link single-use")
    func recovery() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.get("/recover")
            let answer = try await browser.post("/recover", [("login", "agent")])
            #expect(answer.text.contains("Если такая учётная запись существует"))
            let path = try await emailedLink(in: app, to: "agent@kabinet.local", path: "/reset/")
            let form = try await browser.get(path)
            #expect(form.status == .ok)
            #expect(form.text.contains("Логин: agent"))
            let done = try await browser.post(path, [("password", "NewPass2025"), ("confirmation", "NewPass2025")])
            #expect(done.location == "/login")
            #expect(try await Browser(app).login("agent").status == .unauthorized)
            #expect(try await Browser(app).login("agent", password: "NewPass2025").status == .seeOther)
            let reused = try await browser.post(path, [("password", "Other2025x"), ("confirmation", "Other2025x")])
            #expect(reused.status == .gone)
            #expect(reused.text.contains("Ссылка уже использована"))
            #expect(try await app.auditEntries("auth.password_reset").count == 1)
        }
    }

    @Test("Account letters come from the localisation table in the user's chosen language, Russian by default")
    func lettersInTheUsersLanguage() async throws {
        try await withKabinet { app in
            // given one user who chose English and one who chose nothing
            let english = try await app.user("agent2")
            english.locale = "en"
            try await english.save(on: app.db)

            // when both ask for recovery
            for login in ["agent", "agent2"] { try await Browser(app).post("/recover", [("login", login)]) }

            // then
            let russian = try #require(try await app.outboxMessages(to: "agent@kabinet.local").last)
            let translated = try #require(try await app.outboxMessages(to: english.email).last)
            let company = app.settings.companyName
            #expect(russian.subject == "\(company): восстановление доступа")
            #expect(russian.body.hasPrefix("Здравствуйте, \(try await app.user("agent").fullName)!"))
            #expect(russian.body.contains("Логин: agent\n") && russian.body.contains("http://kabinet.test/reset/"))
            #expect(translated.subject == "\(company): access recovery")
            #expect(translated.body.contains("Login: agent2\n") && translated.body.contains("valid for 1 hour"))
            #expect(translated.body.contains("http://kabinet.test/reset/"))
            // no argument left unfilled, in either language
            for letter in [russian, translated] { #expect(!letter.body.contains("{") && !letter.subject.contains("{")) }
        }
    }

    @Test("Recovery answers the same whether or not the login exists, and sends nothing for an unknown one")
    func noEnumeration() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.get("/recover")
            let known = try await browser.post("/recover", [("login", "agent")])
            let unknown = try await browser.post("/recover", [("login", "nobody-here")])
            #expect(known.status == unknown.status)
            #expect(known.text.replacingOccurrences(of: browser.csrf ?? "", with: "") == unknown.text.replacingOccurrences(of: browser.csrf ?? "", with: ""))
            #expect(try await OutboxMessage.query(on: app.db).count() == 1)
        }
    }

    @Test("A recovery link expires after an hour; only a hash of it is stored")
    func recoveryExpires() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.get("/recover")
            try await browser.post("/recover", [("login", "agent@kabinet.local")])
            let path = try await emailedLink(in: app, to: "agent@kabinet.local", path: "/reset/")
            let secret = String(path.dropFirst("/reset/".count))
            let token = try #require(try await LinkToken.query(on: app.db).first())
            #expect(token.tokenHash == SecretToken.hash(secret))
            #expect(abs(token.expiresAt.timeIntervalSinceNow - 3600) < 60)
            token.expiresAt = Date().addingTimeInterval(-1)
            try await token.save(on: app.db)
            let page = try await browser.get(path)
            #expect(page.status == .gone)
            #expect(page.text.contains("Срок действия ссылки истёк"))
            // and the way on: a new link, or back to the login page
            #expect(page.text.contains("<a href=\"/recover\">") && page.text.contains("<a href=\"/login\">"))
            let post = try await browser.post(path, [("password", "NewPass2025"), ("confirmation", "NewPass2025")])
            #expect(post.status == .gone)
            #expect(try await Browser(app).login("agent").status == .seeOther, "the old password still works")
        }
    }

    @Test("A weak or mismatched new password is refused with a message next to the field", arguments: [
        ("short1", "short1", "слишком короткий"), ("onlyletters", "onlyletters", "и буквы, и цифры"),
        ("Good2025pass", "Good2025pasz", "не совпадают"), ("agent2025x", "agent2025x", "не должен содержать логин"),
    ])
    func weakPassword(password: String, confirmation: String, message: String) async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.get("/recover")
            try await browser.post("/recover", [("login", "agent")])
            let path = try await emailedLink(in: app, to: "agent@kabinet.local", path: "/reset/")
            let response = try await browser.post(path, [("password", password), ("confirmation", confirmation)])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(message))
            #expect(try await Browser(app).login("agent").status == .seeOther, "nothing changed")
        }
    }

    @Test("Invitation: an admin creates a user, who sets a password from the e-mailed link and logs in")
    func invitation() async throws {
        try await withKabinet { app in
            let admin = Browser(app)
            try await admin.login("admin")
            let created = try await admin.post("/admin/users", [
                ("login", "newagent"), ("fullName", "Новиков Олег"), ("email", "novikov@example.ru"), ("role", "agent"),
            ])
            #expect(created.status == .seeOther)
            let user = try await app.user("newagent")
            #expect(user.status == .invited)
            #expect(try await Browser(app).login("newagent", password: "anything1").status == .unauthorized)
            let path = try await emailedLink(in: app, to: "novikov@example.ru", path: "/invite/")
            let invited = Browser(app)
            #expect(try await invited.get(path).text.contains("Приглашение в личный кабинет"))
            let done = try await invited.post(path, [("password", "Welcome2025"), ("confirmation", "Welcome2025")])
            #expect(done.location == "/login")
            #expect(try await app.user("newagent").status == .active)
            #expect(try await Browser(app).login("newagent", password: "Welcome2025").status == .seeOther)
            #expect(try await invited.get(path).status == .gone, "the link is single-use")
            #expect(try await app.auditEntries("user.created").count == 1)
        }
    }

    @Test("Resending an invitation makes the earlier link stop working; expired invitations are refused")
    func reinvite() async throws {
        try await withKabinet { app in
            let admin = Browser(app)
            try await admin.login("admin")
            try await admin.post("/admin/users", [("login", "late"), ("fullName", "Поздний"), ("email", "late@example.ru"), ("role", "agent")])
            let first = try await emailedLink(in: app, to: "late@example.ru", path: "/invite/")
            let id = try await app.user("late").requireID()
            #expect(try await admin.post("/admin/users/\(id)/invite").status == .seeOther)
            let second = try await emailedLink(in: app, to: "late@example.ru", path: "/invite/")
            #expect(first != second)
            #expect(try await Browser(app).get(first).status == .gone)
            #expect(try await Browser(app).get(second).status == .ok)
            try await LinkToken.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            #expect(try await Browser(app).get(second).text.contains("Срок действия ссылки истёк"))
        }
    }

    @Test("Creating a user with bad input shows each problem and saves nothing")
    func badUser() async throws {
        try await withKabinet { app in
            let admin = Browser(app)
            try await admin.login("admin")
            let before = try await User.query(on: app.db).count()
            let response = try await admin.post("/admin/users", [
                ("login", "agent"), ("fullName", ""), ("email", "not-an-email"), ("role", "nope"),
            ])
            #expect(response.status == .unprocessableEntity)
            for message in ["Такой логин уже занят", "Обязательное поле", "корректный e-mail", "Выберите роль"] {
                #expect(response.text.contains(message), "missing \(message)")
            }
            #expect(try await User.query(on: app.db).count() == before)
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)
        }
    }
}
