import Foundation
import Testing
@testable import KabinetDomain

/// Every key has Russian and English text; arguments are formatted for people.
@Suite struct PricingMessagesTests {
    @Test func everyKeyHasBothTexts() {
        for key in PricingMessageKey.allCases {
            let ru = PricingMessages.render(key: key.rawValue, language: .ru)
            let en = PricingMessages.render(key: key.rawValue, language: .en)
            #expect(!ru.isEmpty && ru != key.rawValue, "\(key)")
            #expect(!en.isEmpty && en != key.rawValue && ru != en, "\(key)")
        }
        #expect(Set(PricingMessageKey.allCases.map(\.rawValue)).count == PricingMessageKey.allCases.count)
    }

    @Test func premiumLimitsMessageFormatsMoney() {
        let error = FieldError(field: "premium", key: "pricing.premium.out_of_limits", arguments: [
            "premium": "100.00", "min": "30000.00", "max": "3000000.00", "currency": "RUB", "frequency": "annual"])
        #expect(PricingMessages.render(error) == "Взнос должен быть от 30\u{00A0}000\u{00A0}₽ до 3\u{00A0}000\u{00A0}000\u{00A0}₽")
        #expect(PricingMessages.render(error, language: .en) == "The premium must be between ₽30,000.00 and ₽3,000,000.00")
    }

    @Test func datesAndFrequenciesAreHumanised() {
        let start = FieldError(.startDate, .pricingStartDateOutOfRange, ["value": "2024-02-01", "earliest": "2024-02-02", "latest": "2024-03-02"])
        #expect(PricingMessages.render(start) == "Дата начала должна быть с 02.02.2024 по 02.03.2024")
        let frequency = FieldError(.frequency, .pricingFrequencyNotAllowed, ["value": "single", "allowed": "annual, monthly"])
        #expect(PricingMessages.render(frequency) == "Для продукта доступна периодичность: Ежегодно, Ежемесячно")
        #expect(PricingMessages.render(frequency, language: .en) == "Available payment frequencies: Annually, Monthly")
    }

    @Test func unknownKeyFallsBackToTheKey() {
        #expect(PricingMessages.render(key: "something.else") == "something.else")
    }

    /// Every key the engine and validators emit in the test suite is a known key.
    @Test func emittedKeysAreKnown() throws {
        let product = try #require(TariffFixtures.product("product-1"))
        let request = seedRequest(product: product, startDate: .d("01.01.2030"), frequency: .single, term: 3,
                                  basis: .premium(.rub("1")), birthDate: .d("01.01.2020"), risks: ["x"])
        for error in PricingEngine.quote(request, product: product).failure?.errors ?? [] {
            #expect(PricingMessageKey(rawValue: error.key) != nil, "\(error.key)")
        }
    }
}
