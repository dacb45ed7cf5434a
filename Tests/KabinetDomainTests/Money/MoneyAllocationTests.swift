import Foundation
import Testing
@testable import KabinetDomain

/// Largest-remainder allocation: parts add up exactly, each within one kopeck of its share.
@Suite struct MoneyAllocationTests {
    @Test func splitsEvenlyWithLeftoverToLowerIndexes() {
        let parts = Money.allocate(.rub("100"), weights: [1, 1, 1])
        #expect(parts?.map(\.minorUnits) == [3334, 3333, 3333])
    }

    @Test func leftoverGoesToLargestFractions() {
        // Shares 0.3, 0.3, 0.4 of 0.10 → 0.03, 0.03, 0.04: exact, nothing left.
        #expect(Money.allocate(Money(minorUnits: 10, currency: .RUB), weights: [3, 3, 4])?.map(\.minorUnits) == [3, 3, 4])
        // Shares of 0.05 over 1:1:1:1:1:1 … → 1 each to the first five.
        #expect(Money.allocate(Money(minorUnits: 5, currency: .RUB), weights: Array(repeating: 1, count: 7))?.map(\.minorUnits)
            == [1, 1, 1, 1, 1, 0, 0])
        // 0.2 × 0.07 = 0.014 vs 0.8 × 0.07 = 0.056 → 1 and 6.
        #expect(Money.allocate(Money(minorUnits: 7, currency: .RUB), weights: [Decimal(string: "0.2")!, Decimal(string: "0.8")!])?
            .map(\.minorUnits) == [1, 6])
    }

    @Test func edgeCases() {
        #expect(Money.allocate(.rub("1"), weights: []) == nil)
        #expect(Money.allocate(.rub("1"), weights: [1, -1]) == nil)
        #expect(Money.allocate(.rub("1"), weights: [0, 0])?.map(\.minorUnits) == [50, 50])
        #expect(Money.allocate(.rub("-1"), weights: [1, 2])?.map(\.minorUnits) == [-33, -67])
        #expect(Money.allocate(.zero(.RUB), weights: [1, 2])?.map(\.minorUnits) == [0, 0])
    }

    /// Property: for random totals and weights the parts sum to the total, each part is the floor
    /// or ceiling of its exact share, and the result is the same when computed twice.
    @Test func propertiesHoldForRandomInputs() throws {
        var random = PricingRandom(seed: 2024)
        for round in 0..<2000 {
            let total = Money(minorUnits: Int64.random(in: -1_000_000_000...1_000_000_000, using: &random), currency: .RUB)
            let count = Int.random(in: 1...9, using: &random)
            let weights = (0..<count).map { _ in
                Decimal(Int.random(in: 0...1_000_000, using: &random)) / Decimal(Int.random(in: 1...10_000, using: &random))
            }
            let parts = try #require(Money.allocate(total, weights: weights), "seed round \(round)")
            #expect(parts.reduce(0) { $0 + $1.minorUnits } == total.minorUnits, "round \(round)")
            #expect(Money.allocate(total, weights: weights) == parts)
            let weightSum = weights.reduce(0, +)
            for (part, weight) in zip(parts, weights) where weightSum > 0 {
                let share = Decimal(total.minorUnits.magnitude) * weight / weightSum
                let difference = Decimal(part.minorUnits.magnitude) - share
                #expect(difference > -1 && difference < 1, "round \(round)")
            }
        }
    }
}
