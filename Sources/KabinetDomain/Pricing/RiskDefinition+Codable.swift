import Foundation

/// JSON form of risks and their rules. Rules are objects tagged by "rule":
/// `{"rule": "ratio", "of": "survival", "divisor": "12.1"}`.
extension RiskDefinition: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, nameEn, mandatory, sumInsured, premium, sumInsuredLimits
    }

    public init(from decoder: any Decoder) throws {
        try TariffCoding.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        englishName = try c.decodeIfPresent(String.self, forKey: .nameEn)
        mandatory = try c.decode(Bool.self, forKey: .mandatory)
        sumInsured = try c.decode(SumRule.self, forKey: .sumInsured)
        premium = try c.decode(PremiumRule.self, forKey: .premium)
        sumInsuredLimits = try c.decodeIfPresent(AmountRange.self, forKey: .sumInsuredLimits)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(englishName, forKey: .nameEn)
        try c.encode(mandatory, forKey: .mandatory)
        try c.encode(sumInsured, forKey: .sumInsured)
        try c.encode(premium, forKey: .premium)
        try c.encodeIfPresent(sumInsuredLimits, forKey: .sumInsuredLimits)
    }
}

extension SumRule: Codable {
    enum CodingKeys: String, CodingKey { case rule, annualRate, of, multiplier, divisor, factor, amount }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let rule = try c.decode(String.self, forKey: .rule)
        switch rule {
        case "input":
            try TariffCoding.rejectUnknownKeys(in: decoder, allowed: ["rule"])
            self = .input
        case "accumulation":
            try TariffCoding.rejectUnknownKeys(in: decoder, allowed: ["rule", "annualRate"])
            self = .accumulation(annualRate: try c.decodeExactDecimal(forKey: .annualRate))
        case "ratio":
            try TariffCoding.rejectUnknownKeys(in: decoder, allowed: ["rule", "of", "multiplier", "divisor"])
            self = .ratio(
                of: try c.decode(String.self, forKey: .of),
                multiplier: try c.decodeExactDecimalIfPresent(forKey: .multiplier) ?? 1,
                divisor: try c.decodeExactDecimalIfPresent(forKey: .divisor) ?? 1)
        case "multipleOfAnnualPayment":
            try TariffCoding.rejectUnknownKeys(in: decoder, allowed: ["rule", "factor"])
            self = .multipleOfAnnualPayment(factor: try c.decodeExactDecimal(forKey: .factor))
        case "fixed":
            try TariffCoding.rejectUnknownKeys(in: decoder, allowed: ["rule", "amount"])
            self = .fixed(amount: try c.decodeExactDecimal(forKey: .amount))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .rule, in: c,
                debugDescription: "unknown sum rule \"\(rule)\"; allowed: input, accumulation, ratio, multipleOfAnnualPayment, fixed")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .input:
            try c.encode("input", forKey: .rule)
        case .accumulation(let rate):
            try c.encode("accumulation", forKey: .rule)
            try c.encodeExactDecimal(rate, forKey: .annualRate)
        case .ratio(let of, let multiplier, let divisor):
            try c.encode("ratio", forKey: .rule)
            try c.encode(of, forKey: .of)
            if multiplier != 1 { try c.encodeExactDecimal(multiplier, forKey: .multiplier) }
            if divisor != 1 { try c.encodeExactDecimal(divisor, forKey: .divisor) }
        case .multipleOfAnnualPayment(let factor):
            try c.encode("multipleOfAnnualPayment", forKey: .rule)
            try c.encodeExactDecimal(factor, forKey: .factor)
        case .fixed(let amount):
            try c.encode("fixed", forKey: .rule)
            try c.encodeExactDecimal(amount, forKey: .amount)
        }
    }
}

extension PremiumRule: Codable {
    enum CodingKeys: String, CodingKey { case rule, rates, share }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let rule = try c.decode(String.self, forKey: .rule)
        switch rule {
        case "rateTable":
            try TariffCoding.rejectUnknownKeys(in: decoder, allowed: ["rule", "rates"])
            self = .rateTable(try c.decode([RateBand].self, forKey: .rates))
        case "shareOfPayment":
            try TariffCoding.rejectUnknownKeys(in: decoder, allowed: ["rule", "share"])
            self = .shareOfPayment(try c.decodeExactDecimal(forKey: .share))
        case "remainder":
            try TariffCoding.rejectUnknownKeys(in: decoder, allowed: ["rule"])
            self = .remainder
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .rule, in: c,
                debugDescription: "unknown premium rule \"\(rule)\"; allowed: rateTable, shareOfPayment, remainder")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .rateTable(let bands):
            try c.encode("rateTable", forKey: .rule)
            try c.encode(bands, forKey: .rates)
        case .shareOfPayment(let share):
            try c.encode("shareOfPayment", forKey: .rule)
            try c.encodeExactDecimal(share, forKey: .share)
        case .remainder:
            try c.encode("remainder", forKey: .rule)
        }
    }
}

extension RateBand: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case ageFrom, ageTo, male, female }

    public init(from decoder: any Decoder) throws {
        try TariffCoding.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ageFrom = try c.decode(Int.self, forKey: .ageFrom)
        ageTo = try c.decode(Int.self, forKey: .ageTo)
        male = try c.decodeExactDecimal(forKey: .male)
        female = try c.decodeExactDecimal(forKey: .female)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ageFrom, forKey: .ageFrom)
        try c.encode(ageTo, forKey: .ageTo)
        try c.encodeExactDecimal(male, forKey: .male)
        try c.encodeExactDecimal(female, forKey: .female)
    }
}
