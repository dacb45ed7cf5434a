import Foundation
import Testing
@testable import KabinetDomain

/// Properties of the engine over all demo tariffs and many seeded random requests.
@Suite struct PricingPropertyTests {
    let products = TariffFixtures.allProducts()
    let today = CalendarDate.d("01.02.2024")
    let start = CalendarDate.d("15.02.2024")

    /// A random request inside the product's rules (amounts may still hit limits).
    func randomRequest(_ product: ProductDefinition, _ random: inout PricingRandom, fromSum: Bool? = nil) -> QuoteRequest {
        let frequency = product.frequencies.randomElement(using: &random)!
        let term = product.terms.randomElement(using: &random)!
        let ages = product.insuredAge
        let age = Int.random(in: ages.minAtStart...max(ages.minAtStart, min(ages.maxAtStart, ages.maxAtEnd - term)), using: &random)
        let birth = start.adding(years: -age).adding(days: -Int.random(in: 0...300, using: &random))
        let limits = product.premiumLimits(for: frequency)!
        let main = product.risk(product.mainRisk)!
        let useSum = fromSum ?? (main.sumInsured == .input || Bool.random(using: &random))
        let basis: QuoteRequest.Basis
        if useSum {
            let range = main.sumInsuredLimits ?? AmountRange(min: 100_000, max: 5_000_000)
            let low = Money(exactly: range.min, currency: product.currency)!.minorUnits
            let high = Money(exactly: range.max, currency: product.currency)!.minorUnits
            basis = .sumInsured(Money(minorUnits: Int64.random(in: low...max(low, high / 4), using: &random), currency: product.currency))
        } else {
            basis = .premium(Money(minorUnits: Int64.random(in: limits.min.minorUnits...limits.max.minorUnits, using: &random),
                                   currency: product.currency))
        }
        var risks = Set(product.mandatoryRiskCodes)
        for risk in product.risks where !risk.mandatory && Bool.random(using: &random) { risks.insert(risk.code) }
        return QuoteRequest(productCode: product.code, startDate: start, frequency: frequency, term: term, basis: basis,
                            sex: Bool.random(using: &random) ? .male : .female, birthDate: birth,
                            selectedRisks: risks, today: today)
    }

