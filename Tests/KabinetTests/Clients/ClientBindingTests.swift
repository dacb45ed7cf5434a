import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

@Suite("Clients: seed 002 rules — one person in many bases, binding after a sale, the lock for other agents")
struct ClientBindingTests {
    typealias Example = ClientExample

    /// `agent` adds the example client with the confirmed phone, `agent2` adds the same person without one, then
    /// `agent` issues the contract example to him and it is signed.
    static func soldByAgent(_ app: Application) async throws -> (path: String, agent: Browser, agent2: Browser, card: String) {
        let agent = try await Example.logged(app, "agent")
        let agent2 = try await Example.logged(app, "agent2")
        let path = try await Example.addWithPhone(agent, app, ["comment": "мой клиент"])
        _ = try await Example.add(agent2, ["comment": "клиент Марии"])
        let card = try await ContractExample.issue(agent)
        try await app.setState(card, ContractState(status: .signed))
        return (path, agent, agent2, card)
    }

    @Test("Many agents add the same person: one record, each agent's own comment")
    func sameClientInManyBases() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let agent2 = try await Example.logged(app, "agent2")
            let agent3 = try await Example.logged(app, "agent3")
            let first = try await Example.add(agent, ["comment": "от агента 1"])
            // when
            let second = try await agent2.post("/clients", Example.form(["comment": "от агента 2", "lastName": "ИВАНОВ"]))
            let third = try await Example.add(agent3, ["comment": "от агента 3"])
            let again = try await agent.post("/clients", Example.form(["comment": "ещё раз"]))
            // then
            #expect(try Example.location(of: second) == first && third == first)
            #expect(again.location == first)
            #expect(try await app.clients().count == 1)
            #expect(try await app.memberships(first).map(\.comment).sorted() == ["от агента 1", "от агента 2", "от агента 3"])
            #expect(try await agent2.get(first).text.contains("от агента 2"))
            #expect(!(try await agent2.get(first).text.contains("от агента 1")))
            #expect(try await app.auditEntries("client.joined").count == 2)
        }
    }

    @Test("A confirmed phone is the person: the same phone joins the record; with another name it is refused")
    func phoneIsThePerson() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let agent2 = try await Example.logged(app, "agent2")
            let path = try await Example.addWithPhone(agent, app)
            try await app.ageClientCodes()
            // when
            let same = try await Example.addWithPhone(agent2, app, ["documentKind": "passport", "documentNumber": "1010 101010"])
            try await app.ageClientCodes()
            try await Example.confirm(agent, ["lastName": "Сидоров"])
            let code = try await Example.code(app)
            let clash = try await agent.post("/clients", Example.form([
                "lastName": "Сидоров", "withPhone": "1", "phone": Example.phone, "code": code]))
            // then
            #expect(same == path)
            #expect(try await app.client(path).documentNumber == "1010 101010")
            #expect(clash.status == .unprocessableEntity && clash.text.contains("Этот номер уже подтверждён у другого клиента"))
            #expect(try await app.clients().count == 1)
            // The refused save did not use the code up.
            #expect(try await ClientPhoneCode.query(on: app.db).filter(\.$usedAt == nil).count() == 1)
        }
    }

    @Test("After a sale to a client with a confirmed phone: bound to the seller; the others cannot edit or issue, and see why")
    func boundAfterSale() async throws {
        try await withKabinet { app in
            // given
            let (path, agent, agent2, card) = try await Self.soldByAgent(app)
            // when
            let own = try await agent.get(path)
            let other = try await agent2.get(path)
            let edit = try await agent2.get("\(path)/edit")
            let update = try await agent2.post(path, Example.form(["comment": "x"]))
            let issue = try await agent2.get("\(path)/issue")
            // then
            let client = try await app.client(path)
            #expect(client.boundAgentID == (try await app.user("agent")).id)
            #expect(own.text.contains("data-testid=\"client-bound\"") && own.text.contains("data-testid=\"issue\""))
            #expect(own.text.contains(String(card.split(separator: "/").last!)))
            #expect(other.status == .ok && other.text.contains("Клиент закреплён за другим агентом"))
            #expect(other.text.contains("оформить полис в другой системе можно"))
            #expect(!other.text.contains("data-testid=\"edit\"") && !other.text.contains("data-testid=\"issue\""))
            #expect(edit.status == .conflict && update.status == .conflict && issue.status == .conflict)
            #expect(try await app.client(path).email == "yug@mail.ru")
            #expect(try await app.auditEntries("client.bound").count == 1)
            let list = try await agent2.get("/clients")
            #expect(list.text.contains("Закреплён за другим агентом"))
        }
    }

    @Test("A bound client cannot be issued a contract by another agent through «Продукты» either; the seller can")
    func lockedForIssueThroughProducts() async throws {
        try await withKabinet { app in
            // given the client bound to agent
            let (path, agent, agent2, _) = try await Self.soldByAgent(app)
            try await agent.get(path)
            let before = try await app.contracts().count
            // when agent2 prices and issues a contract to the same person
            let quote = try await ContractExample.quote(agent2)
            let refused = try await agent2.post("/contracts/new", ContractExample.form(quote: quote))
            // then
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("закреплён за другим агентом"))
            #expect(try await app.contracts().count == before)
            _ = try await ContractExample.issue(agent)
            #expect(try await app.contracts().count == before + 1)
        }
    }

    @Test("A sale to a client whose phone was not confirmed binds nobody")
    func noBindingWithoutPhone() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let agent2 = try await Example.logged(app, "agent2")
            let path = try await Example.add(agent)
            _ = try await Example.add(agent2)
            let card = try await ContractExample.issue(agent)
            try await app.setState(card, ContractState(status: .signed))
            // when
            let other = try await agent2.get(path)
            // then
            #expect(try await app.client(path).boundAgentID == nil)
            #expect(!other.text.contains("Клиент закреплён за другим агентом") && other.text.contains("data-testid=\"edit\""))
            #expect(other.text.contains("Действующий"))
        }
    }

    @Test("A draft is not a sale: the client stays everyone's")
    func draftIsNotASale() async throws {
        try await withKabinet { app in
            let agent = try await Example.logged(app, "agent")
            let agent2 = try await Example.logged(app, "agent2")
            let path = try await Example.addWithPhone(agent, app)
            _ = try await Example.add(agent2)
            _ = try await ContractExample.issue(agent)
            let other = try await agent2.get(path)
            #expect(try await app.client(path).boundAgentID == nil)
            #expect(other.text.contains("Потенциальный") && other.text.contains("data-testid=\"issue\""))
        }
    }
}
