import Foundation
import Testing
@testable import KabinetDomain

/// The seed's worked example («Результат расчета (котировка)» for «Продукт 1») reproduced by the
/// general engine from the demo tariff file — no special case in code.
@Suite struct SeedExampleTests {
    let product: ProductDefinition

    init() throws {
        product = try #require(TariffFixtures.product("product-1"))
    }

    @Test func reproducesTheSeedQuoteToTheKopeck() throws {
        let quote = try #require(PricingEngine.quote(seedRequest(product: product), product: product).success)
        let rows = quote.lines.map { [$0.riskName, $0.sumInsured.formatted(), $0.premium.formatted()] }
        let nbsp = "\u{00A0}"
        #expect(rows == [
            ["Дожитие с возвратом взносов", "603\(nbsp)566,62\(nbsp)₽", "99\(nbsp)482,30\(nbsp)₽"],
            ["Обращение Застрахованного к Страховщику/ в Сервисную компанию за помощью, требующей оказания медицинских и иных услуг",
             "49\(nbsp)881,54\(nbsp)₽", "195,34\(nbsp)₽"],
            ["Смерть Застрахованного в результате несчастного случая", "49\(nbsp)881,54\(nbsp)₽", "85,44\(nbsp)₽"],
            ["Инвалидность 1 группы в результате несчастного случая", "49\(nbsp)881,54\(nbsp)₽", "15,95\(nbsp)₽"],
            ["Телесные повреждения Застрахованного в результате несчастного случая", "49\(nbsp)881,54\(nbsp)₽", "220,97\(nbsp)₽"],
        ])
        #expect(quote.totalPerPayment == .rub("100 000"))
        #expect(quote.totalPerYear == .rub("100 000"))
        #expect(quote.totalPerYear.formatted(.russianCompact) == "100\(nbsp)000\(nbsp)₽")
        #expect(quote.mainSumInsured == .rub("603 566,62"))
        #expect(quote.productVersion == "2024.1")
        #expect(quote.ageAtStart == 32)
        #expect(quote.ageAtEnd == 37)
        #expect(quote.endDate == .d("08.02.2029"))
        #expect(quote.paymentCount == 5)
    }

    @Test func riderSumsAreTheSurvivalSumDividedBy12_1() throws {
        let quote = try #require(PricingEngine.quote(seedRequest(product: product), product: product).success)
        let survival = try #require(quote.line("survival")).sumInsured
        for line in quote.lines where line.riskCode != "survival" {
            #expect(Money.rounded(survival.amount / Decimal(string: "12.1")!, currency: .RUB) == line.sumInsured)
        }
    }

    /// Switching an optional rider off frees its premium to the savings part: the payment stays
    /// 100 000 ₽, the survival sum (return of all contributions) does not change.
    @Test func switchingOffAnOptionalRiderMovesItsPremiumToSurvival() throws {
        let all = try #require(PricingEngine.quote(seedRequest(product: product), product: product).success)
        var risks = product.defaultRiskSelection
        risks.remove("accidentInjury")
        let fewer = try #require(PricingEngine.quote(seedRequest(product: product, risks: risks), product: product).success)
        #expect(fewer.lines.map(\.riskCode) == ["survival", "assistance", "accidentDeath", "accidentDisability"])
        #expect(fewer.totalPerPayment == .rub("100 000"))
        #expect(fewer.line("survival")?.premium == .rub("99 703,27"))
        #expect(fewer.line("survival")?.sumInsured == all.line("survival")?.sumInsured)
        #expect(fewer.line("assistance") == all.line("assistance"))
    }

    /// The reverse calculation from the seed's sum insured gives back the seed's payment.
    @Test func reverseCalculationFromTheSeedSumGivesTheSeedPayment() throws {
        let request = seedRequest(product: product, basis: .sumInsured(.rub("603 566,62")))
        let quote = try #require(PricingEngine.quote(request, product: product).success)
        #expect(quote.totalPerPayment == .rub("100 000"))
        #expect(quote.mainSumInsured == .rub("603 566,62"))
        #expect(quote.lines.map(\.premium) == [.rub("99 482,30"), .rub("195,34"), .rub("85,44"), .rub("15,95"), .rub("220,97")])
        #expect(quote.calculatedFrom == .sumInsured)
    }
}
