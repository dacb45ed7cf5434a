import Foundation
import Testing
@testable import KabinetDomain

/// Arguments are formatted for people; the sentences come from the app's localisation table
/// (KabinetTests/Products/PricingTextsTests checks that every key has both texts).
@Suite struct PricingMessagesTests {
    @Test func keysAreUnique() {
        #expect(Set(PricingMessageKey.allCases.map(\.rawValue)).count == PricingMessageKey.allCases.count)
    }

    @Test func premiumLimitsMessageFormatsMoney() {
        let arguments = ["premium": "100.00", "min": "30000.00", "max": "3000000.00", "currency": "RUB", "frequency": "annual"]
        #expect(PricingMessages.fill("от {min} до {max}", arguments: arguments) == "от 30\u{00A0}000\u{00A0}₽ до 3\u{00A0}000\u{00A0}000\u{00A0}₽")
        #expect(PricingMessages.fill("{min} and {max}", arguments: arguments, language: .en) == "₽30,000.00 and ₽3,000,000.00")
    }

    @Test func datesAndFrequenciesAreHumanised() {
        let start = FieldError(.startDate, .pricingStartDateOutOfRange, ["value": "2024-02-01", "earliest": "2024-02-02", "latest": "2024-03-02"])
        #expect(PricingMessages.fill("с {earliest} по {latest}", arguments: start.arguments) == "с 02.02.2024 по 02.03.2024")
        let frequency = FieldError(.frequency, .pricingFrequencyNotAllowed, ["value": "single", "allowed": "annual, monthly"])
        #expect(PricingMessages.fill("{allowed}", arguments: frequency.arguments) == "Ежегодно, Ежемесячно")
        #expect(PricingMessages.fill("{allowed}", arguments: frequency.arguments, language: .en) == "Annually, Monthly")
    }

    /// English messages name a risk by its English name where the tariff gives one, Russian ones by the seed's.
    @Test func riskNamesFollowTheLanguage() throws {
        // given product 1 with its mandatory survival risk switched off
        let product = try #require(TariffFixtures.product("product-1"))
        let survival = try #require(product.risk("survival"))
        let request = seedRequest(product: product, risks: product.defaultRiskSelection.subtracting(["survival"]))
        // when
        let rejection = try #require(PricingEngine.quote(request, product: product).failure)
        // then
        let error = try #require(rejection.errors.first(where: { $0.key == PricingMessageKey.pricingRiskMandatoryMissing.rawValue }))
        #expect(PricingMessages.fill("«{name}»", arguments: error.arguments) == "«Дожитие с возвратом взносов»")
        #expect(PricingMessages.fill("“{name}”", arguments: error.arguments, language: .en)
            == "“Survival with return of contributions”")
        #expect(survival.englishName == "Survival with return of contributions")
        // a risk without an English name keeps its own in both
        let unnamed = RiskDefinition(code: "x", name: "Риск", mandatory: true, sumInsured: survival.sumInsured, premium: survival.premium)
        #expect(PricingMessages.fill("{name}", arguments: unnamed.messageArguments, language: .en) == "Риск")
    }

    @Test func placeholdersWithoutArgumentsStay() {
        #expect(PricingMessages.fill("Нет {x}", arguments: [:]) == "Нет {x}")
    }

    @Test func issuesArePrefixedWithTheirPath() {
        let issue = TariffIssue(path: "terms[1]", key: .tariffListDuplicate, arguments: ["value": "5"])
        #expect(PricingMessages.located(issue, message: "повтор") == "terms[1]: повтор")
        #expect(PricingMessages.located(TariffIssue(path: "", key: .tariffJsonSyntax), message: "x") == "$: x")
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
