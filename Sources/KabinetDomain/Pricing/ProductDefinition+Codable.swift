import Foundation

/// JSON form of a product tariff file; field names are documented in docs/TARIFFS.md.
extension ProductDefinition: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, nameEn, kind, currency, version, validFrom, sortOrder, summary, startDate
        case frequencies, terms, premiumLimits, frequencyLoadings, insuredAge, mainRisk, risks
    }

    public init(from decoder: any Decoder) throws {
        try TariffCoding.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        englishName = try c.decodeIfPresent(String.self, forKey: .nameEn)
        kind = try c.decode(ProductKind.self, forKey: .kind)
        currency = try c.decode(CurrencyCode.self, forKey: .currency)
        version = try c.decode(String.self, forKey: .version)
        validFrom = try c.decode(CalendarDate.self, forKey: .validFrom)
        sortOrder = try c.decodeIfPresent(Int.self, forKey: .sortOrder) ?? 0
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        startDate = try c.decode(StartDateRule.self, forKey: .startDate)
        frequencies = try c.decode([PaymentFrequency].self, forKey: .frequencies)
        terms = try c.decode([Int].self, forKey: .terms)
        premiumLimits = try c.decode([PaymentFrequency: AmountRange].self, forKey: .premiumLimits)
        frequencyLoadings = try (c.decodeIfPresent([PaymentFrequency: DecimalText].self, forKey: .frequencyLoadings) ?? [:])
            .mapValues(\.value)
        insuredAge = try c.decode(AgeLimits.self, forKey: .insuredAge)
        mainRisk = try c.decode(String.self, forKey: .mainRisk)
        risks = try c.decode([RiskDefinition].self, forKey: .risks)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(englishName, forKey: .nameEn)
        try c.encode(kind, forKey: .kind)
        try c.encode(currency, forKey: .currency)
        try c.encode(version, forKey: .version)
        try c.encode(validFrom, forKey: .validFrom)
        try c.encode(sortOrder, forKey: .sortOrder)
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(frequencies, forKey: .frequencies)
        try c.encode(terms, forKey: .terms)
        try c.encode(premiumLimits, forKey: .premiumLimits)
        if !frequencyLoadings.isEmpty {
            try c.encode(frequencyLoadings.mapValues(DecimalText.init), forKey: .frequencyLoadings)
        }
        try c.encode(insuredAge, forKey: .insuredAge)
        try c.encode(mainRisk, forKey: .mainRisk)
        try c.encode(risks, forKey: .risks)
    }
}

extension AmountRange: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case min, max }

    public init(from decoder: any Decoder) throws {
        try TariffCoding.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        min = try c.decodeExactDecimal(forKey: .min)
        max = try c.decodeExactDecimal(forKey: .max)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeExactDecimal(min, forKey: .min)
        try c.encodeExactDecimal(max, forKey: .max)
    }
}

extension StartDateRule: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case minDaysAhead, maxDaysAhead }

    public init(from decoder: any Decoder) throws {
        try TariffCoding.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minDaysAhead = try c.decode(Int.self, forKey: .minDaysAhead)
        maxDaysAhead = try c.decode(Int.self, forKey: .maxDaysAhead)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(minDaysAhead, forKey: .minDaysAhead)
        try c.encode(maxDaysAhead, forKey: .maxDaysAhead)
    }
}

extension AgeLimits: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case minAtStart, maxAtStart, maxAtEnd }

    public init(from decoder: any Decoder) throws {
        try TariffCoding.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minAtStart = try c.decode(Int.self, forKey: .minAtStart)
        maxAtStart = try c.decode(Int.self, forKey: .maxAtStart)
        maxAtEnd = try c.decode(Int.self, forKey: .maxAtEnd)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(minAtStart, forKey: .minAtStart)
        try c.encode(maxAtStart, forKey: .maxAtStart)
        try c.encode(maxAtEnd, forKey: .maxAtEnd)
    }
}
