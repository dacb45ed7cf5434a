import Foundation
import Testing
@testable import KabinetDomain

/// Bad input never throws and never yields a partial quote: it yields field errors with keys.
@Suite struct QuoteRequestErrorTests {
    let product: ProductDefinition

    init() throws {
        product = try #require(TariffFixtures.product("product-1"))
    }

    func errors(_ request: QuoteRequest) -> [FieldError] {
        PricingEngine.quote(request, product: product).failure?.errors ?? []
    }

    @Test func premiumOutOfLimits() {
        let low = errors(seedRequest(product: product, basis: .premium(.rub("29 999,99"))))
        #expect(low == [FieldError(field: "premium", key: "pricing.premium.out_of_limits", arguments: [
            "premium": "29999.99", "min": "30000.00", "max": "3000000.00", "currency": "RUB", "frequency": "annual"])])
        let high = errors(seedRequest(product: product, basis: .premium(.rub("3 000 000,01"))))
        #expect(high.map(\.key) == ["pricing.premium.out_of_limits"])
        #expect(errors(seedRequest(product: product, basis: .premium(.rub("30 000")))).isEmpty)
        #expect(errors(seedRequest(product: product, basis: .premium(.rub("3 000 000")))).isEmpty)
        // Monthly limits are per payment.
        #expect(errors(seedRequest(product: product, frequency: .monthly, basis: .premium(.rub("2 500")))).isEmpty)
        #expect(errors(seedRequest(product: product, frequency: .monthly, basis: .premium(.rub("2 499")))).map(\.key)
            == ["pricing.premium.out_of_limits"])
    }

    @Test func sumInsuredLeadingToAPremiumOutOfLimitsIsReportedOnTheSum() {
        let found = errors(seedRequest(product: product, basis: .sumInsured(.rub("10 000"))))
        #expect(found.map(\.field) == ["sumInsured"])
        #expect(found.map(\.key) == ["pricing.sum_insured.premium_out_of_limits"])
    }

    @Test func zeroNegativeAndForeignAmounts() {
        #expect(errors(seedRequest(product: product, basis: .premium(.zero(.RUB)))).map(\.key) == ["pricing.premium.not_positive"])
        #expect(errors(seedRequest(product: product, basis: .sumInsured(.rub("-1")))).map(\.key) == ["pricing.sum_insured.not_positive"])
        #expect(errors(seedRequest(product: product, basis: .premium(Money(major: 1000, currency: .USD)))).map(\.key)
            == ["pricing.currency.mismatch"])
    }

    @Test func ageOutOfLimitsAtStart() {
        // 17 years on the start date (18th birthday is the day after).
        let young = errors(seedRequest(product: product, birthDate: .d("10.02.2006")))
        #expect(young == [FieldError(field: "birthDate", key: "pricing.age.at_start_out_of_limits",
                                     arguments: ["age": "17", "min": "18", "max": "65"])])
        #expect(errors(seedRequest(product: product, birthDate: .d("09.02.2006"))).isEmpty)
        let old = errors(seedRequest(product: product, birthDate: .d("08.02.1958")))
        #expect(old.map { [$0.field, $0.key, $0.arguments["age"]] } == [["birthDate", "pricing.age.at_start_out_of_limits", "66"]])
    }

    @Test func ageOutOfLimitsAtEnd() {
        // 65 at start + 15 years = 80 > 75; with 10 years it is 75, allowed.
        let found = errors(seedRequest(product: product, term: 15, birthDate: .d("01.01.1959")))
        #expect(found == [FieldError(field: "birthDate", key: "pricing.age.at_end_out_of_limits",
                                     arguments: ["age": "80", "max": "75", "term": "15"])])
        #expect(errors(seedRequest(product: product, term: 10, birthDate: .d("01.01.1959"))).isEmpty)
    }

    @Test func birthDateAfterStart() {
        let found = errors(seedRequest(product: product, birthDate: .d("10.02.2024")))
        #expect(found.map(\.key) == ["pricing.birth_date.after_start"])
    }

    @Test func startDateOutOfRange() {
        // Window: today + 1 … today + 30.
        let today = CalendarDate.d("01.02.2024")
        #expect(errors(seedRequest(product: product, startDate: today, today: today))
            == [FieldError(field: "startDate", key: "pricing.start_date.out_of_range",
                           arguments: ["value": "2024-02-01", "earliest": "2024-02-02", "latest": "2024-03-02"])])
        #expect(errors(seedRequest(product: product, startDate: .d("03.03.2024"), today: today)).map(\.key)
            == ["pricing.start_date.out_of_range"])
        #expect(errors(seedRequest(product: product, startDate: .d("02.03.2024"), today: today)).isEmpty)
        #expect(errors(seedRequest(product: product, startDate: .d("02.02.2024"), today: today)).isEmpty)
    }

    @Test func frequencyAndTermNotOffered() {
        let found = errors(seedRequest(product: product, frequency: .single, term: 6))
        #expect(found == [
            FieldError(field: "frequency", key: "pricing.frequency.not_allowed",
                       arguments: ["value": "single", "allowed": "annual, semiAnnual, quarterly, monthly"]),
            FieldError(field: "term", key: "pricing.term.not_allowed", arguments: ["value": "6", "allowed": "5, 7, 10, 15"]),
        ])
    }

    @Test func mandatoryRiskSwitchedOffAndUnknownRisk() {
        var risks = product.defaultRiskSelection
        risks.remove("accidentDeath")
        risks.insert("flood")
        let found = errors(seedRequest(product: product, risks: risks))
        #expect(found == [
            FieldError(field: "risks", key: "pricing.risk.unknown", arguments: ["risk": "flood"]),
            FieldError(field: "risks", key: "pricing.risk.mandatory_missing", arguments: [
                "risk": "accidentDeath", "name": "Смерть Застрахованного в результате несчастного случая",
                "englishName": "Death of the insured as a result of an accident"]),
        ])
    }

    @Test func wrongProductCode() {
        var request = seedRequest(product: product)
        request.productCode = "product-2"
        #expect(errors(request).map(\.key) == ["pricing.product.unknown"])
    }

    @Test func allErrorsAreCollectedAtOnce() {
        let found = errors(seedRequest(product: product, startDate: .d("01.01.2030"), frequency: .single, term: 3,
                                       basis: .premium(.rub("1")), birthDate: .d("01.01.2020"), risks: []))
        #expect(Set(found.map(\.field)) == ["startDate", "frequency", "term", "birthDate", "risks"])
    }

    @Test func premiumTooLowForTheRidersIsAnErrorNotANegativeSavingsPart() throws {
        // A tariff whose riders cost more than a minimum payment: survival would go negative.
        var expensive = product
        expensive.premiumLimits[.annual] = AmountRange(min: 1, max: 3_000_000)
        for index in expensive.risks.indices where index > 0 {
            expensive.risks[index].sumInsured = .ratio(of: "survival", multiplier: 100, divisor: 1)
        }
        let found = PricingEngine.quote(seedRequest(product: expensive, basis: .premium(.rub("1000"))), product: expensive)
        #expect(found.failure?.keys == ["pricing.premium.too_low_for_risks"])
    }
}
