import Fluent
import Foundation
import Testing
import Vapor

@testable import Kabinet

@Suite("Lockout after failed logins")
struct LockoutTests {
    @Test("Five wrong passwords lock the account for 15 minutes, even for the right password")
    func lockout() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            for _ in 1...4 {
                let response = try await browser.login("agent", password: "wrong-pass-1")
                #expect(response.text.contains(LoginTests.seedFailure))
            }
            let fifth = try await browser.login("agent", password: "wrong-pass-1")
            #expect(fifth.text.contains("Вход временно заблокирован"))
            let right = try await browser.login("agent")
            #expect(right.status == .unauthorized)
            #expect(right.text.contains("Вход временно заблокирован"))
            let user = try await app.user("agent")
            let until = try #require(user.lockedUntil)
            #expect(abs(until.timeIntervalSinceNow - 900) < 60)
            #expect(try await app.auditEntries("auth.lockout").count == 1)
        }
    }

    @Test("The lock ends by itself after its time")
    func lockExpires() async throws {
        try await withKabinet { app in
            let user = try await app.user("agent")
            user.lockedUntil = Date().addingTimeInterval(-1)
            try await user.save(on: app.db)
            #expect(try await Browser(app).login("agent").status == .seeOther)
        }
    }

    @Test("An administrator can unlock; a partner admin of another agency cannot")
    func unlock() async throws {
        try await withKabinet { app in
            let locked = try await app.user("agent3")
            locked.lockedUntil = Date().addingTimeInterval(900)
            try await locked.save(on: app.db)
            let id = try locked.requireID()

            let partner = Browser(app)
            try await partner.login("partner")
            let refused = try await partner.post("/admin/users/\(id)/unlock")
            #expect(refused.status == .notFound)

            let admin = Browser(app)
            try await admin.login("admin")
            let page = try await admin.get("/admin/users/\(id)")
            #expect(page.text.contains("Снять блокировку входа"))
            let done = try await admin.post("/admin/users/\(id)/unlock")
            #expect(done.status == .seeOther)
            #expect(try await app.user("agent3").lockedUntil == nil)
            #expect(try await app.auditEntries("user.unlocked").count == 1)
            #expect(try await Browser(app).login("agent3").status == .seeOther)
        }
    }

    @Test("A blocked user cannot log in and loses open sessions")
    func blocked() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent2")
            let admin = Browser(app)
            try await admin.login("admin")
            let id = try await app.user("agent2").requireID()
            #expect(try await admin.post("/admin/users/\(id)/block").status == .seeOther)
            #expect(try await agent.get("/").status == .seeOther, "the open session ended")
            let retry = try await Browser(app).login("agent2")
            #expect(retry.text.contains("Учётная запись заблокирована"))
            #expect(try await admin.post("/admin/users/\(id)/unblock").status == .seeOther)
            #expect(try await Browser(app).login("agent2").status == .seeOther)
        }
    }
}
