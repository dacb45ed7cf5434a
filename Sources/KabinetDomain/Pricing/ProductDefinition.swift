import Foundation

/// One version of an insurance product's tariff, loaded from a JSON file (see docs/TARIFFS.md).
///
/// Everything the calculation needs is here as data — limits, frequencies, terms, risks and
/// their rules — so a new product or a new tariff version is a new file, not new code. A contract
/// stores `code` + `version` so it can always be re-priced with the tariff it was sold under.
public struct ProductDefinition: Sendable, Equatable {
    /// Stable identifier, lowercase latin letters, digits and "-" ("product-1").
    public var code: String
    /// Name on the tile and in the dropdown («Продукт 1»).
    public var name: String
    /// English name for the English interface; falls back to `name`.
    public var englishName: String?
    public var kind: ProductKind
    public var currency: CurrencyCode
    /// Tariff version label stored on every quote and contract ("2024.1").
    public var version: String
    /// First day this version may be used for new quotes; the catalog picks the latest
    /// version with `validFrom` ≤ today.
    public var validFrom: CalendarDate
    /// Position among the tiles (ascending).
    public var sortOrder: Int
    /// One-line description for the tile.
    public var summary: String?
    public var startDate: StartDateRule
    /// Allowed «Периодичность оплаты», in display order.
    public var frequencies: [PaymentFrequency]
    /// Allowed «Продолжительность договора» in whole years, in display order.
    public var terms: [Int]
    /// Limits of the total payment per frequency (each allowed frequency has an entry).
    public var premiumLimits: [PaymentFrequency: AmountRange]
    /// Multiplier applied to rate-table premiums paid in instalments (e.g. monthly 1.02);
    /// a frequency without an entry uses 1.
    public var frequencyLoadings: [PaymentFrequency: Decimal]
    public var insuredAge: AgeLimits
    /// Code of the risk whose sum insured is «Страховая сумма» of the contract and which the
    /// reverse calculation (from the sum insured) starts from.
    public var mainRisk: String
    /// Risks in display order (the quote lists them in this order).
    public var risks: [RiskDefinition]

    public init(
        code: String, name: String, englishName: String? = nil, kind: ProductKind, currency: CurrencyCode,
        version: String, validFrom: CalendarDate, sortOrder: Int = 0, summary: String? = nil,
        startDate: StartDateRule, frequencies: [PaymentFrequency], terms: [Int],
        premiumLimits: [PaymentFrequency: AmountRange], frequencyLoadings: [PaymentFrequency: Decimal] = [:],
        insuredAge: AgeLimits, mainRisk: String, risks: [RiskDefinition]
    ) {
        self.code = code
        self.name = name
        self.englishName = englishName
        self.kind = kind
        self.currency = currency
        self.version = version
        self.validFrom = validFrom
        self.sortOrder = sortOrder
        self.summary = summary
        self.startDate = startDate
        self.frequencies = frequencies
        self.terms = terms
        self.premiumLimits = premiumLimits
        self.frequencyLoadings = frequencyLoadings
        self.insuredAge = insuredAge
        self.mainRisk = mainRisk
        self.risks = risks
    }

    public func risk(_ code: String) -> RiskDefinition? { risks.first { $0.code == code } }

    /// Mandatory risks: shown checked and locked in the form.
    public var mandatoryRiskCodes: [String] { risks.filter(\.mandatory).map(\.code) }

    /// The selection a new calculation form starts with: every risk checked, as in the seed.
    public var defaultRiskSelection: Set<String> { Set(risks.map(\.code)) }

    /// Payment limits for a frequency as money in the product currency.
    public func premiumLimits(for frequency: PaymentFrequency) -> (min: Money, max: Money)? {
        guard let range = premiumLimits[frequency],
              let min = Money(exactly: range.min, currency: currency),
              let max = Money(exactly: range.max, currency: currency)
        else { return nil }
        return (min, max)
    }
}

/// «Дата начала срока действия договора страхования»: allowed window relative to today.
public struct StartDateRule: Sendable, Equatable {
    /// 0 = may start today, 1 = tomorrow at the earliest (the seed's contracts start the day
    /// after they are issued).
    public var minDaysAhead: Int
    public var maxDaysAhead: Int

    public init(minDaysAhead: Int, maxDaysAhead: Int) {
        self.minDaysAhead = minDaysAhead
        self.maxDaysAhead = maxDaysAhead
    }

    public func earliest(today: CalendarDate) -> CalendarDate { today.adding(days: minDaysAhead) }
    public func latest(today: CalendarDate) -> CalendarDate { today.adding(days: maxDaysAhead) }
}

/// Insured age limits in full years: at the start date, and at the end (age at start + term).
public struct AgeLimits: Sendable, Equatable {
    public var minAtStart: Int
    public var maxAtStart: Int
    public var maxAtEnd: Int

    public init(minAtStart: Int, maxAtStart: Int, maxAtEnd: Int) {
        self.minAtStart = minAtStart
        self.maxAtStart = maxAtStart
        self.maxAtEnd = maxAtEnd
    }
}

/// An inclusive range of amounts in the product currency, e.g. premium or sum insured limits.
public struct AmountRange: Sendable, Equatable {
    public var min: Decimal
    public var max: Decimal

    public init(min: Decimal, max: Decimal) {
        self.min = min
        self.max = max
    }

    public func contains(_ amount: Decimal) -> Bool { amount >= min && amount <= max }
}
