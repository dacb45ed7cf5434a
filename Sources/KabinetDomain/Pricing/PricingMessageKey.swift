import Foundation

/// Every message key the money, pricing and tariff code can emit. The app's localisation table
/// (ru.json / en.json) has a Russian and an English text for each (a test enforces it), so the app
/// never shows a raw key; `PricingMessages.fill` formats the arguments.
public enum PricingMessageKey: String, CaseIterable, Sendable {
    // Typed amounts (MoneyParseError.key).
    case moneyEmpty = "money.empty"
    case moneyInvalid = "money.invalid"
    case moneyAmbiguousSeparators = "money.ambiguous_separators"
    case moneyTooManyFractionDigits = "money.too_many_fraction_digits"
    case moneyTooLarge = "money.too_large"

    // Form parsing (QuoteInput).
    case pricingRequired = "pricing.required"
    case pricingDateInvalid = "pricing.date.invalid"
    case pricingFrequencyUnknown = "pricing.frequency.unknown"
    case pricingTermInvalid = "pricing.term.invalid"
    case pricingSexUnknown = "pricing.sex.unknown"
    case pricingBasisUnknown = "pricing.basis.unknown"

    // Request against the product's rules.
    case pricingProductUnknown = "pricing.product.unknown"
    case pricingCurrencyMismatch = "pricing.currency.mismatch"
    case pricingPremiumNotPositive = "pricing.premium.not_positive"
    case pricingSumInsuredNotPositive = "pricing.sum_insured.not_positive"
    case pricingStartDateOutOfRange = "pricing.start_date.out_of_range"
    case pricingFrequencyNotAllowed = "pricing.frequency.not_allowed"
    case pricingTermNotAllowed = "pricing.term.not_allowed"
    case pricingBirthDateInFuture = "pricing.birth_date.after_start"
    case pricingAgeAtStartOutOfLimits = "pricing.age.at_start_out_of_limits"
    case pricingAgeAtEndOutOfLimits = "pricing.age.at_end_out_of_limits"
    case pricingRiskUnknown = "pricing.risk.unknown"
    case pricingRiskMandatoryMissing = "pricing.risk.mandatory_missing"

    // Saving a quote («Оформить»): the insured's names and the agency agreement («Номер АД»).
    case pricingNameInvalid = "pricing.name.invalid"
    case pricingAgreementUnknown = "pricing.agreement.unknown"
    case pricingAgreementNotValid = "pricing.agreement.not_valid"

    // Result of the calculation.
    case pricingPremiumOutOfLimits = "pricing.premium.out_of_limits"
    case pricingSumInsuredPremiumOutOfLimits = "pricing.sum_insured.premium_out_of_limits"
    case pricingRiskSumOutOfLimits = "pricing.risk.sum_out_of_limits"
    case pricingPremiumTooLowForRisks = "pricing.premium.too_low_for_risks"
    case pricingUnsolvable = "pricing.unsolvable"
    case pricingAmountTooLarge = "pricing.amount.too_large"

    // Tariff files: JSON structure.
    case tariffJsonSyntax = "tariff.json.syntax"
    case tariffJsonMissingField = "tariff.json.missing_field"
    case tariffJsonWrongType = "tariff.json.wrong_type"
    case tariffJsonInvalidValue = "tariff.json.invalid_value"
    case tariffJsonUnknownField = "tariff.json.unknown_field"

    // Tariff files: meaning.
    case tariffCodeInvalid = "tariff.code.invalid"
    case tariffTextEmpty = "tariff.text.empty"
    case tariffListEmpty = "tariff.list.empty"
    case tariffListDuplicate = "tariff.list.duplicate"
    case tariffStartDateWindowInvalid = "tariff.start_date.window_invalid"
    case tariffTermInvalid = "tariff.term.invalid"
    case tariffPremiumLimitsMissing = "tariff.premium_limits.missing"
    case tariffFrequencyNotOffered = "tariff.frequency.not_offered"
    case tariffRangeInvalid = "tariff.range.invalid"
    case tariffAmountPrecision = "tariff.amount.precision"
    case tariffNumberNotPositive = "tariff.number.not_positive"
    case tariffRateOutOfRange = "tariff.rate.out_of_range"
    case tariffAgeLimitsInvalid = "tariff.age.limits_invalid"
    case tariffAgeAtEndUnreachable = "tariff.age.at_end_unreachable"
    case tariffRiskUnknown = "tariff.risk.unknown"
    case tariffMainRiskOptional = "tariff.main_risk.optional"
    case tariffSumInputNotMain = "tariff.sum.input_not_main"
    case tariffRatioCycle = "tariff.sum.ratio_cycle"
    case tariffRemainderOptional = "tariff.premium.remainder_optional"
    case tariffRemainderDuplicate = "tariff.premium.remainder_duplicate"
    case tariffRulesNotClosed = "tariff.rules.not_closed"
    case tariffSharesExceedPayment = "tariff.premium.shares_exceed_payment"
    case tariffBandInvalid = "tariff.rates.band_invalid"
    case tariffBandsGap = "tariff.rates.gap"
    case tariffBandsOverlap = "tariff.rates.overlap"
    case tariffBandsNotCovering = "tariff.rates.not_covering"
    case tariffCatalogDuplicate = "tariff.catalog.duplicate_version"
    /// An upload of a code + version that is already stored (versions are never replaced).
    case tariffVersionExists = "tariff.version.exists"
}
