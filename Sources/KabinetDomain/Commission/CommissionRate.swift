import Foundation

/// A commission (КВ) rate: the percentage of the paid premium an agency earns on one product under one agency
/// agreement, in force from `validFrom` to `validTo` inclusive (open-ended when nil).
///
/// The percentage is an exact `Decimal` ("12.5" is 12,5 %), never a `Double`: the act must add up to the kopeck.
public struct CommissionRate: Sendable, Hashable {
    public var id: UUID?
    public var agreement: String
    public var productCode: String
    public var percent: Decimal
    public var validFrom: CalendarDate
    public var validTo: CalendarDate?

    public init(id: UUID? = nil, agreement: String, productCode: String, percent: Decimal, validFrom: CalendarDate,
                validTo: CalendarDate? = nil) {
        self.id = id
        self.agreement = agreement
        self.productCode = productCode
        self.percent = percent
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func isValid(on day: CalendarDate) -> Bool {
        validFrom <= day && (validTo.map { day <= $0 } ?? true)
    }

    /// Two rates of the same product and agreement whose periods share a day: the payment date would not say
    /// which applies, so such a pair is refused.
    public func overlaps(_ other: CommissionRate) -> Bool {
        guard agreement == other.agreement, productCode == other.productCode else { return false }
        let endsBeforeOther = validTo.map { $0 < other.validFrom } ?? false
        let otherEndsBefore = other.validTo.map { $0 < validFrom } ?? false
        return !endsBeforeOther && !otherEndsBefore
    }

    /// The percentage as stored and typed: "12.5" (dot, no trailing zeros).
    public var percentText: String { CommissionRate.text(percent) }

    /// "12,5 %" for the Russian screens and documents.
    public var russianPercent: String { percentText.replacingOccurrences(of: ".", with: ",") + " %" }

    public static func text(_ percent: Decimal) -> String {
        NSDecimalNumber(decimal: percent).stringValue
    }
}

/// Picks the rate in force on a payment date.
public enum CommissionRates {
    /// The rate of this product and agreement valid on `day`; with (refused, but possibly old) overlapping rows the
    /// one that started last wins, so the choice is still deterministic.
    public static func rate(agreement: String, productCode: String, on day: CalendarDate,
                            in rates: [CommissionRate]) -> CommissionRate? {
        rates.filter { $0.agreement == agreement && $0.productCode == productCode && $0.isValid(on: day) }
            .max { $0.validFrom < $1.validFrom }
    }
}
