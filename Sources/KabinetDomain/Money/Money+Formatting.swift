import Foundation

/// Human formatting of money for the Russian (default) and English interfaces.
///
/// Russian: "603 566,62 ₽" — digits grouped by three with U+00A0 NO-BREAK SPACE, comma before
/// kopecks, U+00A0 and the symbol after the amount (the seed's «603 566,62 Р»). The no-break space
/// keeps an amount on one line in HTML tables and PDFs; it is the grouping character of the
/// classic CLDR "ru" locale. English: "$1,234.56" / "₽603,566.62" — symbol first, comma grouping.
public enum MoneyFormatStyle: Sendable {
    /// Russian layout, always with kopecks: "100 000,00 ₽".
    case russian
    /// Russian layout without ",00" for whole amounts, as the seed's totals show: "100 000 ₽",
    /// "99 482,30 ₽". (The seed also prints "99 482,3 Р"; we never drop a single trailing zero.)
    case russianCompact
    /// English layout, always with cents: "₽603,566.62".
    case english
}

extension Money {
    /// The grouping and symbol separator used by the Russian styles: U+00A0 NO-BREAK SPACE.
    public static let groupSeparator: Character = "\u{00A0}"

    /// Formats the amount; `formatted()` gives "603 566,62 ₽".
    public func formatted(_ style: MoneyFormatStyle = .russian) -> String {
        let per = UInt64(currency.minorUnitsPerMajor)
        let magnitude = minorUnits.magnitude
        let major = String(magnitude / per)
        let fraction = String(magnitude % per).leftPadded(to: currency.minorUnitDigits)
        let sign = minorUnits < 0 ? "-" : ""
        switch style {
        case .russian, .russianCompact:
            let grouped = Self.group(major, separator: Self.groupSeparator)
            let showFraction = style == .russian || magnitude % per != 0
            let number = showFraction ? "\(grouped),\(fraction)" : grouped
            return "\(sign)\(number)\(Self.groupSeparator)\(currency.symbol)"
        case .english:
            return "\(sign)\(currency.symbol)\(Self.group(major, separator: ",")).\(fraction)"
        }
    }

    /// Amount only, Russian layout without the symbol ("603 566,62"), for table cells whose
    /// header already names the currency.
    public var formattedAmount: String {
        let text = formatted(.russian)
        return String(text.dropLast(currency.symbol.count + 1))
    }

    /// Inserts `separator` every three digits from the right.
    static func group(_ digits: String, separator: Character) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(separator) }
            result.append(digit)
        }
        return result
    }
}

extension Money: CustomStringConvertible {
    /// Debug/log form: "603566.62 RUB" (unambiguous, no special spaces).
    public var description: String { "\(plainString) \(currency.rawValue)" }
}
