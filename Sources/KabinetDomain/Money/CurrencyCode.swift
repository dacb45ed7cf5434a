import Foundation

/// ISO 4217 currencies the portal sells contracts in.
///
/// Kept as a closed enum (not a free string) so a tariff file or an API call naming an unsupported
/// currency is rejected at the boundary instead of reaching the money arithmetic.
public enum CurrencyCode: String, CaseIterable, Codable, Sendable, Hashable {
    case RUB
    case USD
    case EUR

    /// Symbol printed after (ru) or before (en) the amount.
    public var symbol: String {
        switch self {
        case .RUB: "₽"
        case .USD: "$"
        case .EUR: "€"
        }
    }

    /// Number of minor-unit digits (kopecks, cents). All supported currencies use two.
    public var minorUnitDigits: Int { 2 }

    /// 10^minorUnitDigits — how many minor units make one major unit.
    public var minorUnitsPerMajor: Int64 {
        var value: Int64 = 1
        for _ in 0..<minorUnitDigits { value *= 10 }
        return value
    }

    /// Russian name as the seed's calculation form shows it («Валюта договора страхования»).
    public var russianName: String {
        switch self {
        case .RUB: "Российский рубль"
        case .USD: "Доллар США"
        case .EUR: "Евро"
        }
    }

    /// English name for the English interface.
    public var englishName: String {
        switch self {
        case .RUB: "Russian rouble"
        case .USD: "US dollar"
        case .EUR: "Euro"
        }
    }
}
