import Foundation

/// Shared pieces of the tariff JSON coding: strict field names and exact decimals.
///
/// Tariff files are written by people. A misspelt optional field ("frequencyLoading") would be
/// silently ignored by a lenient decoder and the product would price wrongly, so every object
/// rejects fields it does not know, with the path of the offending field.
struct TariffJSONKey: CodingKey, Hashable {
    let stringValue: String
    let intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

enum TariffCoding {
    /// Throws `UnknownTariffField` for the first field of the current object that is not one of
    /// `allowed` (sorted, so the message is deterministic).
    static func rejectUnknownKeys(in decoder: any Decoder, allowed: [String]) throws {
        let container = try decoder.container(keyedBy: TariffJSONKey.self)
        let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
        if let first = unknown.first {
            throw UnknownTariffField(codingPath: container.codingPath + [TariffJSONKey(first)], field: first, allowed: allowed)
        }
    }

    /// Exact text of a decimal for writing files back ("0.06342", "100000").
    static func text(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).stringValue
    }
}

/// Thrown while decoding a tariff when an object has a field the format does not define.
struct UnknownTariffField: Error {
    let codingPath: [any CodingKey]
    let field: String
    let allowed: [String]
}

/// A decimal stored in JSON as a string or integer; used for values of dictionaries.
struct DecimalText: Codable {
    let value: Decimal

    init(_ value: Decimal) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int64.self) {
            value = Decimal(integer)
            return
        }
        guard let text = try? container.decode(String.self), let parsed = DecimalRounding.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a decimal written as a string, e.g. \"1.02\"")
        }
        value = parsed
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(TariffCoding.text(value))
    }
}

extension KeyedEncodingContainer {
    /// Writes a decimal as its exact string form.
    mutating func encodeExactDecimal(_ value: Decimal, forKey key: Key) throws {
        try encode(TariffCoding.text(value), forKey: key)
    }
}
