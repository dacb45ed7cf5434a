import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

@Suite("Clients: who sees a client base — own base only for agents, 404 for others' clients")
struct ClientAccessTests {
    typealias Example = ClientExample

    @Test("Another agent's client: 404 on every page and action, absent from the list")
    func otherAgent() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let path = try await Example.add(agent, ["comment": "секрет"])
            let id = String(path.split(separator: "/").last!)
            for login in ["agent2", "agent3"] {
                let other = try await Example.logged(app, login)
                // when
                let responses = [
                    try await other.get(path), try await other.get("\(path)/edit"), try await other.get("\(path)/issue"),
                    try await other.post(path, Example.form(["comment": "чужой"])),
                    try await other.post("/clients/delete", [("ids[]", id), ("confirm", "1")]),
                ]
                let list = try await other.get("/clients")
                // then
                #expect(responses.map(\.status) == Array(repeating: .notFound, count: 5), "\(login)")
                #expect(list.status == .ok && !list.text.contains("Иванов Юрий"))
            }
            #expect(try await app.memberships(path).map(\.comment) == ["секрет"])
        }
    }

    @Test("The partner sees the agency's clients; the back office views all; the menu shows «База клиентов»")
    func managersAndBackOffice() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let path = try await Example.add(agent)
            let partner = try await Example.logged(app, "partner")
            let operatorBrowser = try await Example.logged(app, "operator")
            // when
            let partnerPage = try await partner.get(path)
            let operatorPage = try await operatorBrowser.get(path)
            let operatorAdd = try await operatorBrowser.get("/clients/new")
            let home = try await agent.get("/")
            // then
            #expect(partnerPage.status == .ok && operatorPage.status == .ok)
            #expect(try await partner.get("/clients").text.contains("Иванов Юрий Германович"))
            #expect(try await operatorBrowser.get("/clients").text.contains("Иванов Юрий Германович"))
            #expect(operatorAdd.status == .forbidden)
            #expect(!operatorPage.text.contains("data-testid=\"edit\""))
            #expect(home.text.contains("href=\"/clients\""))
        }
    }

    @Test("Editing one's own client: saved with the own comment, audited with before and after")
    func edit() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let path = try await Example.add(agent)
            let form = try await agent.get("\(path)/edit")
            // when
            let saved = try await agent.post(path, Example.form(["email": "new@mail.ru", "comment": "обновлено"]))
            let bad = try await agent.post(path, Example.form(["email": "плохой"]))
            // then
            #expect(form.status == .ok && form.text.contains("value=\"yug@mail.ru\""))
            #expect(saved.status == .seeOther)
            #expect(bad.status == .unprocessableEntity && bad.text.contains("Неверный адрес эл. почты"))
            #expect(try await app.client(path).email == "new@mail.ru")
            #expect(try await app.memberships(path).map(\.comment) == ["обновлено"])
            let audit = try await app.auditEntries("client.updated")
            #expect(audit.count == 1 && (audit.first?.before ?? "").contains("yug@mail.ru"))
        }
    }
}
