import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

/// The back office's review («Утвердить», «Вернуть на доработку», «Переформировать») and who sees which act.
@Suite struct CommissionActReviewTests {
    typealias F = CommissionFixtures

    @Test func returnRegenerateApproveLifecycleIsAuditedAndTheAgentSeesTheStatus() async throws {
        try await withKabinet { app in
            // given an act of October with one paid contract
            try await F.setRates(app, "1000002", [("product-1", "10", "2026-01-01", nil)])
            try await F.contract(app, agreement: "1000002", number: "5520000201", paidMinor: 10_000_00, paidAt: "2026-10-05 12:00")
            let operatorBrowser = try await F.browser(app, "operator")
            let path = try await F.generate(operatorBrowser, month: "2026-10", agreement: "1000002")
            // when returned without a comment: 422, nothing changes
            let refused = try await operatorBrowser.post(path + "/return", [("comment", "  ")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("data-field=\"comment\""))
            #expect(try await F.acts(app).first?.status == "generated")
            // when returned with a comment
            let returned = try await operatorBrowser.post(path + "/return", [("comment", "Не хватает договора 5520000202")])
            #expect(returned.status == .seeOther)
            // then the agent sees it returned, with the comment, and cannot decide
            let agent = try await F.browser(app, "agent")
            let card = try await agent.get(path)
            #expect(card.text.contains("Возвращен на доработку"))
            #expect(card.text.contains("Не хватает договора 5520000202"))
            #expect(!card.text.contains("data-testid=\"approve\""))
            #expect(try await agent.post(path + "/approve").status == .forbidden)
            // when the missing contract is paid and the act regenerated, then approved
            try await F.contract(app, agreement: "1000002", number: "5520000202", paidMinor: 5_000_00, paidAt: "2026-10-06 12:00")
            #expect(try await operatorBrowser.post(path + "/regenerate").status == .seeOther)
            let regenerated = try #require(try await F.acts(app).first)
            #expect(regenerated.status == "generated")
            #expect(try await F.lines(app, regenerated).map(\.commissionMinor) == [1_000_00, 500_00])
            #expect(try await operatorBrowser.post(path + "/approve").status == .seeOther)
            // then approved is final: a second decision and a regeneration change nothing
            #expect(try await operatorBrowser.post(path + "/return", [("comment", "ещё раз")]).location == path)
            _ = try await operatorBrowser.post(path + "/regenerate")
            let final = try #require(try await F.acts(app).first)
            #expect(final.status == "approved")
            #expect(final.decidedBy == "operator")
            #expect(try await agent.get("/acts").text.contains("Утвержден"))
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityType == "commission_act").all().map(\.action)
            #expect(actions.sorted() == ["commission.act_approved", "commission.act_generated", "commission.act_regenerated",
                                         "commission.act_returned"])
        }
    }

    @Test func anAgentSeesTheirAgencysActsAndAnotherAgencysActIsNotFound() async throws {
        try await withKabinet { app in
            // given acts of 1000002 (north) and 2000001 (south)
            try await F.contract(app, agreement: "1000002", number: "5520000301", paidMinor: 10_000_00, paidAt: "2026-10-05 12:00")
            try await F.contract(app, login: "agent3", agreement: "2000001", number: "5520000302", paidMinor: 10_000_00,
                                 paidAt: "2026-10-05 12:00")
            let operatorBrowser = try await F.browser(app, "operator")
            let north = try await F.generate(operatorBrowser, month: "2026-10", agreement: "1000002")
            let south = try await F.generate(operatorBrowser, month: "2026-10", agreement: "2000001")
            // then agent2 (same agency as the north act) sees it; agent3 does not, not even by id
            let agent2 = try await F.browser(app, "agent2")
            #expect(try await agent2.get(north).status == .ok)
            #expect(try await agent2.get(south).status == .notFound)
            let agent3 = try await F.browser(app, "agent3")
            let list = try await agent3.get("/acts")
            #expect(list.text.contains("2000001"))
            #expect(!list.text.contains(north))
            for suffix in ["", "/pdf", "/xlsx"] {
                #expect(try await agent3.get(north + suffix).status == .notFound)
            }
            #expect(try await agent3.post(north + "/approve").status == .forbidden)
            // and the operator sees both
            let all = try await operatorBrowser.get("/acts?month=2026-10")
            #expect(all.text.contains(north) && all.text.contains(south))
        }
    }
}
