import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

@Suite("Clients: «Удалить» — only potential clients, one or many, after «Вы уверены?»")
struct ClientDeletionTests {
    typealias Example = ClientExample

    @Test("«Вы уверены?» first; «Удалить» then removes all the ticked potential clients")
    func deleteMany() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let first = try await Example.add(agent)
            let second = try await Example.add(agent, ["lastName": "Булгаков", "firstName": "Сергей", "middleName": "Александрович"])
            let ids = [first, second].map { ("ids[]", String($0.split(separator: "/").last!)) }
            // when
            let ask = try await agent.post("/clients/delete", ids)
            let countAfterAsk = try await app.clients().count
            let done = try await agent.post("/clients/delete", ids + [("confirm", "1")])
            // then
            #expect(ask.status == .ok && ask.text.contains("Вы уверены?") && ask.text.contains("Подтвердите удаление выбранных клиентов"))
            #expect(ask.text.contains("Булгаков Сергей Александрович") && ask.text.contains("Отмена"))
            #expect(countAfterAsk == 2)
            #expect(done.status == .seeOther)
            #expect(try await app.clients().isEmpty)
            #expect(try await app.auditEntries("client.deleted").count == 2)
        }
    }

    @Test("A client with a policy sold cannot be deleted, and a batch with one is refused whole")
    func soldClientStays() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let sold = try await Example.add(agent)
            let potential = try await Example.add(agent, ["lastName": "Булгаков", "firstName": "Сергей", "middleName": "Александрович"])
            let card = try await ContractExample.issue(agent)
            try await app.setState(card, ContractState(status: .signed))
            _ = try await agent.get(sold)
            let ids = [sold, potential].map { ("ids[]", String($0.split(separator: "/").last!)) }
            // when
            let refused = try await agent.post("/clients/delete", ids + [("confirm", "1")])
            // then
            #expect(refused.status == .conflict && refused.text.contains("Удалить можно только потенциальных клиентов"))
            #expect(try await app.clients().count == 2)
            #expect(try await app.auditEntries("client.deleted").isEmpty)
        }
    }

    @Test("Deleting a shared client takes it out of one's own base only")
    func sharedClient() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let agent2 = try await Example.logged(app, "agent2")
            let path = try await Example.add(agent)
            _ = try await Example.add(agent2, ["comment": "остаётся"])
            // when
            let done = try await agent.post("/clients/delete", [("ids[]", String(path.split(separator: "/").last!)), ("confirm", "1")])
            // then
            #expect(done.status == .seeOther)
            #expect(try await agent.get(path).status == .notFound)
            #expect(try await agent2.get(path).status == .ok)
            #expect(try await app.memberships(path).map(\.comment) == ["остаётся"])
        }
    }
}
