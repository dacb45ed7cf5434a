import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Contracts: nobody sees or changes a contract that is not theirs to see — 404, never 403")
struct ContractAccessTests {
    typealias Example = ContractExample

    @Test("Another agent guessing the id gets 404 for the card, the form and every status change", arguments: ["agent3", "agent2"])
    func otherAgentGets404(_ login: String) async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let path = try await Example.issue(agent)
            let quoteID = try #require(try await app.contract(path).quoteID)
            let other = Browser(app)
            try await other.login(login)

            // when
            let card = try await other.get(path)
            let edit = try await other.get("\(path)/edit")
            let save = try await other.post("\(path)/edit", Example.form(quote: nil, ["insured[0][contacts][email]": "x@mail.ru"]))
            let cancel = try await other.post("\(path)/status/cancel")
            let newForm = try await other.get("/contracts/new?quote=\(quoteID)")
            let random = try await other.get("/contracts/\(UUID())")

            // then
            for response in [card, edit, save, cancel, newForm, random] { #expect(response.status == .notFound) }
            let contract = try await app.contract(path)
            #expect(contract.status == "draft")
            #expect(try contract.decodedData().draft.insured[0].contacts.email == "yug@mail.ru")
        }
    }

    @Test("The partner admin sees the agency's contracts and acts on them as a seller")
    func partnerSeesAgency() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let path = try await Example.issue(agent)
            let partner = Browser(app)
            try await partner.login("partner")

            // when
            let card = try await partner.get(path)
            let cancel = try await partner.post("\(path)/status/cancel", [("reason", "Клиент передумал")])

            // then
            #expect(card.status == .ok)
            #expect(card.cell("card-operator") == "Иванов Иван Иванович")
            #expect(cancel.status == .seeOther)
            #expect(try await app.contract(path).status == "cancelled")
        }
    }

    @Test("The back office sees every contract; the team lead and head those of their access groups")
    func backOfficeVisibility() async throws {
        try await withKabinet { app in
            // given
            let agent3 = Browser(app)
            try await agent3.login("agent3")
            let path = try await Example.issue(agent3, quoteOverrides: ["agreement": "2000001"])

            // when
            var statuses: [String: HTTPStatus] = [:]
            for login in ["operator", "admin", "head", "teamlead"] {
                let browser = Browser(app)
                try await browser.login(login)
                statuses[login] = try await browser.get(path).status
            }

            // then
            #expect(try await app.contract(path).number == "5540100000")
            #expect(statuses == ["operator": .ok, "admin": .ok, "head": .ok, "teamlead": .notFound])
        }
    }
}
