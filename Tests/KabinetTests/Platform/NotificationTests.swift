import Fluent
import Foundation
import Testing
import Vapor

@testable import Kabinet

@Suite("Notifications under the bell")
struct NotificationTests {
    @Test("A lockout notifies the account's owner; the bell counts it until it is opened")
    func lockoutNotification() async throws {
        try await withKabinet { app in
            // given
            for _ in 1...5 { try await Browser(app).login("agent", password: "wrong-pass-1") }
            let agent = try await app.user("agent")
            agent.lockedUntil = nil
            try await agent.save(on: app.db)
            let browser = Browser(app)
            try await browser.login("agent")
            // when
            let home = try await browser.get("/")
            let list = try await browser.get("/notifications")
            // then
            #expect(home.text.contains("data-testid=\"unread\">1<"))
            #expect(list.text.contains("Вход в учётную запись заблокирован"))
            let id = try #require(try await Notification.query(on: app.db).first()?.id)
            let opened = try await browser.post("/notifications/\(id)/open")
            #expect(opened.location == "/profile")
            #expect(!(try await browser.get("/").text.contains("data-testid=\"unread\"")))
        }
    }

    @Test("Nobody opens another user's notification")
    func foreign() async throws {
        try await withKabinet { app in
            let agent = try await app.user("agent")
            try await Notifier(database: app.db).notify(
                try agent.requireID(), kind: "test", titleKey: "notification.lockout.title", bodyKey: "notification.lockout.body", link: "/")
            let id = try #require(try await Notification.query(on: app.db).first()?.id)
            let other = Browser(app)
            try await other.login("agent2")
            #expect(try await other.post("/notifications/\(id)/open").status == .notFound)
            #expect(try await Notification.find(id, on: app.db)?.readAt == nil)
            #expect(!(try await other.get("/notifications").text.contains("заблокирован")))
        }
    }

    @Test("A message that finally fails is announced to the administrators, in their language")
    func outboxFailureNotifiesAdmins() async throws {
        try await withKabinet { app in
            app.transports.email = FlakyEmailTransport(failures: 100)
            try await Outbox(database: app.db).email(to: "client@example.ru", subject: "S", text: "T")
            for _ in 0..<Outbox.maxAttempts {
                try await Job.query(on: app.db).filter(\.$status == "queued").set(\.$runAt, to: Date()).update()
                try await app.drainJobs()
            }
            let admin = Browser(app)
            try await admin.login("admin")
            let page = try await admin.get("/notifications")
            #expect(page.text.contains("Сообщение не доставлено"))
            #expect(page.text.contains("client@example.ru"))
            try await admin.post("/language", [("locale", "en"), ("back", "/notifications")])
            #expect(try await admin.get("/notifications").text.contains("Message not delivered"))
            let agent = Browser(app)
            try await agent.login("agent")
            #expect(!(try await agent.get("/notifications").text.contains("client@example.ru")))
        }
    }
}
