import Foundation

/// A problem with one field of the rate form: the field, the localisation key and its positional arguments.
public struct CommissionProblem: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var key: String
    public var arguments: [String]

    public init(_ field: String, _ key: String, _ arguments: [String] = []) {
        self.field = field
        self.key = key
        self.arguments = arguments
    }

    public var description: String { "\(field): \(key) \(arguments)" }
}

/// The problems of a refused form, as the failure of a `Result`.
public struct CommissionProblems: Error, Sendable, Hashable {
    public var problems: [CommissionProblem]

    public init(_ problems: [CommissionProblem]) {
        self.problems = problems
    }
}

/// Checks a new rate as typed: a percentage above 0 and at most 100 with at most four decimals, a start date, an
/// end date not before it, and no overlap with another rate of the same product and agreement.
public enum CommissionRateValidator {
    public static let maxFractionDigits = 4

    /// "12,5", "12.5" or " 7 " → 12.5 / 7; nil when it is not a plain decimal number.
    public static func parsePercent(_ text: String) -> Decimal? {
        let cleaned = text.trimmingSpaces().replacingOccurrences(of: ",", with: ".")
            .replacingOccurrences(of: "%", with: "").trimmingSpaces()
        return DecimalRounding.parse(cleaned)
    }

    /// The rate, or every problem found (each field once); `existing` are the rates already stored.
    public static func validate(agreement: String, productCode: String, percent: String, validFrom: String,
                                validTo: String, existing: [CommissionRate]) -> Result<CommissionRate, CommissionProblems> {
        var problems: [CommissionProblem] = []
        if agreement.trimmingSpaces().isEmpty { problems.append(.init("agreement", "commission.error.required")) }
        if productCode.trimmingSpaces().isEmpty { problems.append(.init("product", "commission.error.required")) }
        let parsed = parsePercent(percent)
        if percent.trimmingSpaces().isEmpty {
            problems.append(.init("percent", "commission.error.required"))
        } else if let value = parsed {
            if value <= 0 || value > 100 {
                problems.append(.init("percent", "commission.error.percent_range"))
            } else if !DecimalRounding.fits(value, scale: maxFractionDigits) {
                problems.append(.init("percent", "commission.error.percent_digits", [String(maxFractionDigits)]))
            }
        } else {
            problems.append(.init("percent", "commission.error.percent"))
        }
        let from = CalendarDate(validFrom)
        if validFrom.trimmingSpaces().isEmpty {
            problems.append(.init("validFrom", "commission.error.required"))
        } else if from == nil {
            problems.append(.init("validFrom", "commission.error.date"))
        }
        var to: CalendarDate?
        if !validTo.trimmingSpaces().isEmpty {
            to = CalendarDate(validTo)
            if to == nil {
                problems.append(.init("validTo", "commission.error.date"))
            } else if let from, let to, to < from {
                problems.append(.init("validTo", "commission.error.order"))
            }
        }
        guard problems.isEmpty, let parsed, let from else { return .failure(CommissionProblems(problems)) }
        let rate = CommissionRate(agreement: agreement.trimmingSpaces(), productCode: productCode.trimmingSpaces(),
                                  percent: parsed, validFrom: from, validTo: to)
        if let clash = existing.first(where: rate.overlaps) {
            return .failure(CommissionProblems([.init("validFrom", "commission.error.overlap", [
                clash.russianPercent, clash.validFrom.russian, clash.validTo?.russian ?? "…"])]))
        }
        return .success(rate)
    }

    /// Closing a rate: the last day must be a date not before its first day (and it may not reopen a closed one
    /// past a later rate — checked against the others as an overlap).
    public static func close(_ rate: CommissionRate, lastDay text: String, others: [CommissionRate])
        -> Result<CommissionRate, CommissionProblems>
    {
        guard let day = CalendarDate(text) else {
            return .failure(CommissionProblems([.init("validTo", text.trimmingSpaces().isEmpty ? "commission.error.required" : "commission.error.date")]))
        }
        guard day >= rate.validFrom else { return .failure(CommissionProblems([.init("validTo", "commission.error.order")])) }
        var closed = rate
        closed.validTo = day
        if let clash = others.first(where: { $0.id != rate.id && closed.overlaps($0) }) {
            return .failure(CommissionProblems([.init("validTo", "commission.error.overlap", [
                clash.russianPercent, clash.validFrom.russian, clash.validTo?.russian ?? "…"])]))
        }
        return .success(closed)
    }
}