    @Test func partsAlwaysAddUpAndQuotesAreDeterministic() {
        var random = PricingRandom(seed: 42)
        var priced = 0
        for round in 0..<3000 {
            let product = products[round % products.count]
            let request = randomRequest(product, &random)
            let result = PricingEngine.quote(request, product: product)
            #expect(PricingEngine.quote(request, product: product) == result, "round \(round)")
            guard let quote = result.success else {
                #expect(result.failure?.errors.isEmpty == false)
                continue
            }
            priced += 1
            #expect(Money.sum(quote.lines.map(\.premium), currency: product.currency) == quote.totalPerPayment, "round \(round)")
            #expect(quote.totalPerYear == quote.totalPerPayment * request.frequency.paymentsPerYear)
            if case .premium(let payment) = request.basis { #expect(quote.totalPerPayment == payment, "round \(round)") }
            if case .sumInsured(let sum) = request.basis { #expect(quote.mainSumInsured == sum, "round \(round)") }
            #expect(quote.lines.map(\.riskCode) == product.risks.map(\.code).filter(request.selectedRisks.contains))
            #expect(quote.lines.allSatisfy { !$0.premium.isNegative && $0.sumInsured.isPositive }, "round \(round)")
            #expect(quote.productVersion == product.version)
        }
        #expect(priced > 1500, "too few random requests priced: \(priced)")
    }

    /// Same cover (same sums, from the sum insured), older insured → never a lower premium for
    /// any rate-table risk (accident, death, illness), for either sex.
    @Test func olderInsuredNeverPayLessForTheSameCover() {
        var random = PricingRandom(seed: 7)
        for round in 0..<2000 {
            let product = products[round % products.count]
            var request = randomRequest(product, &random, fromSum: true)
            let ages = product.insuredAge
            let youngest = ages.minAtStart
            let oldest = min(ages.maxAtStart, ages.maxAtEnd - request.term)
            guard oldest > youngest else { continue }
            let a = Int.random(in: youngest..<oldest, using: &random)
            let b = Int.random(in: (a + 1)...oldest, using: &random)
            request.birthDate = start.adding(years: -a)
            let younger = PricingEngine.quote(request, product: product).success
            request.birthDate = start.adding(years: -b)
            let older = PricingEngine.quote(request, product: product).success
            guard let younger, let older else { continue }
            for line in younger.lines {
                guard case .rateTable = product.risk(line.riskCode)?.premium, let other = older.line(line.riskCode) else { continue }
                #expect(other.sumInsured == line.sumInsured, "\(product.code) round \(round)")
                #expect(other.premium >= line.premium, "\(product.code) \(line.riskCode) ages \(a)→\(b)")
            }
        }
    }

    /// A higher payment never gives a lower survival (or any other) sum insured.
    @Test func higherPremiumNeverGivesALowerSum() {
        var random = PricingRandom(seed: 99)
        let savings = products.filter { $0.risks.contains { if case .accumulation = $0.sumInsured { true } else { false } } }
        #expect(savings.count >= 6)
        for round in 0..<2000 {
            let product = savings[round % savings.count]
            var request = randomRequest(product, &random, fromSum: false)
            let limits = product.premiumLimits(for: request.frequency)!
            let p1 = Int64.random(in: limits.min.minorUnits..<limits.max.minorUnits, using: &random)
            let p2 = Int64.random(in: (p1 + 1)...min(limits.max.minorUnits, p1 + 1 + Int64.random(in: 0...1_000_000, using: &random)), using: &random)
            request.basis = .premium(Money(minorUnits: p1, currency: product.currency))
            guard let low = PricingEngine.quote(request, product: product).success else { continue }
            request.basis = .premium(Money(minorUnits: p2, currency: product.currency))
            guard let high = PricingEngine.quote(request, product: product).success else { continue }
            #expect(high.mainSumInsured >= low.mainSumInsured, "\(product.code) \(p1)→\(p2)")
            for line in low.lines { #expect(high.line(line.riskCode)!.sumInsured >= line.sumInsured) }
        }
    }

    /// Pricing from the sum a premium-based quote produced gives back that premium within a few
    /// kopecks (each premium is rounded once more).
    @Test func reverseCalculationInvertsTheForwardOne() {
        var random = PricingRandom(seed: 5)
        var checked = 0
        for round in 0..<1500 {
            let product = products[round % products.count]
            var request = randomRequest(product, &random, fromSum: false)
            guard let forward = PricingEngine.quote(request, product: product).success else { continue }
            request.basis = .sumInsured(forward.mainSumInsured)
            guard let back = PricingEngine.quote(request, product: product).success else { continue }
            checked += 1
            let drift = abs(back.totalPerPayment.minorUnits - forward.totalPerPayment.minorUnits)
            #expect(drift <= Int64(forward.lines.count), "\(product.code) round \(round): \(forward.totalPerPayment) vs \(back.totalPerPayment)")
        }
        #expect(checked > 500)
    }

    /// Optional risk off: where a savings part takes the remainder the payment is unchanged
    /// (the rider's premium goes to the savings part); where the main sum is the input, a fixed
    /// payment buys a larger cover, and a fixed sum costs less by exactly that risk's premium.
    @Test func switchingOffAnOptionalRiskFollowsTheTariff() {
        var random = PricingRandom(seed: 3)
        for round in 0..<1500 {
            let product = products[round % products.count]
            var request = randomRequest(product, &random)
            request.selectedRisks = product.defaultRiskSelection
            guard let full = PricingEngine.quote(request, product: product).success,
                  let optional = product.risks.filter({ !$0.mandatory }).randomElement(using: &random)
            else { continue }
            request.selectedRisks.remove(optional.code)
            guard let reduced = PricingEngine.quote(request, product: product).success else { continue }
            let removed = full.line(optional.code)!.premium
            let hasSavingsPart = product.risks.contains { $0.premium == .remainder }
            if hasSavingsPart || request.basis.field == .premium {
                #expect(reduced.totalPerPayment == full.totalPerPayment, "\(product.code) round \(round)")
            } else {
                #expect(reduced.totalPerPayment == full.totalPerPayment - removed, "\(product.code) round \(round)")
            }
        }
    }
}
