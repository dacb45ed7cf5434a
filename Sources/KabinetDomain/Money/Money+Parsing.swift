import Foundation

/// Why a user-typed amount was refused; `key` is the message key shown next to the field.
public enum MoneyParseError: Error, Sendable, Equatable {
    case empty
    case invalidCharacters
    /// Both "," and "." or several separators ("1,000,000", "1.000,50"): we cannot tell grouping
    /// from the decimal separator, so we ask instead of guessing.
    case ambiguousSeparators
    case tooManyFractionDigits(allowed: Int)
    case tooLarge

    public var key: String {
        switch self {
        case .empty: "money.empty"
        case .invalidCharacters: "money.invalid"
        case .ambiguousSeparators: "money.ambiguous_separators"
        case .tooManyFractionDigits: "money.too_many_fraction_digits"
        case .tooLarge: "money.too_large"
        }
    }
}

extension Money {
    /// Characters accepted as digit grouping: space, NO-BREAK SPACE, NARROW NO-BREAK SPACE,
    /// THIN SPACE — what people type and what our own formatter and spreadsheets emit.
    static let groupingCharacters: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]

    /// Parses what an agent types into «Взнос» or «Страховая сумма»:
    /// "100 000", "100000,50", "100 000.5", "100 000,00 ₽", "-5".
    ///
    /// Exactly one "," or "." is the decimal separator; spaces anywhere are grouping; the currency's
    /// own symbol or ISO code may lead or trail. At most the currency's fraction digits.
    public static func parse(_ text: String, currency: CurrencyCode) -> Result<Money, MoneyParseError> {
        if let plain = plainDigits(text, currency: currency) { return plain }
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for marker in [currency.symbol, currency.rawValue, currency.rawValue.lowercased()] {
            if body.hasSuffix(marker) { body = String(body.dropLast(marker.count)) }
            if body.hasPrefix(marker) { body = String(body.dropFirst(marker.count)) }
        }
        body.removeAll { groupingCharacters.contains($0) || $0.isNewline || $0 == "\t" }
        guard !body.isEmpty else { return .failure(.empty) }

        var negative = false
        if let first = body.first, first == "-" || first == "\u{2212}" {
            negative = true
            body.removeFirst()
        }
        let separators = body.filter { $0 == "," || $0 == "." }
        guard separators.count <= 1 else { return .failure(.ambiguousSeparators) }
        let parts = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        let integerPart = parts.first.map(String.init) ?? ""
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        guard !(integerPart.isEmpty && fractionPart.isEmpty),
              integerPart.allSatisfy(\.isASCIIDigitCharacter),
              fractionPart.allSatisfy(\.isASCIIDigitCharacter)
        else { return .failure(.invalidCharacters) }
        guard fractionPart.count <= currency.minorUnitDigits else {
            return .failure(.tooManyFractionDigits(allowed: currency.minorUnitDigits))
        }
        let trimmedInteger = integerPart.drop(while: { $0 == "0" })
        guard trimmedInteger.count <= 15 else { return .failure(.tooLarge) }

        let paddedFraction = fractionPart.padding(toLength: currency.minorUnitDigits, withPad: "0", startingAt: 0)
        guard let minor = Int64(String(trimmedInteger.isEmpty ? "0" : trimmedInteger) + paddedFraction) else {
            return .failure(.tooLarge)
        }
        return .success(Money(minorUnits: negative ? -minor : minor, currency: currency))
    }

    /// What the API and most forms send — nothing but ASCII digits ("100000") — read without the general path's
    /// trimming, marker and separator handling; the same answer as that path gives. nil for anything else.
    private static func plainDigits(_ text: String, currency: CurrencyCode) -> Result<Money, MoneyParseError>? {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let significant = utf8.drop { $0 == 0x30 }
        guard significant.count <= 15 else { return .failure(.tooLarge) }
        var major: Int64 = 0
        for digit in significant { major = major * 10 + Int64(digit - 0x30) }
        return .success(Money(minorUnits: major * currency.minorUnitsPerMajor, currency: currency))
    }
}
