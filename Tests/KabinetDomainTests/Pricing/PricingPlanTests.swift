import Foundation
import Testing
@testable import KabinetDomain

/// The remembered models of `PricingPlan` (the quote endpoint's fast path) give exactly what a straightforward
/// computation gives, over all demo tariffs and many random requests in both directions.
@Suite struct PricingPlanTests {
    let products = TariffFixtures.allProducts()

    @Test func planQuotesEqualTheStraightforwardComputation() throws {
        // given one catalog, so every product's plan is reused (and its models hit) across the rounds
        let catalog = try #require(ProductCatalog.make(products).success)
        let generator = PricingPropertyTests()
        var random = PricingRandom(seed: 20261123)
        var priced = 0
        #expect(products.count == 15)
        for round in 0..<4000 {
            let product = products[round % products.count]
            let request = generator.randomRequest(product, &random, fromSum: round % 3 == 0)
            // when
            let fast = catalog.quote(request)
            // then: the same result as the engine without the plan, and every amount as the reference rounds it
            #expect(fast == PricingEngine.quote(request, product: product), "round \(round)")
            guard let quote = fast.success else { continue }
            priced += 1
            let expected = try #require(ReferencePricing.amounts(request, product: product), "round \(round)")
            #expect(quote.lines.map(\.premium) == expected.premiums, "round \(round) \(product.code)")
            #expect(quote.lines.map(\.sumInsured) == expected.sums, "round \(round) \(product.code)")
        }
        #expect(priced > 2000, "too few random requests priced: \(priced)")
    }

    /// The engine reads amounts through `Money.amount` and writes them back through `Money.rounded`; both now skip
    /// a `Decimal` division or a text round-trip, and must still give the very same values.
    @Test func amountsConvertExactlyBothWays() {
        var random = PricingRandom(seed: 7)
        for round in 0..<20000 {
            // given minor units of every magnitude, with and without trailing zeros
            let digits = Int64.random(in: 0...15, using: &random)
            var bound: Int64 = 1
            for _ in 0..<digits { bound *= 10 }
            let minor = Int64.random(in: -bound...bound, using: &random) * [1, 10, 100, 1000][round % 4] / 10
            let money = Money(minorUnits: minor, currency: .RUB)
            // when
            let amount = money.amount
            // then: the same decimal, in the same form, as dividing by 100
            let divided = Decimal(minor) / 100
            #expect(amount == divided && amount.exponent == divided.exponent && amount.significand == divided.significand,
                    "\(minor)")
            #expect(Money.rounded(amount, currency: .RUB) == money, "\(minor)")
            #expect(DecimalRounding.int64(exactly: Decimal(minor)) == minor, "\(minor)")
        }
        // plain digits (the fast path) read as the general path reads them (a leading space forces that path)
        for digits in ["0", "00", "7", "100000", "000100000", "123456789012345", "0123456789012345", "1234567890123456"] {
            #expect(Money.parse(digits, currency: .USD) == Money.parse(" " + digits, currency: .USD), "\(digits)")
        }
        #expect(DecimalRounding.int64(exactly: Decimal(string: "12.5")!) == nil)
        #expect(DecimalRounding.int64(exactly: Decimal(string: "1e19")!) == nil)
        #expect(DecimalRounding.int64(exactly: Decimal(Int64.min)) == Int64.min)
        #expect(DecimalRounding.int64(exactly: Decimal(string: "1200.00")!) == 1200)
    }

    @Test func aPlanRemembersOneModelPerCombination() throws {
        // given
        let product = try #require(TariffFixtures.product("product-1"))
        let plan = PricingPlan(product)
        // when the same combination is priced with different amounts
        let first = plan.quote(seedRequest(product: product))
        let second = plan.quote(seedRequest(product: product, basis: .premium(.rub("150 000"))))
        let other = plan.quote(seedRequest(product: product, sex: .female))
        // then
        #expect(first == PricingEngine.quote(seedRequest(product: product), product: product))
        #expect(second.success?.totalPerPayment == .rub("150 000"))
        #expect(other.success != nil)
        #expect(plan.cachedModelCount == 2)
    }
}

/// The engine's arithmetic written out plainly: the exact amounts of a freshly built model, the premiums split
/// by largest remainder (from the premium) or rounded half up (from the sum), and every `Decimal` turned into
/// kopecks through its text — the way the engine did it before the fast paths.
enum ReferencePricing {
    static func amounts(_ request: QuoteRequest, product: ProductDefinition) -> (premiums: [Money], sums: [Money])? {
        let age = request.birthDate.age(on: request.startDate)
        let model = PricingModel(product: product, frequency: request.frequency, term: request.term, age: age,
                                 sex: request.sex, selected: request.selectedRisks)
        let equation = model.equation
        let payment: Decimal, mainSum: Decimal
        switch request.basis {
        case .premium(let money):
            payment = Decimal(money.minorUnits) / 100
            mainSum = -(equation.constant + equation.perPayment * payment) / equation.perMainSum
        case .sumInsured(let money):
            mainSum = Decimal(money.minorUnits) / 100
            payment = -(equation.constant + equation.perMainSum * mainSum) / equation.perPayment
        }
        let exact = model.premiums.map { $0.amount.value(payment: payment, mainSum: mainSum) }
        let premiums: [Money]
        switch request.basis {
        case .premium(let total): premiums = split(total, exact)
        case .sumInsured:
            var rounded = exact.map { kopecks(halfUp($0), product.currency) }
            if let index = model.premiums.firstIndex(where: { product.risk($0.code)?.premium == .remainder }) {
                let others = rounded.indices.filter { $0 != index }.reduce(0) { $0 + rounded[$1].minorUnits }
                rounded[index] = Money(minorUnits: kopecks(halfUp(payment), product.currency).minorUnits - others,
                                       currency: product.currency)
            }
            premiums = rounded
        }
        let sums = model.premiums.map { entry -> Money in
            if entry.code == product.mainRisk, case .sumInsured(let typed) = request.basis { return typed }
            return kopecks(halfUp(model.sums[entry.code]!.value(payment: payment, mainSum: mainSum)), product.currency)
        }
        return (premiums, sums)
    }

    static func halfUp(_ value: Decimal) -> Decimal {
        var input = value, result = Decimal()
        NSDecimalRound(&result, &input, 2, .plain)
        return result
    }

    static func kopecks(_ value: Decimal, _ currency: CurrencyCode) -> Money {
        Money(minorUnits: Int64(NSDecimalNumber(decimal: value * 100).stringValue)!, currency: currency)
    }

    /// Largest remainder: floors, then one kopeck each to the largest fractions, lower index first on a tie.
    static func split(_ total: Money, _ weights: [Decimal]) -> [Money] {
        let sum = weights.reduce(0, +)
        let shares = weights.map { Decimal(total.minorUnits) * $0 / sum }
        var floors = shares.map { share -> Int64 in
            var input = share, whole = Decimal()
            NSDecimalRound(&whole, &input, 0, .down)
            return Int64(NSDecimalNumber(decimal: whole).stringValue)!
        }
        let fractions = zip(shares, floors).map { $0 - Decimal($1) }
        let order = fractions.indices.sorted { fractions[$0] != fractions[$1] ? fractions[$0] > fractions[$1] : $0 < $1 }
        for index in order.prefix(Int(total.minorUnits - floors.reduce(0, +))) { floors[index] += 1 }
        return floors.map { Money(minorUnits: $0, currency: total.currency) }
    }
}
