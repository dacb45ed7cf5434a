import Fluent
import KabinetDomain
import Foundation
import Testing
import Vapor

@testable import Kabinet

/// What `kabinet` does on an empty database before it serves: the demo organisation, users and contracts.
@Suite("First start: demo data with contracts to look at")
struct FirstStartTests {
    @Test("An empty database gets the demo users, the configured number of contracts and last month's acts, once")
    func demoInstallHasContracts() async throws {
        // 600 over three years: about fourteen paid a month, so last month has acts to make
        let settings = try testSettings(["KABINET_DEMO_CONTRACTS": "600"])
        try await withKabinet(settings: settings, demo: false) { app in
            // when the server prepares to serve an empty database, twice (a restart)
            try await KabinetMain.prepareToServe(app, settings: settings)
            try await KabinetMain.prepareToServe(app, settings: settings)

            // then the demo users are there and the contracts were generated once, each sold by a demo seller (the agents and the partner admin)
            #expect(try await User.query(on: app.db).count() == 8)
            let contracts = try await Contract.query(on: app.db).all()
            #expect(contracts.count == 600)
            let sellers = try await User.query(on: app.db)
                .filter(\.$roleCode ~~ [BuiltInRole.agent.rawValue, BuiltInRole.partnerAdmin.rawValue]).all()
            let sellerIDs = Set(sellers.compactMap(\.id))
            #expect(contracts.allSatisfy { sellerIDs.contains($0.ownerID) })
            #expect(contracts.allSatisfy { $0.number?.hasPrefix(ContractGenerator.numberPrefix) == true })

            // and last month's acts exist for every agreement with payments in that month, as the nightly job makes
            let month = ActMonth(containing: CalendarDate(Date(), timeZone: MoscowTime.zone)).previous
            let paidLastMonth = Set(contracts.filter { contract in
                contract.paidAt.map { month.contains(CalendarDate($0, timeZone: MoscowTime.zone)) } ?? false
            }.compactMap(\.agreementID))
            let acts = try await CommissionAct.query(on: app.db).all()
            #expect(!paidLastMonth.isEmpty)
            #expect(acts.count == paidLastMonth.count)
            #expect(Set(acts.map(\.agreementID)) == paidLastMonth && acts.allSatisfy { $0.month == month.description })

            // and every agent's client base holds people of their contracts: sold ones bound to the agent, the
            // others potential, each linked to the contract it came from
            for agent in sellers where agent.roleCode == BuiltInRole.agent.rawValue {
                let agentID = try agent.requireID()
                let members = try await ClientMembership.query(on: app.db).filter(\.$agentID == agentID).all()
                let clients = try await ClientRecord.query(on: app.db).filter(\.$id ~~ members.map(\.$client.id)).all()
                let bound = clients.filter { $0.boundAgentID == agentID }
                #expect(bound.count == DemoClients.soldPerAgent, "\(agent.login)")
                #expect(bound.allSatisfy { $0.phone != nil && $0.boundContractID != nil })
                #expect(clients.count > bound.count && clients.count <= DemoClients.soldPerAgent + DemoClients.potentialPerAgent)
                let links = try await ClientContractLink.query(on: app.db).filter(\.$clientID ~~ clients.compactMap(\.id)).all()
                #expect(Set(links.map(\.clientID)) == Set(clients.compactMap(\.id)))
            }

            // and an agent opening «Договоры» sees their own of them
            let agent = Browser(app)
            try await agent.login("agent")
            let list = try await agent.get("/contracts")
            let own = contracts.filter { $0.ownerID == sellers.first { $0.login == "agent" }?.id }
            #expect(!own.isEmpty)
            let newest = try #require(own.max { $0.issuedAt < $1.issuedAt })
            #expect(list.text.contains(try #require(newest.number)))

            // and its card lists every insured person and says its history is empty rather than showing a bare table
            let card = try await agent.get("/contracts/\(try newest.requireID())")
            #expect(card.status == .ok && card.text.contains("data-testid=\"history-empty\""))
            let insured = try newest.decodedData().draft.insured
            #expect(insured.count == newest.insuredCount)
            for person in insured { #expect(card.text.contains(person.fullName)) }
        }
    }

    @Test("KABINET_DEMO_CONTRACTS=0 leaves the contracts out; a negative or non-number value stops the start")
    func demoContractsSetting() async throws {
        #expect(try testSettings().demoContracts == 300)
        for bad in ["-1", "many"] {
            #expect(throws: Settings.Invalid.self) { try testSettings(["KABINET_DEMO_CONTRACTS": bad]) }
        }
        let none = try testSettings(["KABINET_DEMO_CONTRACTS": "0"])
        try await withKabinet(settings: none, demo: false) { app in
            try await KabinetMain.prepareToServe(app, settings: none)
            #expect(try await User.query(on: app.db).count() == 8)
            #expect(try await Contract.query(on: app.db).count() == 0)
        }
    }
}
