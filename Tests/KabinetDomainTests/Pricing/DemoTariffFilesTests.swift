import Foundation
import Testing
@testable import KabinetDomain

/// Every demo tariff shipped in Sources/Kabinet/Resources/Tariffs loads, validates, prices,
/// and round-trips through JSON unchanged.
@Suite struct DemoTariffFilesTests {
    @Test func everyFileLoadsAndValidates() throws {
        let names = TariffFixtures.fileNames()
        #expect(names.count == 15)
        for name in names {
            let data = try #require(TariffFixtures.data(name))
            let result = TariffLoader.load(data)
            #expect(result.failure == nil, "\(name): \(result.failure?.description ?? "")")
        }
        let loaded = TariffLoader.loadDirectory(TariffFixtures.directory)
        #expect(loaded.failures.isEmpty)
        #expect(loaded.products.count == 15)
    }

    @Test func catalogShowsFifteenTilesInOrder() throws {
        let catalog = try #require(ProductCatalog.make(TariffFixtures.allProducts()).success)
        let tiles = catalog.products(on: .d("01.02.2024"))
        #expect(tiles.count == 15)
        #expect(tiles.map(\.sortOrder) == Array(1...15))
        #expect(tiles.first?.name == "Продукт 1")
        #expect(Set(tiles.map(\.kind)) == Set(ProductKind.allCases))
        #expect(Set(tiles.map(\.currency)) == Set(CurrencyCode.allCases))
        #expect(Set(tiles.map(\.code)).count == 15)
        for product in tiles {
            #expect(product.code == "product-\(product.sortOrder)")
        }
    }

    @Test func fileNameMatchesProductCode() throws {
        for name in TariffFixtures.fileNames() {
            let data = try #require(TariffFixtures.data(name))
            let product = try #require(TariffLoader.load(data).success)
            #expect(name == "\(product.code).json")
        }
    }

    @Test func everyProductRoundTripsThroughJSON() throws {
        for product in TariffFixtures.allProducts() {
            let data = try JSONEncoder().encode(product)
            #expect(TariffLoader.load(data).success == product, "\(product.code)")
        }
    }

    /// Each product can actually be sold: a modest request within its own limits prices —
    /// from the premium for savings products, from the sum insured where the sum is the input.
    @Test func everyProductPricesATypicalRequest() throws {
        for product in TariffFixtures.allProducts() {
            let frequency = try #require(product.frequencies.first)
            let limits = try #require(product.premiumLimits(for: frequency))
            let main = try #require(product.risk(product.mainRisk))
            let basis: QuoteRequest.Basis
            if main.sumInsured == .input {
                let minimum = main.sumInsuredLimits?.min ?? 100_000
                basis = .sumInsured(try #require(Money(exactly: minimum * 10, currency: product.currency)))
            } else {
                basis = .premium(limits.min * 2)
            }
            let age = product.insuredAge.minAtStart + 1
            let term = try #require(product.terms.first)
            let request = QuoteRequest(
                productCode: product.code, startDate: .d("10.02.2024"), frequency: frequency,
                term: term, basis: basis, sex: .female,
                birthDate: CalendarDate.d("10.02.2024").adding(years: -age),
                selectedRisks: product.defaultRiskSelection, today: .d("01.02.2024"))
            let result = PricingEngine.quote(request, product: product)
            #expect(result.success != nil, "\(product.code): \(result.failure?.errors.description ?? "")")
        }
    }

    /// The seed's acceptance case again, straight from the catalog as the app will call it.
    @Test func product1FromTheCatalogReproducesTheSeed() throws {
        let catalog = try #require(ProductCatalog.make(TariffFixtures.allProducts()).success)
        let product = try #require(catalog.product("product-1", on: .d("01.02.2024")))
        let quote = try #require(catalog.quote(seedRequest(product: product)).success)
        #expect(quote.lines.map(\.sumInsured.plainString) == ["603566.62", "49881.54", "49881.54", "49881.54", "49881.54"])
        #expect(quote.lines.map(\.premium.plainString) == ["99482.30", "195.34", "85.44", "15.95", "220.97"])
        #expect(quote.totalPerYear.plainString == "100000.00")
    }
}
