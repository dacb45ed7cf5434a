import Foundation

/// Exact decimal helpers used by money and pricing.
///
/// Money never goes through `Double`: every amount is either an `Int64` of minor units or a
/// Foundation `Decimal` (38 significant digits). These helpers are the only places where a
/// `Decimal` is turned into whole minor units, so the rounding rule is defined once.
public enum DecimalRounding {
    /// Rounds `value` to `scale` fraction digits, half away from zero ("математическое округление",
    /// the rule Russian accounting and the seed's quote use: 49 881,5388 → 49 881,54).
    public static func halfUp(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// Largest value with `scale` fraction digits that is ≤ `value` (toward minus infinity).
    public static func floor(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .down)
        return result
    }

    /// Converts an integral `Decimal` to `Int64`, or nil when it is fractional or out of range.
    public static func int64(exactly value: Decimal) -> Int64? {
        // `int64Value` is some fifteen times cheaper than text (this runs for every amount of every quote), and it
        // is only trusted when it converts back to exactly `value` — which also proves `value` integral and in
        // range. Anything else takes the careful path below. Neither goes through Double.
        let quick = NSDecimalNumber(decimal: value).int64Value
        if value.isFinite, Decimal(quick) == value { return quick }
        guard value.isFinite, floor(value, scale: 0) == value else { return nil }
        guard value <= Decimal(Int64.max), value >= Decimal(Int64.min) else { return nil }
        // The textual round-trip is exact for integral decimals.
        return Int64(NSDecimalNumber(decimal: value).stringValue)
    }

    /// True when `value` needs no more than `scale` fraction digits ("10.005" fails for kopecks).
    public static func fits(_ value: Decimal, scale: Int) -> Bool {
        halfUp(value, scale: scale) == value
    }

    /// Parses a plain decimal literal ("-12", "0.06342") in an exact, locale-independent way.
    /// Only digits, one optional leading minus and one optional dot are accepted.
    public static func parse(_ text: String) -> Decimal? {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              body.count <= 60
        else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension Character {
    /// True only for the ASCII digits 0–9 (`isNumber` also accepts other scripts' digits).
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
