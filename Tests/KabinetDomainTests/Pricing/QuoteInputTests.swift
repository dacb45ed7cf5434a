import Foundation
import Testing
@testable import KabinetDomain

/// Raw form strings → `QuoteRequest`, with field errors for anything unreadable.
@Suite struct QuoteInputTests {
    let today = CalendarDate.d("01.02.2024")

    func seedInput() -> QuoteInput {
        QuoteInput(productCode: "product-1", startDate: "09.02.2024", frequency: "annual", term: "5", premium: "100 000",
                   sex: "male", birthDate: "01.01.1992",
                   risks: ["survival", "assistance", "accidentDeath", "accidentDisability", "accidentInjury"])
    }

    @Test func seedFormParsesAndPrices() throws {
        let request = try #require(seedInput().parse(currency: .RUB, today: today).success)
        #expect(request.basis == .premium(.rub("100 000")))
        #expect(request.startDate == .d("09.02.2024"))
        #expect(request.term == 5)
        let product = try #require(TariffFixtures.product("product-1"))
        let quote = try #require(PricingEngine.quote(request, product: product).success)
        #expect(quote.mainSumInsured == .rub("603 566,62"))
    }

    @Test func reverseBasisUsesTheSumField() throws {
        var input = seedInput()
        input.basis = "sumInsured"
        input.sumInsured = "603 566,62"
        input.premium = "garbage that is ignored"
        let request = try #require(input.parse(currency: .RUB, today: today).success)
        #expect(request.basis == .sumInsured(.rub("603 566,62")))
    }

    @Test func everyBadFieldIsReported() {
        let input = QuoteInput(productCode: " ", startDate: "31.02.2024", frequency: "weekly", term: "five", premium: "10,005",
                               sex: "x", birthDate: "", risks: [])
        let errors = input.parse(currency: .RUB, today: today).failure?.errors ?? []
        #expect(errors.map { "\($0.field) \($0.key)" } == [
            "startDate pricing.date.invalid",
            "birthDate pricing.required",
            "frequency pricing.frequency.unknown",
            "term pricing.term.invalid",
            "sex pricing.sex.unknown",
            "premium money.too_many_fraction_digits",
            "product pricing.required",
        ])
    }

    @Test func unknownBasisAndEmptyAmount() {
        var input = seedInput()
        input.basis = "both"
        #expect(input.parse(currency: .RUB, today: today).failure?.keys == ["pricing.basis.unknown"])
        input.basis = nil
        input.premium = "  "
        #expect(input.parse(currency: .RUB, today: today).failure?.errors == [FieldError(field: "premium", key: "pricing.required", arguments: ["value": "  "])])
    }

    @Test func termOutOfAnyRangeIsInvalidNotCrashing() {
        var input = seedInput()
        input.term = "100000000000000000000"
        #expect(input.parse(currency: .RUB, today: today).failure?.keys == ["pricing.term.invalid"])
        input.term = "0"
        #expect(input.parse(currency: .RUB, today: today).failure?.keys == ["pricing.term.invalid"])
    }
}
