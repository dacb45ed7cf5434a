import Foundation
import Testing
@testable import KabinetDomain

/// Tariff versions: new quotes use the latest valid one, stored contracts keep theirs.
@Suite struct ProductCatalogTests {
    let v1: ProductDefinition
    let v2: ProductDefinition

    init() throws {
        v1 = try #require(TariffFixtures.product("product-1"))
        var next = v1
        next.version = "2024.2"
        next.validFrom = .d("01.03.2024")
        next.risks[0].sumInsured = .accumulation(annualRate: Decimal(string: "0.05")!)
        v2 = next
    }

    @Test func picksTheVersionValidOnTheDate() throws {
        let catalog = try #require(ProductCatalog.make([v2, v1]).success)
        #expect(catalog.product("product-1", on: .d("29.02.2024"))?.version == "2024.1")
        #expect(catalog.product("product-1", on: .d("01.03.2024"))?.version == "2024.2")
        #expect(catalog.product("product-1", on: .d("31.12.2023")) == nil)
        #expect(catalog.product("product-1", version: "2024.1") == v1)
        #expect(catalog.products(on: .d("10.03.2024")).map(\.version) == ["2024.2"])
    }

    @Test func quoteCarriesTheVersionItWasPricedWith() throws {
        let catalog = try #require(ProductCatalog.make([v1, v2]).success)
        let before = try #require(catalog.quote(seedRequest(product: v1)).success)
        #expect(before.productVersion == "2024.1")
        #expect(before.mainSumInsured == .rub("603 566,62"))
        let later = seedRequest(product: v2, startDate: .d("05.03.2024"), today: .d("02.03.2024"))
        let after = try #require(catalog.quote(later).success)
        #expect(after.productVersion == "2024.2")
        #expect(after.mainSumInsured != before.mainSumInsured)
        // Re-pricing a stored contract with its own version reproduces it exactly.
        let stored = try #require(catalog.product(before.productCode, version: before.productVersion))
        #expect(PricingEngine.quote(seedRequest(product: stored), product: stored).success == before)
    }

    @Test func unknownOrNotYetValidProductIsAFieldError() throws {
        let catalog = try #require(ProductCatalog.make([v1]).success)
        var request = seedRequest(product: v1)
        request.productCode = "nope"
        #expect(catalog.quote(request).failure?.errors == [FieldError(field: "product", key: "pricing.product.unknown", arguments: ["value": "nope"])])
        let early = seedRequest(product: v1, startDate: .d("02.12.2023"), today: .d("01.12.2023"))
        #expect(catalog.quote(early).failure?.keys == ["pricing.product.unknown"])
    }
}
