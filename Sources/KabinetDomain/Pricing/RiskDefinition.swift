import Foundation

/// One insured risk of a product (a line of the quote) and how it is priced.
public struct RiskDefinition: Sendable, Equatable {
    /// Stable identifier inside the product ("survival", "accidentDeath").
    public var code: String
    /// Wording printed in the form and on the policy, e.g. «Дожитие с возвратом взносов».
    public var name: String
    public var englishName: String?
    /// Mandatory risks are always priced and shown checked and locked; optional ones may be
    /// switched off by the client.
    public var mandatory: Bool
    public var sumInsured: SumRule
    public var premium: PremiumRule
    /// Optional limits of this risk's sum insured (e.g. an accident cover capped by underwriting).
    public var sumInsuredLimits: AmountRange?

    public init(
        code: String, name: String, englishName: String? = nil, mandatory: Bool,
        sumInsured: SumRule, premium: PremiumRule, sumInsuredLimits: AmountRange? = nil
    ) {
        self.code = code
        self.name = name
        self.englishName = englishName
        self.mandatory = mandatory
        self.sumInsured = sumInsured
        self.premium = premium
        self.sumInsuredLimits = sumInsuredLimits
    }

    /// The risk as a message names it: its code, its name, and its English name for English messages.
    var messageArguments: [String: String] {
        var arguments = ["risk": code, "name": name]
        if let englishName { arguments["englishName"] = englishName }
        return arguments
    }
}

/// How a risk's sum insured («Страховая сумма») follows from the inputs. Every rule is linear in
/// the payment and in the main sum insured, which is what lets the engine price both from the
/// premium and in reverse from the sum insured with one exact solve.
public enum SumRule: Sendable, Equatable {
    /// The sum the agent types (only the main risk; the reverse calculation's input).
    case input
    /// The contributions accumulated to the end of the term: every payment (the whole payment,
    /// not only this risk's part) earns `annualRate`, compounded per payment period, from its
    /// due date at the start of the period; a single premium earns it for `term` years. This is
    /// «Дожитие с возвратом взносов»: the contributions come back with a guaranteed yield.
    case accumulation(annualRate: Decimal)
    /// Another risk's sum × multiplier ÷ divisor (the seed's riders are the survival sum ÷ 12.1).
    case ratio(of: String, multiplier: Decimal, divisor: Decimal)
    /// A multiple of the yearly payment (payment × payments per year; a single premium once).
    case multipleOfAnnualPayment(factor: Decimal)
    /// A fixed amount in the product currency (e.g. an assistance service limit).
    case fixed(amount: Decimal)
}

/// How a risk's premium («Страховой взнос») per payment follows from its sum or the payment.
public enum PremiumRule: Sendable, Equatable {
    /// Yearly rate per unit of the risk's sum, by the insured's age at start and sex. Per payment:
    /// rate × sum × years covered by one payment (1 / payments per year; the whole term for a
    /// single premium) × the product's loading for the frequency.
    case rateTable([RateBand])
    /// A fixed share of the payment (0.0019 = 0,19 % of every payment).
    case shareOfPayment(Decimal)
    /// Whatever is left of the payment after the other selected risks: the savings part. When an
    /// optional rider is switched off, its premium flows back here and the payment stays the same.
    case remainder
}

/// One row of a rate table: yearly rates for insured whose age at start is in ageFrom…ageTo.
public struct RateBand: Sendable, Equatable {
    public var ageFrom: Int
    public var ageTo: Int
    public var male: Decimal
    public var female: Decimal

    public init(ageFrom: Int, ageTo: Int, male: Decimal, female: Decimal) {
        self.ageFrom = ageFrom
        self.ageTo = ageTo
        self.male = male
        self.female = female
    }

    public func rate(for sex: Sex) -> Decimal { sex == .male ? male : female }
}

extension PremiumRule {
    /// The yearly rate for an age and sex, or nil when no band covers the age.
    public func rate(age: Int, sex: Sex) -> Decimal? {
        guard case .rateTable(let bands) = self else { return nil }
        return bands.first { $0.ageFrom <= age && age <= $0.ageTo }?.rate(for: sex)
    }
}
