import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

/// Every filter of «Сформировать отчет», alone and combined, picks exactly the contracts a plain Swift filter over
/// all generated contracts picks (the oracle in `ReportsTest.expected`).
@Suite("Report filters")
struct ReportFilterTests {
    typealias R = ReportsTest

    @Test("Each multi-choice filter alone, and «Выбрать все», pick exactly the matching contracts")
    func eachFilter() async throws {
        try await R.withApp { app in
            // given
            try await R.generate(app)
            let browser = try await R.signedIn(app, as: "operator")
            let agency = try await Agency.query(on: app.db).first()!
            let office = try await Office.query(on: app.db).filter(\.$agency.$id == agency.requireID()).first()!
            let agent = try await app.user("agent")
            let catalog = try await ProductCatalogStore.catalog(app)
            let product = catalog.definitions.first!
            let cases: [(String, [(String, String)], (Contract) -> Bool)] = [
                ("all", [("channel[]", "*"), ("product[]", "*")], { _ in true }),
                ("channel", [("channel[]", agency.$channel.id.uuidString)], { $0.channelID == agency.$channel.id }),
                ("product kind", [("product_kind[]", product.kind.rawValue)], { contract in
                    catalog.definitions.first(where: { $0.code == contract.productCode })?.kind == product.kind
                }),
                ("product", [("product[]", product.code)], { $0.productCode == product.code }),
                ("office", [("office[]", try office.requireID().uuidString)], { $0.officeID == office.id }),
                ("operator", [("operator[]", try agent.requireID().uuidString)], { $0.ownerID == agent.id }),
            ]
            for (name, extra, matches) in cases {
                // when
                let request = try await R.build(browser, R.fields(extra))
                // then
                let numbers = try R.numbers(app, request)
                let expected = try await R.expected(app, as: "operator", matches)
                #expect(request.state == .done, "\(name)")
                #expect(Set(numbers) == expected, "\(name)")
                #expect(numbers.count == expected.count, "\(name): no duplicates")
                #expect(request.rowCount == Int64(expected.count), "\(name)")
            }
        }
    }

    @Test("Combinations, and each date of «Период *», pick exactly the matching contracts")
    func combinationsAndPeriods() async throws {
        try await R.withApp { app in
            // given
            try await R.generate(app)
            let browser = try await R.signedIn(app, as: "operator")
            let agent = try await app.user("agent"), agent2 = try await app.user("agent2")
            let products = try await ProductCatalogStore.catalog(app).definitions.map(\.code)
            let today = R.today
            let owners = [agent.id, agent2.id]
            let cases: [(String, [(String, String)], (Contract) -> Bool)] = [
                ("two operators × product, last 30 days",
                 R.fields(from: today.adding(days: -30), to: today,
                    [("operator[]", agent.id!.uuidString), ("operator[]", agent2.id!.uuidString), ("product[]", products[0])]),
                 { owners.contains($0.ownerID) && $0.productCode == products[0] && R.within($0.issuedAt, today.adding(days: -30), today) }),
                ("start date within the next 20 days", R.fields(basis: "start", from: today, to: today.adding(days: 20)),
                 { R.within($0.startDate, today, today.adding(days: 20)) }),
                ("end date within a year from today", R.fields(basis: "end", from: today, to: today.adding(days: 365)),
                 { R.within($0.endDate, today, today.adding(days: 365)) }),
                ("paid within the last 15 days", R.fields(basis: "paid", from: today.adding(days: -15), to: today),
                 { R.within($0.paidAt, today.adding(days: -15), today) }),
                ("payments report: paid ones only", R.fields(kind: "payments", from: today.adding(days: -60), to: today),
                 { $0.paymentStatus == PaymentStatus.paid.rawValue && R.within($0.issuedAt, today.adding(days: -60), today) }),
            ]
            for (name, fields, matches) in cases {
                // when
                let request = try await R.build(browser, fields)
                // then
                let numbers = try R.numbers(app, request)
                let expected = try await R.expected(app, as: "operator", matches)
                #expect(!expected.isEmpty, "\(name): the data should hold some")
                #expect(Set(numbers) == expected, "\(name)")
                #expect(numbers.count == expected.count, "\(name): no duplicates")
            }
        }
    }

    @Test("A product kind and a product of another kind together match nothing: an empty report, not an error")
    func disjointKindAndProduct() async throws {
        try await R.withApp { app in
            // given
            try await R.generate(app, 50)
            let browser = try await R.signedIn(app, as: "operator")
            let catalog = try await ProductCatalogStore.catalog(app)
            guard let first = catalog.definitions.first,
                let other = catalog.definitions.first(where: { $0.kind != first.kind })
            else { return }
            // when
            let request = try await R.build(browser, R.fields([("product_kind[]", first.kind.rawValue), ("product[]", other.code)]))
            // then
            #expect(request.state == .done)
            #expect(try R.numbers(app, request).isEmpty)
            #expect(try R.csv(R.file(app, request)).count == 1, "the header alone")
        }
    }
}
