import Foundation

/// Splitting a total into parts that add up to it exactly.
///
/// Used for risk premiums: the agent types a payment of 100 000 ₽ and the five risk premiums
/// printed in the quote must add up to exactly that — not 99 999,99 ₽ — so rounding each part on
/// its own is not enough. The largest-remainder (Hamilton) method hands the leftover minor units
/// to the parts whose exact shares lost the most in rounding.
extension Money {
    /// Allocates `total` proportionally to `weights`.
    ///
    /// Guarantees: the parts sum exactly to `total`; each part is its exact share rounded down or
    /// up by at most one minor unit; the result depends only on the inputs (ties in the leftover
    /// go to the lower index). Weights need not add up to anything in particular; all-zero weights
    /// split evenly. Returns nil for an empty or negative weight list.
    public static func allocate(_ total: Money, weights: [Decimal]) -> [Money]? {
        guard !weights.isEmpty, weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        let sign: Int64 = total.minorUnits < 0 ? -1 : 1
        let magnitude = Decimal(total.minorUnits.magnitude)
        var effective = weights
        var weightSum = effective.reduce(Decimal(0), +)
        if weightSum == 0 {
            effective = Array(repeating: 1, count: weights.count)
            weightSum = Decimal(weights.count)
        }

        var floors: [Int64] = []
        var fractions: [Decimal] = []
        for weight in effective {
            let share = magnitude * weight / weightSum
            let whole = DecimalRounding.floor(share, scale: 0)
            floors.append(DecimalRounding.int64(exactly: whole) ?? 0)
            fractions.append(share - whole)
        }

        var leftover = Int64(total.minorUnits.magnitude) - floors.reduce(0, +)
        // Normal case: 0 ≤ leftover < count. Give +1 to the largest fractions, lower index first.
        let byFractionDescending = fractions.indices.sorted {
            fractions[$0] != fractions[$1] ? fractions[$0] > fractions[$1] : $0 < $1
        }
        var cursor = 0
        while leftover > 0, !byFractionDescending.isEmpty {
            floors[byFractionDescending[cursor % byFractionDescending.count]] += 1
            leftover -= 1
            cursor += 1
        }
        // Only reachable if 38-digit Decimal division rounded a share up past an integer:
        // take the surplus back from the smallest fractions, never making a part negative.
        var back = byFractionDescending.reversed().filter { floors[$0] > 0 }
        while leftover < 0, !back.isEmpty {
            let index = back.removeFirst()
            floors[index] -= 1
            leftover += 1
            if floors[index] > 0 { back.append(index) }
        }
        return floors.map { Money(minorUnits: sign * $0, currency: total.currency) }
    }
}
