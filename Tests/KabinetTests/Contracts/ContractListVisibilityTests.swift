import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

/// Who sees which contracts in the list, the API and the export: the `Authorizer`'s visibility, never wider.
@Suite("Contract list visibility")
struct ContractListVisibilityTests {
    typealias F = ContractListFixture

    @Test("Each role sees exactly its contracts: own, the agency's, the access groups', or all")
    func byRole() async throws {
        try await withKabinet { app in
            // given
            try await F.insert(app)
            let expected: [(String, Set<String>)] = [
                ("agent", F.numbers(1, 2, 8)),
                ("agent2", F.numbers(3, 4)),
                ("agent3", F.numbers(5, 6)),
                ("partner", F.numbers(1, 2, 3, 4, 7, 8)),
                ("teamlead", F.numbers(1, 2, 3, 4, 8)),
                ("head", F.numbers(1, 2, 3, 4, 5, 6, 8)),
                ("operator", F.all),
            ]
            for (login, numbers) in expected {
                // when
                let client = try await APIClient.signedIn(app, as: login)
                let seen = try await client.contractNumbers()
                let total = try await client.get("/api/v1/contracts").json["total"] as? Int
                // then
                #expect(seen == numbers, "\(login)")
                #expect(total == numbers.count, "\(login)")
            }
        }
    }

    @Test("An agent never sees another agent's contract: not in the page, not by filter, not in the card, not in CSV")
    func agentSeesOnlyOwn() async throws {
        try await withKabinet { app in
            // given
            let ids = try await F.insert(app)
            let browser = Browser(app)
            try await browser.login("agent3")
            let client = try await APIClient.signedIn(app, as: "agent3")
            let foreign = try #require(ids["5520000001"])
            // when
            let page = try await browser.get("/contracts?size=100")
            let byNumber = try await client.contractNumbers("number=5520000001")
            let byName = try await client.contractNumbers("name=" + "семёнов".queryEncoded)
            let card = try await client.get("/api/v1/contracts/\(foreign.uuidString)")
            let csv = try await browser.get("/contracts/export.csv")
            // then
            #expect(page.text.contains("Результатов найдено: 2"))
            #expect(!page.text.contains("5520000001") && page.text.contains("5520000005"))
            #expect(byNumber.isEmpty)
            #expect(byName == F.numbers(5))
            #expect(card.status == .notFound && card.isProblem)
            #expect(csv.text.contains("5520000005") && csv.text.contains("5520000006"))
            #expect(!csv.text.contains("5520000001") && !csv.text.contains("5520000007"))
        }
    }

    @Test("«Только мои» narrows a wider view to the user's own contracts; an agent is not offered it")
    func onlyMine() async throws {
        try await withKabinet { app in
            // given
            try await F.insert(app)
            let partner = try await APIClient.signedIn(app, as: "partner")
            let browser = Browser(app)
            try await browser.login("agent")
            // when
            let mine = try await partner.contractNumbers("mine=true")
            let agentPage = try await browser.get("/contracts")
            // then
            #expect(mine == F.numbers(7))
            #expect(!agentPage.text.contains("data-testid=\"filter-mine\""))
        }
    }

    @Test("The card through the API: fields, the core-system status, and 404 for what the caller may not see")
    func card() async throws {
        try await withKabinet { app in
            // given
            let ids = try await F.insert(app)
            let partner = try await APIClient.signedIn(app, as: "partner")
            let agent = try await APIClient.signedIn(app, as: "agent")
            // when
            let signed = try await partner.get("/api/v1/contracts/\(try #require(ids["5520000007"]).uuidString)")
            let erroneous = try await partner.get("/api/v1/contracts/\(try #require(ids["5520000004"]).uuidString)")
            let hidden = try await agent.get("/api/v1/contracts/\(try #require(ids["5520000007"]).uuidString)")
            let missing = try await agent.get("/api/v1/contracts/\(UUID().uuidString)")
            let malformed = try await agent.get("/api/v1/contracts/not-an-id")
            let anonymous = try await APIClient(app: app).get("/api/v1/contracts")
            // then
            #expect(signed.status == .ok)
            #expect(signed.json["number"] as? String == "5520000007")
            #expect(signed.json["status"] as? String == "signed" && signed.json["paymentStatus"] as? String == "paid")
            #expect(signed.json["backOfficeStatus"] as? String == "handedToAgent")
            #expect(signed.json["requiredWork"] as? String == "Уточнить адрес")
            #expect(APISeed.amount(signed.json["premium"]) == "100000.00")
            #expect((signed.json["operator"] as? [String: Any])?["name"] as? String == "Кузнецова Анна Викторовна")
            #expect(signed.json["agreementNumber"] == nil && (signed.json["office"] as? [String: Any])?["name"] as? String == "ГО")
            #expect(erroneous.json["backOfficeStatus"] == nil && erroneous.json["erroneousFrom"] as? String == "accepted")
            #expect(hidden.status == .notFound && missing.status == .notFound && malformed.status == .notFound)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("The API's enums hold every status the domain has")
    func enumsMirrorTheDomain() throws {
        for status in ContractStatus.allCases { _ = try APIMirror.value(status, as: Components.Schemas.ContractStatus.self) }
        for payment in PaymentStatus.allCases { _ = try APIMirror.value(payment, as: Components.Schemas.PaymentStatus.self) }
        for status in BackOfficeStatus.allCases { _ = try APIMirror.value(status, as: Components.Schemas.BackOfficeStatus.self) }
        for column in ContractSortColumn.allCases { _ = try APIMirror.value(column, as: Components.Schemas.ContractSort.self) }
    }
}
