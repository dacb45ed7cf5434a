import Foundation

/// An exact amount that depends linearly on the two amounts that tie a quote together:
/// `constant + perPayment × P + perMainSum × M`, where P is the payment per period and M the
/// main risk's sum insured.
///
/// Every tariff rule is linear in P and M, so the engine first expresses each sum and premium in
/// this form, then solves one linear equation for the unknown (M when the premium is given, P
/// when the sum is given). No iteration, no floating point, and both directions use the same
/// formulas — the reverse calculation is exactly the inverse of the forward one.
struct AffineAmount: Equatable {
    var constant: Decimal
    var perPayment: Decimal
    var perMainSum: Decimal

    static let zero = AffineAmount(constant: 0, perPayment: 0, perMainSum: 0)
    static let payment = AffineAmount(constant: 0, perPayment: 1, perMainSum: 0)
    static let mainSum = AffineAmount(constant: 0, perPayment: 0, perMainSum: 1)

    static func constant(_ value: Decimal) -> AffineAmount {
        AffineAmount(constant: value, perPayment: 0, perMainSum: 0)
    }

    static func + (lhs: AffineAmount, rhs: AffineAmount) -> AffineAmount {
        AffineAmount(
            constant: lhs.constant + rhs.constant,
            perPayment: lhs.perPayment + rhs.perPayment,
            perMainSum: lhs.perMainSum + rhs.perMainSum)
    }

    static func - (lhs: AffineAmount, rhs: AffineAmount) -> AffineAmount {
        lhs + rhs * -1
    }

    static func * (lhs: AffineAmount, factor: Decimal) -> AffineAmount {
        AffineAmount(
            constant: lhs.constant * factor,
            perPayment: lhs.perPayment * factor,
            perMainSum: lhs.perMainSum * factor)
    }

    static func / (lhs: AffineAmount, divisor: Decimal) -> AffineAmount {
        AffineAmount(
            constant: lhs.constant / divisor,
            perPayment: lhs.perPayment / divisor,
            perMainSum: lhs.perMainSum / divisor)
    }

    /// Zero terms are skipped: most amounts depend on one of P and M only, and a `Decimal` product costs far more
    /// than the comparison (0 × x + y is y exactly, so the value is the same).
    func value(payment: Decimal, mainSum: Decimal) -> Decimal {
        var total = constant
        if !perPayment.isZero { total = total.isZero ? perPayment * payment : total + perPayment * payment }
        if !perMainSum.isZero { total = total.isZero ? perMainSum * mainSum : total + perMainSum * mainSum }
        return total
    }
}

/// Accumulated value of the contributions — the factor of `SumRule.accumulation`.
enum Accumulation {
    /// Value at the end of the term of one unit paid at the start of every payment period,
    /// compounded per period at annualRate ÷ payments per year; a single payment compounds
    /// yearly for `term` years. Annual, 5 years, 6.342 %: 1.06342 + 1.06342² + … + 1.06342⁵.
    static func factor(annualRate: Decimal, frequency: PaymentFrequency, term: Int) -> Decimal {
        if frequency == .single {
            var value: Decimal = 1
            for _ in 0..<term { value *= 1 + annualRate }
            return value
        }
        let periodGrowth = 1 + annualRate / Decimal(frequency.paymentsPerYear)
        var growth: Decimal = 1
        var total: Decimal = 0
        for _ in 0..<frequency.paymentCount(term: term) {
            growth *= periodGrowth
            total += growth
        }
        return total
    }
}
