import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Contracts: «Редактировать» changes a «Проект» in place and is refused after signing")
struct ContractEditTests {
    typealias Example = ContractExample

    @Test("Saving again while «Проект» edits the same contract with the same number")
    func editKeepsNumber() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let path = try await Example.issue(agent)
            let before = try await app.contract(path)

            // when
            let form = try await agent.get("\(path)/edit")
            let saved = try await agent.post("\(path)/edit", Example.form(quote: nil, [
                "insured[0][contacts][email]": "new@mail.ru", "insured[0][contacts][mobile]": "89161234567",
            ]))

            // then
            #expect(form.status == .ok)
            #expect(form.text.contains("Договор № \(before.number ?? "") (Продукт 1)"))
            #expect(form.text.contains("value=\"yug@mail.ru\""))
            #expect(saved.status == .seeOther && saved.location == path)
            let after = try await app.contract(path)
            #expect(after.number == before.number)
            #expect(try await app.contracts().count == 1)
            #expect(try await app.takenNumbers(agreement: "1000002") == 1)
            let contacts = try after.decodedData().draft.insured[0].contacts
            #expect(contacts.email == "new@mail.ru" && contacts.mobile == "+7 (916) 123-45-67")
            #expect(try await app.auditEntries("contract.edited").count == 1)
            #expect(try await ContractHistoryEntry.query(on: app.db).filter(\.$action == "edited").count() == 1)
        }
    }

    @Test("An invalid edit changes nothing and shows the message next to the field")
    func invalidEditChangesNothing() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let path = try await Example.issue(agent)

            // when
            let page = try await agent.post("\(path)/edit", Example.form(quote: nil, ["insured[0][contacts][email]": "bad"]))

            // then
            #expect(page.status == .unprocessableEntity)
            #expect(page.fieldError("insured[0].contacts.email") == "Проверьте адрес электронной почты, например name@mail.ru")
            #expect(try await app.contract(path).decodedData().draft.insured[0].contacts.email == "yug@mail.ru")
        }
    }

    @Test("After signing the form is refused (409) with the reason and the card offers no «Редактировать»")
    func editRefusedAfterSigning() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let path = try await Example.issue(agent)
            try await app.setState(path, ContractState(status: .signed))

            // when
            let form = try await agent.get("\(path)/edit")
            let post = try await agent.post("\(path)/edit", Example.form(quote: nil, ["insured[0][contacts][email]": "x@mail.ru"]))
            let card = try await agent.get(path)

            // then
            #expect(form.status == .conflict)
            #expect(form.text.contains("Редактировать можно только договор в статусе «Проект»"))
            #expect(post.status == .conflict)
            #expect(try await app.contract(path).decodedData().draft.insured[0].contacts.email == "yug@mail.ru")
            #expect(!card.text.contains("data-testid=\"edit-contract\""))
        }
    }

    @Test("A team lead sees the group's contract but may not edit it (no contracts.edit)")
    func teamLeadCannotEdit() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let path = try await Example.issue(agent)
            let lead = Browser(app)
            try await lead.login("teamlead")

            // when
            let card = try await lead.get(path)
            let edit = try await lead.get("\(path)/edit")

            // then
            #expect(card.status == .ok)
            #expect(!card.text.contains("data-testid=\"edit-contract\""))
            #expect(edit.status == .forbidden)
        }
    }
}
