import Foundation

/// JSON shape: `{"amount": "603566.62", "currency": "RUB"}`.
///
/// The amount is a string with exactly the currency's fraction digits so no JSON reader ever
/// turns it into a binary float; decoding also accepts a JSON integer of major units.
extension Money: Codable {
    private enum CodingKeys: String, CodingKey { case amount, currency }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(CurrencyCode.self, forKey: .currency)
        let amount = try container.decodeExactDecimal(forKey: .amount)
        guard let money = Money(exactly: amount, currency: currency) else {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container,
                debugDescription: "amount has more than \(currency.minorUnitDigits) fraction digits or is too large")
        }
        self = money
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(plainString, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }

    /// Canonical machine form: "-1234.50" — no grouping, dot separator, all fraction digits.
    public var plainString: String {
        let per = currency.minorUnitsPerMajor
        let magnitude = minorUnits.magnitude
        let major = magnitude / UInt64(per)
        let minor = magnitude % UInt64(per)
        let sign = minorUnits < 0 ? "-" : ""
        let fraction = String(minor).leftPadded(to: currency.minorUnitDigits)
        return currency.minorUnitDigits == 0 ? "\(sign)\(major)" : "\(sign)\(major).\(fraction)"
    }
}

extension KeyedDecodingContainer {
    /// Decodes an exact decimal written as a JSON string ("0.06342") or a JSON integer (5).
    /// JSON fractions written as numbers (0.06342) are refused: they would pass through Double.
    public func decodeExactDecimal(forKey key: Key) throws -> Decimal {
        if let integer = try? decode(Int64.self, forKey: key) {
            return Decimal(integer)
        }
        let text: String
        do {
            text = try decode(String.self, forKey: key)
        } catch DecodingError.typeMismatch {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "expected a decimal written as a string, e.g. \"0.06342\"")
        }
        guard let value = DecimalRounding.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "not a decimal number: \"\(text)\"")
        }
        return value
    }

    /// Optional variant of `decodeExactDecimal(forKey:)`: nil when the key is absent or null.
    public func decodeExactDecimalIfPresent(forKey key: Key) throws -> Decimal? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeExactDecimal(forKey: key)
    }
}

extension String {
    /// Pads with leading zeros ("5" → "05") for fraction digits.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
