import Foundation
import Testing
@testable import KabinetDomain

/// Each rule kind on a small inline tariff, with amounts checked by hand.
@Suite struct PricingRuleTests {
    /// A minimal savings product: survival accumulates at `rate`, one accident rider.
    func savings(rate: Decimal = Decimal(string: "0.1")!, riderPremium: PremiumRule = .shareOfPayment(Decimal(string: "0.01")!),
                 riderSum: SumRule = .ratio(of: "survival", multiplier: 1, divisor: 10)) -> ProductDefinition {
        ProductDefinition(
            code: "s", name: "S", kind: .savings, currency: .RUB, version: "1", validFrom: .d("01.01.2024"),
            startDate: StartDateRule(minDaysAhead: 0, maxDaysAhead: 10),
            frequencies: [.single, .annual, .monthly], terms: [1, 2, 3],
            premiumLimits: [.single: AmountRange(min: 1, max: 10_000_000), .annual: AmountRange(min: 1, max: 10_000_000),
                            .monthly: AmountRange(min: 1, max: 10_000_000)],
            frequencyLoadings: [.monthly: Decimal(string: "1.2")!],
            insuredAge: AgeLimits(minAtStart: 18, maxAtStart: 60, maxAtEnd: 70), mainRisk: "survival",
            risks: [
                RiskDefinition(code: "survival", name: "Дожитие", mandatory: true, sumInsured: .accumulation(annualRate: rate), premium: .remainder),
                RiskDefinition(code: "rider", name: "НС", mandatory: false, sumInsured: riderSum, premium: riderPremium),
            ])
    }

    func request(_ product: ProductDefinition, _ frequency: PaymentFrequency, term: Int, _ basis: QuoteRequest.Basis,
                 risks: Set<String>? = nil, age: Int = 30) -> QuoteRequest {
        QuoteRequest(productCode: product.code, startDate: .d("01.03.2024"), frequency: frequency, term: term, basis: basis,
                     sex: .male, birthDate: CalendarDate.d("01.03.2024").adding(years: -age),
                     selectedRisks: risks ?? product.defaultRiskSelection, today: .d("01.03.2024"))
    }

    @Test func accumulationAnnualIsAnAnnuityDue() throws {
        let p = savings()
        let quote = try #require(PricingEngine.quote(request(p, .annual, term: 2, .premium(.rub("1000"))), product: p).success)
        // 1000 × (1.1 + 1.21) = 2310; rider 1 % of the payment.
        #expect(quote.mainSumInsured == .rub("2 310"))
        #expect(quote.line("rider")?.sumInsured == .rub("231"))
        #expect(quote.line("rider")?.premium == .rub("10"))
        #expect(quote.line("survival")?.premium == .rub("990"))
    }

    @Test func accumulationSingleCompoundsOverTheTerm() throws {
        let p = savings()
        let quote = try #require(PricingEngine.quote(request(p, .single, term: 3, .premium(.rub("1000"))), product: p).success)
        #expect(quote.mainSumInsured == .rub("1 331"))
        #expect(quote.paymentCount == 1)
        #expect(quote.totalPerYear == .rub("1 000"))
    }

    @Test func accumulationMonthlyCompoundsPerMonth() throws {
        let p = savings(rate: Decimal(string: "0.12")!)
        let quote = try #require(PricingEngine.quote(request(p, .monthly, term: 1, .premium(.rub("100"))), product: p).success)
        // 100 × Σ 1.01^k, k = 1…12 = 100 × 12.809328…
        #expect(quote.mainSumInsured == .rub("1 280,93"))
        #expect(quote.totalPerYear == .rub("1 200"))
        #expect(quote.paymentCount == 12)
    }

    @Test func rateTablePremiumUsesYearsPerPaymentAndLoading() throws {
        let table = PremiumRule.rateTable([RateBand(ageFrom: 18, ageTo: 60, male: Decimal(string: "0.012")!, female: 0)])
        let p = savings(riderPremium: table, riderSum: .fixed(amount: 100_000))
        let monthly = try #require(PricingEngine.quote(request(p, .monthly, term: 1, .premium(.rub("1000"))), product: p).success)
        // 0.012 × 100 000 / 12 × 1.2 loading = 120 per month.
        #expect(monthly.line("rider")?.premium == .rub("120"))
        let single = try #require(PricingEngine.quote(request(p, .single, term: 3, .premium(.rub("10000"))), product: p).success)
        // Single premium covers all 3 years: 0.012 × 100 000 × 3 = 3600.
        #expect(single.line("rider")?.premium == .rub("3 600"))
        #expect(single.line("survival")?.premium == .rub("6 400"))
    }

