import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Products: tiles, the «Продукты ▾» dropdown and the localisation of pricing messages")
struct ProductCatalogPagesTests {
    @Test("The catalog shows every product as a tile and in the top menu's dropdown, and on the start page")
    func tilesAndDropdown() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")

            // when
            let products = try await agent.get("/products")
            let home = try await agent.get("/")

            // then
            #expect(products.status == .ok)
            #expect(products.text.components(separatedBy: "data-testid=\"product-tile\"").count - 1 == 15)
            #expect(products.text.contains("Продукт 1") && products.text.contains("Российский рубль"))
            #expect(products.text.contains("Доллар США"))
            #expect(home.text.contains("data-testid=\"nav-dropdown\""))
            #expect(home.text.contains("Продукты ▾"))
            #expect(home.text.contains("<a href=\"/products/product-1\" class=\"\">Продукт 1</a>"))
            #expect(home.text.contains("href=\"/products\" data-testid=\"tile\""))
        }
    }

    @Test("The bundled tariffs are stored once, as versions from the delivery")
    func bundledImportIsIdempotent() async throws {
        try await withKabinet { app in
            let before = try await ProductVersion.query(on: app.db).count()
            try await ProductCatalogStore.importBundled(app)
            #expect(before == 15)
            #expect(try await ProductVersion.query(on: app.db).count() == 15)
            #expect(try await ProductVersion.query(on: app.db).filter(\.$source == .bundled).count() == 15)
            #expect(try await ProductCatalogStore.catalog(app).definitions.count == 15)
        }
    }

    @Test("Every pricing and tariff message key has a Russian and an English text in the one table")
    func everyPricingKeyHasBothTexts() async throws {
        try await withKabinet(demo: false) { app in
            let russian = app.localization.keys(locale: "ru")
            let english = app.localization.keys(locale: "en")
            for key in PricingMessageKey.allCases {
                #expect(russian.contains(key.rawValue), "ru: \(key.rawValue)")
                #expect(english.contains(key.rawValue), "en: \(key.rawValue)")
                #expect(app.localization.text(key.rawValue, locale: "ru") != app.localization.text(key.rawValue, locale: "en"))
            }
        }
    }

    @Test("Money and date arguments are formatted in the app's language")
    func argumentsAreFormatted() async throws {
        try await withKabinet(demo: false) { app in
            let error = FieldError(.startDate, .pricingStartDateOutOfRange, ["earliest": "2024-02-02", "latest": "2024-03-02", "value": "2024-02-01"])
            #expect(app.localization.message(error, locale: "ru") == "Дата начала должна быть с 02.02.2024 по 02.03.2024")
            let issue = TariffIssue(path: "terms[1]", key: .tariffListDuplicate, arguments: ["value": "5"])
            #expect(app.localization.message(issue, locale: "ru") == "terms[1]: Значение «5» повторяется")
            #expect(app.localization.message(issue, locale: "en") == "terms[1]: The value “5” is repeated")
        }
    }
}
