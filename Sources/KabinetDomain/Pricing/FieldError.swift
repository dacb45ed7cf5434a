import Foundation

/// A problem with one input field, shown next to that field.
///
/// Carries a message key and machine-readable arguments instead of a sentence, so the web form
/// can render it in Russian or English (the app's localisation table + `PricingMessages.fill`) and
/// the JSON API can return it unchanged. Argument values are plain: ISO dates ("2024-02-09"), amounts with a dot
/// ("30000.00") plus a "currency" argument, codes and numbers.
public struct FieldError: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Form field / API property name, see `QuoteField`.
    public var field: String
    /// Message key, see `PricingMessageKey`.
    public var key: String
    public var arguments: [String: String]

    public init(field: String, key: String, arguments: [String: String] = [:]) {
        self.field = field
        self.key = key
        self.arguments = arguments
    }

    public init(_ field: QuoteField, _ key: PricingMessageKey, _ arguments: [String: String] = [:]) {
        self.init(field: field.rawValue, key: key.rawValue, arguments: arguments)
    }

    public var description: String {
        let args = arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return "\(field): \(key)" + (args.isEmpty ? "" : " (\(args))")
    }
}

/// The fields of the calculation form («Расчет по продукту») and of the quote API.
public enum QuoteField: String, CaseIterable, Codable, Sendable {
    case product
    case startDate
    case frequency
    case term
    /// «Взнос» — the payment per period, when calculating from the premium.
    case premium
    /// «Страховая сумма» of the main risk, when calculating in reverse.
    case sumInsured
    /// Which of premium / sumInsured was given.
    case basis
    case sex
    case birthDate
    case risks
    case today
    /// «Номер АД»: the agency agreement the quote is saved under (checked when saving, not when pricing).
    case agreement
    /// The insured's «Фамилия», «Имя», «Отчество» (checked when saving).
    case lastName
    case firstName
    case middleName
}

/// A rejected calculation: every problem found, nothing priced.
public struct QuoteRejection: Error, Sendable, Equatable {
    public var errors: [FieldError]

    public init(_ errors: [FieldError]) { self.errors = errors }

    /// The errors of one field, for rendering next to it.
    public func errors(for field: QuoteField) -> [FieldError] {
        errors.filter { $0.field == field.rawValue }
    }

    /// Message keys only, handy in tests.
    public var keys: [String] { errors.map(\.key) }
}
