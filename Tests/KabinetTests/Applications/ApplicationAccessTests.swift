import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Applications: who sees what")
struct ApplicationAccessTests {
    @Test("Another agency's agent gets 404 on the card, the file and the actions, and does not see it in the list")
    func otherAgency() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let (path, contract) = try await ApplicationExample.filedChange(agent, app)
            let stranger = Browser(app)
            try await stranger.login("agent3")
            // when / then
            #expect(try await stranger.get(path).status == .notFound)
            #expect(try await stranger.get("\(path)/files/document").status == .notFound)
            #expect(try await stranger.post("\(path)/status/take").status == .notFound)
            #expect(!(try await stranger.get("/applications").text.contains("data-testid=\"application-link\"")))
            #expect(try await stranger.get("/applications/new?contract=\(contract.split(separator: "/").last!)").status == .notFound)
            let filed = try await ApplicationExample.file(stranger, app, contract: contract, type: DemoApplicationTypes.personalData,
                                                          answers: ApplicationExample.surnameChange)
            #expect(filed.status == .notFound)
            #expect(try await ContractApplication.query(on: app.db).count() == 1)
            #expect(try await stranger.get("/applications/\(UUID())").status == .notFound)
        }
    }

    @Test("A colleague agent (own records only) gets 404; the agency's partner admin and the back office see it")
    func sameAgency() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            let (path, _) = try await ApplicationExample.filedChange(agent, app)
            let colleague = Browser(app)
            try await colleague.login("agent2")
            #expect(try await colleague.get(path).status == .notFound)
            for login in ["partner", "operator", "teamlead", "head", "admin"] {
                let browser = Browser(app)
                try await browser.login(login)
                #expect(try await browser.get(path).status == .ok, "\(login)")
                #expect(try await browser.get("/applications").text.contains("data-testid=\"application-link\""), "\(login)")
            }
        }
    }

    @Test("The partner admin sees but cannot work the queue; the back office cannot file and is not offered to")
    func grants() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            let (path, contract) = try await ApplicationExample.filedChange(agent, app)
            let partner = Browser(app)
            try await partner.login("partner")
            #expect(try await partner.post("\(path)/status/take").status == .forbidden)
            #expect(!(try await partner.get(path).text.contains("data-testid=\"do-take\"")))
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            #expect(try await operatorBrowser.get(path).text.contains("data-testid=\"do-take\""))
            #expect(try await operatorBrowser.get("/applications/new").status == .forbidden)
            // «Оформить заявление» is on the card only for whoever may file
            #expect(try await agent.get(contract).text.contains("data-testid=\"contract-application\""))
            let operatorCard = try await operatorBrowser.get(contract)
            #expect(operatorCard.status == .ok && !operatorCard.text.contains("data-testid=\"contract-application\""))
            let filed = try await ApplicationExample.file(operatorBrowser, app, contract: contract, type: DemoApplicationTypes.personalData,
                                                          answers: ApplicationExample.surnameChange)
            #expect(filed.status == .forbidden)
        }
    }

    @Test("Forms without the CSRF token are refused")
    func csrf() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            let (path, _) = try await ApplicationExample.filedChange(agent, app)
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            #expect(try await operatorBrowser.post("\(path)/status/take", withCSRF: false).status == .forbidden)
            #expect(try await app.application(path).applicationStatus == .new)
        }
    }

    @Test("«Оформить заявление» shows only when some type may be filed on the contract: not on a draft when every type needs a signed one")
    func buttonOnlyWithSomethingToFile() async throws {
        try await withKabinet { app in
            // given a draft of the agent's, and the demo types, all «signed only»
            let agent = Browser(app)
            try await agent.login("agent")
            let draft = try await ContractExample.issue(agent)
            let button = "data-testid=\"contract-application\""

            // then the draft's card has no button
            #expect(!(try await agent.get(draft).text.contains(button)))

            // when a type that any contract may have is switched on, the button appears
            let duplicate = try await app.applicationType(DemoApplicationTypes.duplicate)
            duplicate.signedOnly = false
            try await duplicate.save(on: app.db)
            #expect(try await agent.get(draft).text.contains(button))

            // and once the contract is signed every type is offered, with the button
            duplicate.signedOnly = true
            try await duplicate.save(on: app.db)
            try await app.setState(draft, ContractState(status: .signed))
            #expect(try await agent.get(draft).text.contains(button))
        }
    }
}
