import Foundation

/// An exact amount of money: whole minor units (kopecks, cents) of one currency.
///
/// Integer minor units make addition, subtraction and comparison exact and cheap; anything that
/// needs fractions (rates, ratios) is done in `Decimal` and brought back with an explicit rounding
/// rule (`Money.rounded`) or an allocation (`Money.allocate`), never with `Double`.
public struct Money: Sendable, Hashable {
    /// Amount in minor units, e.g. 60_356_662 for 603 566,62 ₽.
    public let minorUnits: Int64
    public let currency: CurrencyCode

    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in the given currency.
    public static func zero(_ currency: CurrencyCode) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    /// Whole major units: `Money(major: 100_000, currency: .RUB)` is 100 000,00 ₽.
    public init(major: Int64, currency: CurrencyCode) {
        self.init(minorUnits: major * currency.minorUnitsPerMajor, currency: currency)
    }

    /// Exact conversion: nil when `amount` has more fraction digits than the currency allows
    /// (10,005 ₽) or does not fit into Int64 minor units.
    public init?(exactly amount: Decimal, currency: CurrencyCode) {
        guard DecimalRounding.fits(amount, scale: currency.minorUnitDigits),
              let minor = DecimalRounding.int64(exactly: amount * Decimal(currency.minorUnitsPerMajor))
        else { return nil }
        self.init(minorUnits: minor, currency: currency)
    }

    /// Rounds an exact decimal amount half away from zero to minor units; nil only on overflow.
    public static func rounded(_ amount: Decimal, currency: CurrencyCode) -> Money? {
        // Rounded to the currency's digits it always fits them, so only the conversion to minor units can fail.
        let rounded = DecimalRounding.halfUp(amount, scale: currency.minorUnitDigits)
        guard let minor = DecimalRounding.int64(exactly: rounded * Decimal(currency.minorUnitsPerMajor)) else { return nil }
        return Money(minorUnits: minor, currency: currency)
    }

    /// The amount in major units as an exact decimal (603566.62).
    ///
    /// Built from digits and exponent rather than by dividing by 100: the same value in the same compact form
    /// (trailing zeros folded into the exponent, as `Decimal` division leaves it), without a `Decimal` division on
    /// every amount of every quote.
    public var amount: Decimal {
        var digits = minorUnits.magnitude
        var exponent = -currency.minorUnitDigits
        while digits != 0, digits % 10 == 0 {
            digits /= 10
            exponent += 1
        }
        return Decimal(sign: minorUnits < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(digits))
    }

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }
    public var isPositive: Bool { minorUnits > 0 }
}

// MARK: - Arithmetic

/// Mixing currencies is a programming error (the engine always works in the product's currency),
/// so these operators trap rather than silently converting.
extension Money {
    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Money: currency mismatch \(lhs.currency) vs \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Money: currency mismatch \(lhs.currency) vs \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits - rhs.minorUnits, currency: lhs.currency)
    }

    public static prefix func - (value: Money) -> Money {
        Money(minorUnits: -value.minorUnits, currency: value.currency)
    }

    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    /// Multiplication by a whole count (e.g. per-payment premium × payments per year) is exact.
    public static func * (lhs: Money, rhs: Int) -> Money {
        Money(minorUnits: lhs.minorUnits * Int64(rhs), currency: lhs.currency)
    }

    /// Multiplication by a fraction rounds half up to minor units; nil only on overflow.
    public func multiplied(by factor: Decimal) -> Money? {
        Money.rounded(amount * factor, currency: currency)
    }

    /// Sum of a list in one currency (zero for an empty list).
    public static func sum(_ values: [Money], currency: CurrencyCode) -> Money {
        values.reduce(.zero(currency), +)
    }
}

/// Orders by currency code first, then amount, so sorting a mixed list never traps;
/// within one currency this is the natural order of amounts.
extension Money: Comparable {
    public static func < (lhs: Money, rhs: Money) -> Bool {
        if lhs.currency != rhs.currency { return lhs.currency.rawValue < rhs.currency.rawValue }
        return lhs.minorUnits < rhs.minorUnits
    }
}
