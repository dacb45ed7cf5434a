import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

/// «Ставки КВ»: the back office adds and closes rates; overlaps and bad input are 422 with nothing saved.
@Suite struct CommissionRatesTests {
    typealias F = CommissionFixtures

    static func count(_ app: Application) async throws -> Int {
        try await CommissionRateRecord.query(on: app.db).count()
    }

    @Test func theBackOfficeAddsAndClosesARate() async throws {
        try await withKabinet { app in
            // given no rates of 1000003
            try await F.setRates(app, "1000003", [])
            let operatorBrowser = try await F.browser(app, "operator")
            // when
            let added = try await operatorBrowser.post("/acts/rates", [
                ("agreement", "1000003"), ("product", "product-1"), ("percent", "12,75"), ("validFrom", "2026-01-01"), ("validTo", "")])
            // then
            #expect(added.status == .seeOther)
            let record = try #require(try await CommissionRateRecord.query(on: app.db).filter(\.$percent == "12.75").first())
            #expect(record.validFrom == "2026-01-01" && record.validTo == nil)
            // when closed on 30.06.2026, a new rate can start on 01.07.2026
            let closed = try await operatorBrowser.post("/acts/rates/\(try record.requireID())/close", [("validTo", "2026-06-30")])
            #expect(closed.status == .seeOther)
            let next = try await operatorBrowser.post("/acts/rates", [
                ("agreement", "1000003"), ("product", "product-1"), ("percent", "9"), ("validFrom", "2026-07-01")])
            #expect(next.status == .seeOther)
            let page = try await operatorBrowser.get("/acts/rates?agreement=1000003")
            #expect(page.text.contains("12,75 %") && page.text.contains("30.06.2026"))
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityType == "commission_rate").all().map(\.action)
            #expect(actions.sorted() == ["commission.rate_added", "commission.rate_added", "commission.rate_closed"])
        }
    }

    @Test func anOverlappingPeriodIsRefusedWithAClearMessage() async throws {
        try await withKabinet { app in
            // given 10 % of product-1 under 1000002 from 2026-01-01, open-ended
            try await F.setRates(app, "1000002", [("product-1", "10", "2026-01-01", nil)])
            let operatorBrowser = try await F.browser(app, "operator")
            let before = try await Self.count(app)
            // when
            let response = try await operatorBrowser.post("/acts/rates", [
                ("agreement", "1000002"), ("product", "product-1"), ("percent", "15"), ("validFrom", "2026-06-01")])
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Период пересекается с действующей ставкой 10 % (01.01.2026 – …)"))
            #expect(try await Self.count(app) == before)
        }
    }

    static let base = [("agreement", "1000002"), ("product", "product-1"), ("percent", "5"), ("validFrom", "2030-01-01")]

    /// The base form with one field replaced or added.
    static func form(_ name: String, _ value: String) -> [(String, String)] {
        base.filter { $0.0 != name } + [(name, value)]
    }

    static let badForms: [(String, [(String, String)])] = [
        ("agreement", form("agreement", "9999999")),
        ("product", form("product", "nope")),
        ("percent", form("percent", "0")),
        ("percent", form("percent", "abc")),
        ("validFrom", form("validFrom", "31.02.2030")),
        ("validTo", form("validTo", "2029-12-31")),
    ]

    @Test(arguments: badForms)
    func badInputIs422NextToTheFieldAndNothingSaved(field: String, form: [(String, String)]) async throws {
        try await withKabinet { app in
            try await F.setRates(app, "1000002", [])
            let operatorBrowser = try await F.browser(app, "operator")
            let before = try await Self.count(app)
            let response = try await operatorBrowser.post("/acts/rates", form)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("data-field=\"\(field)\""))
            #expect(try await Self.count(app) == before)
        }
    }

    @Test func onlyTheBackOfficeManagesRates() async throws {
        try await withKabinet { app in
            for login in ["agent", "partner", "head"] {
                let browser = try await F.browser(app, login)
                #expect(try await browser.get("/acts/rates").status == .forbidden)
                #expect(try await browser.post("/acts/rates", [("agreement", "1000002"), ("product", "product-1"),
                                                                ("percent", "5"), ("validFrom", "2030-01-01")]).status == .forbidden)
            }
            #expect(try await F.browser(app, "admin").get("/acts/rates").status == .ok)
        }
    }
}
