import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Notifications: once per event, by e-mail when chosen")
struct NotificationDeliveryTests {
    @Test("A contract signed or paid twice notifies its owner once each")
    func contractEventsOnce() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let contract = try await app.contract(try await ApplicationExample.signedContract(agent, app))
            // when
            for _ in 0..<2 {
                try await ContractEventNotifications.signed(contract, on: app.db)
                try await ContractEventNotifications.paid(contract, on: app.db)
            }
            // then
            #expect(try await app.notifications(of: "agent", kind: "contract.signed").count == 1)
            #expect(try await app.notifications(of: "agent", kind: "contract.paid").count == 1)
            #expect(try await app.notifications(of: "agent2").isEmpty)
            let page = try await agent.get("/notifications")
            #expect(page.text.contains("Договор № \(contract.number!) подписан"))
            #expect(page.text.contains("data-testid=\"unread\">2<"))
        }
    }

    @Test("A repeated status notice for an application is not delivered twice")
    func applicationStatusOnce() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            let (path, _) = try await ApplicationExample.filedChange(agent, app)
            let application = try await app.application(path)
            application.status = ApplicationStatus.inProgress.rawValue
            for _ in 0..<3 { try await ApplicationNotices(database: app.db).statusChanged(application, comment: nil) }
            #expect(try await app.notifications(of: "agent", kind: "application.status").count == 1)
        }
    }

    @Test("Only the kinds a user chose come by e-mail too, in the same transaction as the notification")
    func emailPreference() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let saved = try await agent.post("/notifications/settings", [("email[]", "contract.signed"), ("email[]", "blanks.low")])
            let contract = try await app.contract(try await ApplicationExample.signedContract(agent, app))
            // when
            try? await app.db.transaction { db in
                try await ContractEventNotifications.signed(contract, on: db)
                throw TestFailure("rolled back")
            }
            let afterRollback = try await app.outboxMessages(to: "agent@kabinet.local").count
            try await ContractEventNotifications.signed(contract, on: app.db)
            try await ContractEventNotifications.signed(contract, on: app.db)
            try await ContractEventNotifications.paid(contract, on: app.db)
            // then
            #expect(saved.status == .seeOther)
            let choices = try await NotificationPreference.query(on: app.db).all()
            #expect(choices.map(\.kind) == ["contract.signed"])
            #expect(afterRollback == 0)
            #expect(try await app.notifications(of: "agent", kind: "contract.signed").count == 1)
            #expect(try await app.notifications(of: "agent", kind: "contract.paid").count == 1)
            let mail = try await app.outboxMessages(to: "agent@kabinet.local")
            #expect(mail.count == 1)
            #expect(mail.first?.subject == "Договор № \(contract.number!) подписан")
            #expect(mail.first?.body.contains("/contracts/\(try contract.requireID())") == true)
            #expect(try await app.auditEntries("notifications.preferences").count == 1)
            let settings = try await agent.get("/notifications/settings").text
            #expect(settings.contains("value=\"contract.signed\" checked"))
            #expect(settings.contains("value=\"contract.paid\"  aria-label"))
            #expect(!settings.contains("blanks.low"))
        }
    }

    @Test("The bell page filters by kind and unread; «read all» clears the bell")
    func listFilters() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let contract = try await app.contract(try await ApplicationExample.signedContract(agent, app))
            try await ContractEventNotifications.signed(contract, on: app.db)
            try await ContractEventNotifications.paid(contract, on: app.db)
            let paid = try #require(try await app.notifications(of: "agent", kind: "contract.paid").first?.id)
            try await agent.post("/notifications/\(paid)/open")
            // when
            let signedOnly = try await agent.get("/notifications?kind=contract.signed").text
            let unread = try await agent.get("/notifications?unread=1").text
            let bad = try await agent.get("/notifications?kind=blanks.low")
            try await agent.post("/notifications/read-all")
            // then
            #expect(signedOnly.contains("подписал договор") && !signedOnly.contains("Поступила оплата"))
            #expect(unread.contains("подписал договор") && !unread.contains("Поступила оплата"))
            #expect(bad.status == .ok)
            #expect(!(try await agent.get("/").text.contains("data-testid=\"unread\"")))
        }
    }
}
