import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

@Suite("Clients: «+ Оформить» opens the calculator with the client as the insured")
struct ClientIssueTests {
    typealias Example = ClientExample

    @Test("The product choice, then the calculator with the name, the birth date and the sex filled in")
    func issueFromProfile() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let path = try await Example.add(agent)
            // when
            let choice = try await agent.get("\(path)/issue")
            let calculator = try await agent.get("\(path)/issue/product-1")
            // then
            #expect(choice.status == .ok || choice.status == .seeOther)
            #expect(calculator.status == .ok)
            for value in ["Иванов", "Юрий", "Германович", SeedExample.birth.russian] {
                #expect(calculator.text.contains("value=\"\(value)\""), "no \(value)")
            }
            #expect(calculator.text.contains("<option value=\"male\" selected"))
            #expect(calculator.text.contains("action=\"/products/product-1/calculate\""))
        }
    }
}