    @Test func multipleOfAnnualPayment() throws {
        let p = savings(riderSum: .multipleOfAnnualPayment(factor: 2))
        let quote = try #require(PricingEngine.quote(request(p, .monthly, term: 1, .premium(.rub("500"))), product: p).success)
        #expect(quote.line("rider")?.sumInsured == .rub("12 000"))
    }

    @Test func inputMainSumWithRidersFromTheSumAndFromThePremium() throws {
        let death = PremiumRule.rateTable([RateBand(ageFrom: 18, ageTo: 60, male: Decimal(string: "0.002")!, female: Decimal(string: "0.001")!)])
        let injury = PremiumRule.rateTable([RateBand(ageFrom: 18, ageTo: 60, male: Decimal(string: "0.004")!, female: Decimal(string: "0.003")!)])
        let p = ProductDefinition(
            code: "a", name: "A", kind: .accident, currency: .USD, version: "1", validFrom: .d("01.01.2024"),
            startDate: StartDateRule(minDaysAhead: 0, maxDaysAhead: 10), frequencies: [.annual], terms: [1],
            premiumLimits: [.annual: AmountRange(min: 1, max: 100_000)],
            insuredAge: AgeLimits(minAtStart: 18, maxAtStart: 60, maxAtEnd: 70), mainRisk: "death",
            risks: [
                RiskDefinition(code: "death", name: "Смерть НС", mandatory: true, sumInsured: .input, premium: death),
                RiskDefinition(code: "injury", name: "Травмы", mandatory: false, sumInsured: .ratio(of: "death", multiplier: 1, divisor: 2), premium: injury),
            ])
        let sum = Money(major: 100_000, currency: .USD)
        let fromSum = try #require(PricingEngine.quote(request(p, .annual, term: 1, .sumInsured(sum)), product: p).success)
        #expect(fromSum.lines.map(\.premium.plainString) == ["200.00", "200.00"])
        #expect(fromSum.totalPerPayment.plainString == "400.00")
        // From a premium of 400 the engine finds the same sum.
        let fromPremium = try #require(PricingEngine.quote(request(p, .annual, term: 1, .premium(Money(major: 400, currency: .USD))), product: p).success)
        #expect(fromPremium.mainSumInsured == sum)
        // Without the rider, 400 buys twice the death cover.
        let alone = try #require(PricingEngine.quote(request(p, .annual, term: 1, .premium(Money(major: 400, currency: .USD)), risks: ["death"]), product: p).success)
        #expect(alone.mainSumInsured == Money(major: 200_000, currency: .USD))
    }

    @Test func sumLimitsOfARisk() throws {
        var p = savings()
        p.risks[1].sumInsuredLimits = AmountRange(min: 1, max: 200)
        let found = PricingEngine.quote(request(p, .annual, term: 2, .premium(.rub("1000"))), product: p).failure?.errors
        #expect(found == [FieldError(field: "risks", key: "pricing.risk.sum_out_of_limits", arguments: [
            "risk": "rider", "name": "НС", "sum": "231.00", "min": "1", "max": "200", "currency": "RUB"])])
    }

    @Test func unsolvableTariffIsAFieldErrorNotACrash() {
        // Remainder product whose main sum ignores the payment: a sum cannot be reached.
        var p = savings()
        p.risks[0].sumInsured = .fixed(amount: 1000)
        let result = PricingEngine.quote(request(p, .annual, term: 1, .sumInsured(.rub("5000"))), product: p)
        #expect(result.failure?.keys == ["pricing.unsolvable"])
    }

    @Test func hugeAmountsAreRefusedCleanly() {
        let p = savings()
        var r = request(p, .annual, term: 1, .premium(Money(minorUnits: Int64.max / 2, currency: .RUB)))
        r.basis = .sumInsured(Money(minorUnits: Int64.max / 2, currency: .RUB))
        let result = PricingEngine.quote(r, product: p)
        #expect(result.success == nil)
        #expect(result.failure?.errors.isEmpty == false)
    }

    @Test func quoteAndRequestEncodeToJSON() throws {
        let p = savings()
        let req = request(p, .annual, term: 2, .premium(.rub("1000")))
        let quote = try #require(PricingEngine.quote(req, product: p).success)
        let data = try JSONEncoder().encode(quote)
        #expect(try JSONDecoder().decode(Quote.self, from: data) == quote)
        #expect(String(decoding: data, as: UTF8.self).contains(#""amount":"2310.00""#))
        #expect(try JSONDecoder().decode(QuoteRequest.self, from: JSONEncoder().encode(req)) == req)
    }
}
